-- A day's takings: tickets closed in the day — sales and credit notes
-- alike, a credit note's amounts being negative already — on every register
-- or, given register_id, on one.

-- name: TakingsByMethod :many
SELECT p.method, coalesce(sum(p.amount_cents), 0)::bigint AS cents
FROM ticket_payments p
JOIN tickets t ON t.tenant_id = p.tenant_id AND t.id = p.ticket_id
WHERE t.tenant_id = @tenant_id AND t.status = 'closed' AND t.closed_at >= @since AND t.closed_at < @until
  AND (sqlc.narg(register_id)::uuid IS NULL OR t.register_id = sqlc.narg(register_id))
GROUP BY p.method
ORDER BY p.method;

-- name: TakingsByStaff :many
-- What each staff member's lines brought in, after every discount; lines
-- without a staff member come as one row with a null id.
SELECT l.staff_id, coalesce(min(m.name), '')::text AS name, coalesce(sum(l.total_cents), 0)::bigint AS cents
FROM ticket_lines l
JOIN tickets t ON t.tenant_id = l.tenant_id AND t.id = l.ticket_id
LEFT JOIN staff_members m ON m.tenant_id = l.tenant_id AND m.id = l.staff_id
WHERE t.tenant_id = @tenant_id AND t.status = 'closed' AND t.closed_at >= @since AND t.closed_at < @until
  AND (sqlc.narg(register_id)::uuid IS NULL OR t.register_id = sqlc.narg(register_id))
GROUP BY l.staff_id
ORDER BY cents DESC, name;

-- name: TakingsByItem :many
-- Each service, product or free line label: quantity and amount after
-- every discount.
SELECT l.kind, coalesce(l.service_id, l.product_id) AS item_id, min(l.label)::text AS label,
       coalesce(sum(l.quantity), 0)::bigint AS quantity, coalesce(sum(l.total_cents), 0)::bigint AS cents
FROM ticket_lines l
JOIN tickets t ON t.tenant_id = l.tenant_id AND t.id = l.ticket_id
WHERE t.tenant_id = @tenant_id AND t.status = 'closed' AND t.closed_at >= @since AND t.closed_at < @until
  AND (sqlc.narg(register_id)::uuid IS NULL OR t.register_id = sqlc.narg(register_id))
GROUP BY l.kind, coalesce(l.service_id, l.product_id), CASE WHEN l.kind = 'free' THEN l.label END
ORDER BY l.kind, cents DESC, label;

-- name: TakingsRegisterDays :many
-- The register days opened in the day, with the cash their closed
-- tickets brought in (refunds paid out come off).
SELECT d.id, d.register_id, r.name, d.opened_at, d.closed_at, d.float_cents, d.counted_cents, d.expected_cents,
       coalesce((SELECT sum(p.amount_cents) FROM ticket_payments p
                 JOIN tickets t ON t.tenant_id = p.tenant_id AND t.id = p.ticket_id
                 WHERE t.tenant_id = d.tenant_id AND t.day_id = d.id AND t.status = 'closed' AND p.method = 'cash'), 0)::bigint AS cash_cents
FROM register_days d
JOIN registers r ON r.tenant_id = d.tenant_id AND r.id = d.register_id
WHERE d.tenant_id = @tenant_id AND d.opened_at >= @since AND d.opened_at < @until
  AND (sqlc.narg(register_id)::uuid IS NULL OR d.register_id = sqlc.narg(register_id))
ORDER BY r.name, d.opened_at;

-- name: TakingsTickets :one
SELECT count(*) FILTER (WHERE kind = 'sale')::bigint AS sales, count(*) FILTER (WHERE kind = 'credit_note')::bigint AS credit_notes,
       coalesce(sum(incl_cents), 0)::bigint AS incl_cents
FROM tickets
WHERE tenant_id = @tenant_id AND status = 'closed' AND closed_at >= @since AND closed_at < @until
  AND (sqlc.narg(register_id)::uuid IS NULL OR register_id = sqlc.narg(register_id));

-- name: TillTopProducts :many
-- The three products a client bought most at the till, from closed receipts
-- only, credit notes taking theirs back; a tie goes to the latest bought.
SELECT l.product_id::uuid AS product_id, coalesce(min(p.name), min(l.label))::text AS name,
       sum(l.quantity)::bigint AS quantity, sum(l.total_cents)::bigint AS cents
FROM ticket_lines l
JOIN tickets t ON t.tenant_id = l.tenant_id AND t.id = l.ticket_id
LEFT JOIN products p ON p.tenant_id = l.tenant_id AND p.id = l.product_id
WHERE t.tenant_id = @tenant_id AND t.customer_id = @customer_id AND t.status = 'closed'
  AND l.kind = 'product' AND l.product_id IS NOT NULL
GROUP BY l.product_id
HAVING sum(l.quantity) > 0
ORDER BY quantity DESC, max(t.closed_at) DESC, name
LIMIT 3;
