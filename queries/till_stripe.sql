-- name: TillLinkCreate :execrows
-- One link per ticket and amount (its id derives from both): asking twice
-- shows the same link.
INSERT INTO till_stripe_links (id, tenant_id, ticket_id, amount_cents, currency, session_id, url)
VALUES (@id, @tenant_id, @ticket_id, @amount_cents, @currency, @session_id, @url)
ON CONFLICT (id) DO NOTHING;

-- name: TillLinkLock :one
SELECT * FROM till_stripe_links WHERE tenant_id = @tenant_id AND id = @id FOR UPDATE;

-- name: TillLinkSettle :exec
UPDATE till_stripe_links SET status = @status, payment_intent_id = @payment_intent_id, refund_id = @refund_id,
    settled_at = @settled_at
WHERE tenant_id = @tenant_id AND id = @id AND status = 'pending';

-- name: TicketPaymentStripe :one
INSERT INTO ticket_payments (tenant_id, ticket_id, method, amount_cents, reference, stripe_intent_id, stripe_session_id, created_by)
VALUES (@tenant_id, @ticket_id, 'stripe', @amount_cents, @reference, @stripe_intent_id, @stripe_session_id, @created_by)
RETURNING id;

-- name: TicketStripeIntents :many
-- What a ticket was paid through Stripe: the phone link's payments and the
-- visit's online deposit, with the payment intent each can be refunded on.
SELECT tp.amount_cents, coalesce(tp.stripe_intent_id, p.payment_intent_id, '')::text AS intent_id
FROM ticket_payments tp
LEFT JOIN payments p ON p.tenant_id = tp.tenant_id AND p.id = tp.payment_id
WHERE tp.tenant_id = @tenant_id AND tp.ticket_id = @ticket_id AND tp.method IN ('stripe', 'online') AND tp.amount_cents > 0
ORDER BY tp.created_at, tp.id;

-- name: TillLinksOfTicket :many
-- Every link of a ticket, newest first: the pending one to show, an expired
-- one to say so, and how many ended (a new link's id counts them).
SELECT * FROM till_stripe_links
WHERE tenant_id = @tenant_id AND ticket_id = @ticket_id
ORDER BY created_at DESC, id;

-- name: TillLinkExpire :execrows
UPDATE till_stripe_links SET status = 'expired', settled_at = @settled_at
WHERE tenant_id = @tenant_id AND id = @id AND status = 'pending';

-- name: TillIntentRefunded :one
-- What the till already refunded on a payment intent (credit notes' Stripe
-- refunds, recorded as negative 'stripe' payments).
SELECT coalesce(sum(-amount_cents), 0)::bigint
FROM ticket_payments
WHERE tenant_id = @tenant_id AND stripe_intent_id = @stripe_intent_id AND method = 'stripe' AND amount_cents < 0;

-- name: TillDepositTaken :one
-- Whether a visit's online payment was applied to a ticket.
SELECT EXISTS (
    SELECT 1 FROM ticket_payments tp
    JOIN payments p ON p.tenant_id = tp.tenant_id AND p.id = tp.payment_id
    WHERE tp.tenant_id = @tenant_id AND p.appointment_id = @appointment_id
)::boolean;
