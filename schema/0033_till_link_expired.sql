-- +goose Up
-- A phone link can end without being paid: its Checkout Session expired at
-- Stripe, or the cashier sent a newer link and the till expired the old one
-- so the client cannot pay twice.
ALTER TABLE till_stripe_links DROP CONSTRAINT till_stripe_links_status_check;
ALTER TABLE till_stripe_links ADD CONSTRAINT till_stripe_links_status_check
    CHECK (status IN ('pending', 'paid', 'refunded', 'expired'));
-- What was already refunded on a payment intent, summed before each credit
-- note's Stripe refund.
CREATE INDEX ticket_payments_intent_idx ON ticket_payments (tenant_id, stripe_intent_id) WHERE stripe_intent_id IS NOT NULL;

-- +goose Down
DROP INDEX ticket_payments_intent_idx;
UPDATE till_stripe_links SET status = 'pending' WHERE status = 'expired';
ALTER TABLE till_stripe_links DROP CONSTRAINT till_stripe_links_status_check;
ALTER TABLE till_stripe_links ADD CONSTRAINT till_stripe_links_status_check
    CHECK (status IN ('pending', 'paid', 'refunded'));
