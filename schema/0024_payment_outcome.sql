-- +goose Up
-- What a payment made online really did to its booking, as the Stripe
-- events that settled it found: kept on the payment, so a later event of
-- the same payment (Stripe sends several) reports the same, and the back
-- office shows it beside the payment.
ALTER TABLE payments ADD COLUMN outcome text NOT NULL DEFAULT ''
    CHECK (outcome IN ('', 'confirmed', 'confirmed_after_expiry', 'refunded_slot_taken', 'refunded_cancelled'));

-- +goose Down
ALTER TABLE payments DROP COLUMN outcome;
