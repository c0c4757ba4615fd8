-- name: LedgerAdd :one
INSERT INTO customer_ledger (tenant_id, customer_id, amount_cents, currency, reason, note, appointment_id, payment_id, created_by)
VALUES (@tenant_id, @customer_id, @amount_cents, @currency, @reason, @note, @appointment_id, @payment_id, @created_by)
RETURNING *;

-- name: LedgerOfCustomer :many
SELECT l.*, coalesce(u.name, '')::text AS author
FROM customer_ledger l LEFT JOIN users u ON u.id = l.created_by
WHERE l.tenant_id = @tenant_id AND l.customer_id = @customer_id
ORDER BY l.created_at DESC, l.id DESC;

-- name: LedgerOfAppointment :many
-- What the salon recorded on the client's account for one visit.
SELECT * FROM customer_ledger
WHERE tenant_id = @tenant_id AND appointment_id = @appointment_id
ORDER BY created_at, id;
