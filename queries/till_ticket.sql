-- name: TicketCreate :one
INSERT INTO tickets (tenant_id, register_id, day_id, kind, appointment_id, customer_id, category_bp, vat_exempt, refers_to, opened_at, opened_by)
VALUES (@tenant_id, @register_id, @day_id, @kind, @appointment_id, @customer_id, @category_bp, @vat_exempt, @refers_to, @opened_at, @opened_by)
RETURNING id;

-- name: TicketGet :one
SELECT t.*, r.name AS register_name, coalesce(o.number, 0)::bigint AS refers_number,
       coalesce(c.first_name || ' ' || c.last_name, '')::text AS customer_name
FROM tickets t
JOIN registers r ON r.tenant_id = t.tenant_id AND r.id = t.register_id
LEFT JOIN tickets o ON o.tenant_id = t.tenant_id AND o.id = t.refers_to
LEFT JOIN customers c ON c.tenant_id = t.tenant_id AND c.id = t.customer_id
WHERE t.tenant_id = @tenant_id AND t.id = @id;

-- name: TicketLock :one
SELECT * FROM tickets WHERE tenant_id = @tenant_id AND id = @id FOR UPDATE;

-- name: TicketOpenOfVisit :one
SELECT id FROM tickets WHERE tenant_id = @tenant_id AND appointment_id = @appointment_id AND status = 'open' AND kind = 'sale'
ORDER BY opened_at LIMIT 1;

-- name: TicketListOpen :many
SELECT t.id, t.register_id, t.opened_at, t.incl_cents, r.name AS register_name,
       coalesce(c.first_name || ' ' || c.last_name, '')::text AS customer_name
FROM tickets t
JOIN registers r ON r.tenant_id = t.tenant_id AND r.id = t.register_id
LEFT JOIN customers c ON c.tenant_id = t.tenant_id AND c.id = t.customer_id
WHERE t.tenant_id = @tenant_id AND t.status = 'open'
ORDER BY t.opened_at;

-- name: TicketListClosed :many
SELECT t.id, t.kind, t.number, t.closed_at, t.incl_cents, r.name AS register_name
FROM tickets t JOIN registers r ON r.tenant_id = t.tenant_id AND r.id = t.register_id
WHERE t.tenant_id = @tenant_id AND t.status = 'closed'
ORDER BY t.closed_at DESC LIMIT @max;

-- name: TicketsOfCustomer :many
SELECT t.id, t.kind, t.number, t.closed_at, t.incl_cents, t.appointment_id
FROM tickets t
WHERE t.tenant_id = @tenant_id AND t.customer_id = @customer_id AND t.status = 'closed'
ORDER BY t.closed_at DESC;

-- name: TicketSetCustomer :execrows
UPDATE tickets SET customer_id = @customer_id, category_bp = @category_bp
WHERE tenant_id = @tenant_id AND id = @id AND status = 'open';

-- name: TicketSetDiscount :execrows
UPDATE tickets SET discount_bp = @discount_bp, discount_cents = @discount_cents, discount_reason = @discount_reason
WHERE tenant_id = @tenant_id AND id = @id AND status = 'open';

-- name: TicketSetTotal :exec
UPDATE tickets SET excl_cents = @excl_cents, vat_cents = @vat_cents, incl_cents = @incl_cents, vat_exempt = @vat_exempt
WHERE tenant_id = @tenant_id AND id = @id AND status = 'open';

-- name: TicketClose :exec
UPDATE tickets SET status = 'closed', number = @number, day_id = @day_id, closed_at = @closed_at, closed_by = @closed_by
WHERE tenant_id = @tenant_id AND id = @id AND status = 'open';

-- name: TicketDelete :execrows
DELETE FROM tickets WHERE tenant_id = @tenant_id AND id = @id AND status = 'open';

-- name: TicketLines :many
SELECT l.*, coalesce(s.name, '')::text AS staff_name
FROM ticket_lines l LEFT JOIN staff_members s ON s.tenant_id = l.tenant_id AND s.id = l.staff_id
WHERE l.tenant_id = @tenant_id AND l.ticket_id = @ticket_id ORDER BY l.position;

-- name: TicketLineAdd :one
INSERT INTO ticket_lines (tenant_id, ticket_id, position, kind, service_id, product_id, staff_id, label, quantity,
                          unit_cents, rate_bp, discount_bp, discount_cents, discount_reason, refers_line_id)
VALUES (@tenant_id, @ticket_id,
        (SELECT coalesce(max(position), 0) + 1 FROM ticket_lines WHERE tenant_id = @tenant_id AND ticket_id = @ticket_id),
        @kind, @service_id, @product_id, @staff_id, @label, @quantity, @unit_cents, @rate_bp, @discount_bp, @discount_cents,
        @discount_reason, @refers_line_id)
RETURNING id;

