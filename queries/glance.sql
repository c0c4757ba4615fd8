-- The home page's day at a glance: reads over one day of visits.

-- name: CustomerOwingOnDay :many
-- Clients with a visit that day (cancelled and unpaid holds aside) whose
-- account is in debt, in the order they come.
SELECT c.id, c.first_name, c.last_name, b.balance::bigint AS balance_cents, v.first_start::timestamptz AS first_start
FROM (SELECT a.customer_id, min(a.starts_at) AS first_start FROM appointments a
      WHERE a.tenant_id = @tenant_id AND a.starts_at >= @range_from AND a.starts_at < @range_to
        AND a.status NOT IN ('cancelled', 'pending')
      GROUP BY a.customer_id) v
JOIN customers c ON c.tenant_id = @tenant_id AND c.id = v.customer_id
JOIN LATERAL (SELECT sum(l.amount_cents) AS balance FROM customer_ledger l
              WHERE l.tenant_id = c.tenant_id AND l.customer_id = c.id) b ON true
WHERE b.balance < 0
ORDER BY v.first_start, c.last_name;

-- name: PaymentDepositsOnDay :one
-- What clients paid ahead online (deposits and prepayments) for that day's
-- visits that still take place.
SELECT coalesce(sum(p.amount_cents), 0)::bigint AS cents, count(*)::bigint AS payments
FROM payments p
JOIN appointments a ON a.tenant_id = p.tenant_id AND a.id = p.appointment_id
WHERE p.tenant_id = @tenant_id AND p.kind IN ('deposit', 'prepayment') AND p.status = 'succeeded'
  AND a.starts_at >= @range_from AND a.starts_at < @range_to AND a.status NOT IN ('cancelled', 'pending');
