-- name: PlatformFeeGet :one
SELECT fee_percent_bp, fee_fixed_cents FROM platform_settings WHERE id;

-- name: PlatformFeeSet :exec
UPDATE platform_settings SET fee_percent_bp = @fee_percent_bp, fee_fixed_cents = @fee_fixed_cents,
    updated_at = now(), updated_by = @updated_by
WHERE id;

-- name: SalonStripeGet :one
SELECT * FROM salon_stripe WHERE tenant_id = @tenant_id;

-- name: SalonStripeCreate :exec
INSERT INTO salon_stripe (tenant_id, account_id) VALUES (@tenant_id, @account_id)
ON CONFLICT (tenant_id) DO NOTHING;

-- name: SalonStripeSync :execrows
-- From account.updated (or a return from onboarding): the account's own state, whatever the event order.
UPDATE salon_stripe SET charges_enabled = @charges_enabled, payouts_enabled = @payouts_enabled,
    details_submitted = @details_submitted, updated_at = now()
WHERE account_id = @account_id;

-- name: SalonStripeByAccount :one
SELECT * FROM salon_stripe WHERE account_id = @account_id;

-- name: CustomerStripeGet :one
SELECT * FROM customer_stripe WHERE tenant_id = @tenant_id AND customer_id = @customer_id;

-- name: CustomerStripeSave :exec
INSERT INTO customer_stripe (tenant_id, customer_id, stripe_customer_id) VALUES (@tenant_id, @customer_id, @stripe_customer_id)
ON CONFLICT (tenant_id, customer_id) DO UPDATE SET stripe_customer_id = EXCLUDED.stripe_customer_id, updated_at = now();

-- name: CustomerStripeSetCard :execrows
UPDATE customer_stripe SET payment_method_id = @payment_method_id, card_label = @card_label, updated_at = now()
WHERE tenant_id = @tenant_id AND customer_id = @customer_id;

-- name: CustomerStripeRemoveCard :execrows
UPDATE customer_stripe SET payment_method_id = NULL, card_label = '', updated_at = now()
WHERE tenant_id = @tenant_id AND customer_id = @customer_id;

-- name: PaymentCreate :one
INSERT INTO payments (tenant_id, appointment_id, booking_id, kind, amount_cents, fee_cents, currency, status,
                      checkout_session_id, payment_intent_id, setup_intent_id, refund_id, refunds_payment_id, failure)
VALUES (@tenant_id, @appointment_id, @booking_id, @kind, @amount_cents, @fee_cents, @currency, @status,
        @checkout_session_id, @payment_intent_id, @setup_intent_id, @refund_id, @refunds_payment_id, @failure)
RETURNING *;

-- name: PaymentsOfAppointment :many
SELECT * FROM payments WHERE tenant_id = @tenant_id AND appointment_id = @appointment_id ORDER BY created_at, id;

-- name: PaymentGet :one
SELECT * FROM payments WHERE tenant_id = @tenant_id AND id = @id;

-- name: PaymentSetSession :exec
UPDATE payments SET checkout_session_id = @checkout_session_id, updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id;

-- name: PaymentSettle :execrows
-- Moves a payment to its final state once; a later duplicate event finds it settled.
UPDATE payments SET status = @status, payment_intent_id = coalesce(sqlc.narg(payment_intent_id), payment_intent_id),
    setup_intent_id = coalesce(sqlc.narg(setup_intent_id), setup_intent_id), failure = @failure, updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id AND status IN ('pending', 'requires_action');

-- name: PaymentByIntent :one
SELECT * FROM payments WHERE payment_intent_id = @payment_intent_id;

-- name: PaymentBySession :one
SELECT * FROM payments WHERE checkout_session_id = @checkout_session_id;

-- name: PaymentForceSucceeded :exec
-- Stripe says the money arrived: that is the truth, whatever a sweep decided.
UPDATE payments SET status = 'succeeded', payment_intent_id = coalesce(sqlc.narg(payment_intent_id), payment_intent_id),
    setup_intent_id = coalesce(sqlc.narg(setup_intent_id), setup_intent_id), updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id;

-- name: PaymentSetOutcome :execrows
-- What the booking's online payment did: set once, on the money received
-- (never on a refund). Two events of one payment racing: the second waits
-- for the first's row lock, then finds the outcome set and changes nothing.
UPDATE payments SET outcome = @outcome, updated_at = now()
WHERE tenant_id = @tenant_id AND booking_id = @booking_id AND kind <> 'refund' AND status = 'succeeded' AND outcome = '';

-- name: PaymentOutcomeOf :one
-- The outcome an earlier event of the booking's payment found ('' if none yet).
SELECT coalesce(max(outcome), '')::text FROM payments
WHERE tenant_id = @tenant_id AND booking_id = @booking_id AND kind <> 'refund';