-- name: TicketLineDiscount :execrows
UPDATE ticket_lines SET discount_bp = @discount_bp, discount_cents = @discount_cents, discount_reason = @discount_reason
WHERE tenant_id = @tenant_id AND ticket_id = @ticket_id AND id = @id;

-- name: TicketLineRemove :execrows
DELETE FROM ticket_lines WHERE tenant_id = @tenant_id AND ticket_id = @ticket_id AND id = @id;

-- name: TicketLineSetTotal :exec
UPDATE ticket_lines SET total_cents = @total_cents, vat_cents = @vat_cents WHERE tenant_id = @tenant_id AND id = @id;

-- name: TicketPayments :many
SELECT * FROM ticket_payments WHERE tenant_id = @tenant_id AND ticket_id = @ticket_id ORDER BY created_at, id;

-- name: TicketPaymentAdd :one
INSERT INTO ticket_payments (tenant_id, ticket_id, method, amount_cents, given_cents, change_cents, reference,
    cheque_issued_on, cheque_signed, cheque_bank, cheque_number, holder_id_type, holder_id_number,
    holder_id_issued_on, holder_id_issued_at, created_by)
VALUES (@tenant_id, @ticket_id, @method, @amount_cents, @given_cents, @change_cents, @reference,
    @cheque_issued_on, @cheque_signed, @cheque_bank, @cheque_number, @holder_id_type, @holder_id_number,
    @holder_id_issued_on, @holder_id_issued_at, @created_by)
RETURNING id;

-- name: TicketPaymentOnline :execrows
-- A visit's deposit or prepayment, once: a second ticket of the visit finds it taken.
INSERT INTO ticket_payments (tenant_id, ticket_id, method, amount_cents, payment_id, stripe_intent_id, stripe_session_id)
VALUES (@tenant_id, @ticket_id, 'online', @amount_cents, @payment_id, @stripe_intent_id, @stripe_session_id)
ON CONFLICT (tenant_id, payment_id) WHERE payment_id IS NOT NULL DO NOTHING;

-- name: TicketPaymentRemove :execrows
-- Money that came through Stripe (the visit's deposit, the phone link) stays:
-- removing it here would ask the client to pay it again.
DELETE FROM ticket_payments WHERE tenant_id = @tenant_id AND ticket_id = @ticket_id AND id = @id AND method NOT IN ('online', 'stripe');

-- name: TicketCreditedLines :many
-- How many of each line of a ticket credit notes gave back, to subtract
-- from what was sold.
SELECT l.refers_line_id::uuid AS id, sum(-l.quantity)::bigint AS quantity
FROM ticket_lines l
JOIN tickets t ON t.tenant_id = l.tenant_id AND t.id = l.ticket_id
WHERE l.tenant_id = @tenant_id AND t.refers_to = @ticket_id AND l.refers_line_id IS NOT NULL
GROUP BY l.refers_line_id;

-- name: TillVisit :one
-- What a visit brings to the till: its client and whether it is still a visit.
-- Locked: two taps on « Encaisser » open one ticket, not two, and the ticket
-- taking the visit's deposit and a cancellation refunding it queue here.
SELECT a.id, a.customer_id, a.staff_id, a.status FROM appointments a WHERE a.tenant_id = @tenant_id AND a.id = @id FOR UPDATE;

-- name: TillVisitServices :many
SELECT s.service_id, s.name, s.price_cents, s.discount_bp, sv.vat_rate_bp, a.staff_id
FROM appointment_services s
JOIN appointments a ON a.tenant_id = s.tenant_id AND a.id = s.appointment_id
JOIN services sv ON sv.tenant_id = s.tenant_id AND sv.id = s.service_id
WHERE s.tenant_id = @tenant_id AND s.appointment_id = @appointment_id ORDER BY s.position;

-- name: TillVisitPaidOnline :many
-- Deposits and prepayments the client paid online for the visit, less what was refunded.
SELECT p.id, p.kind, p.payment_intent_id, p.checkout_session_id,
       (p.amount_cents - coalesce((SELECT sum(r.amount_cents) FROM payments r
            WHERE r.tenant_id = p.tenant_id AND r.refunds_payment_id = p.id AND r.status = 'succeeded'), 0))::bigint AS net_cents
FROM payments p
WHERE p.tenant_id = @tenant_id AND p.appointment_id = @appointment_id AND p.kind IN ('deposit', 'prepayment') AND p.status = 'succeeded';

-- name: TillService :one
SELECT id, name, price_cents, vat_rate_bp FROM services WHERE tenant_id = @tenant_id AND id = @id AND archived_at IS NULL;

-- name: TillProduct :one
SELECT id, name, price_cents, vat_rate_bp, stock FROM products WHERE tenant_id = @tenant_id AND id = @id AND archived_at IS NULL;

-- name: TillStaff :one
SELECT id FROM staff_members WHERE tenant_id = @tenant_id AND id = @id;
