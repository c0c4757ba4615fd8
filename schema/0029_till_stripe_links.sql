-- +goose Up
-- Paying a ticket on the client's phone: a Stripe Checkout Session on the
-- salon's connected account for what was due, shown as a link and a QR code.
-- The link waits here, outside the ticket's payments, so a pending link never
-- counts as paid; the signed webhook turns it into a 'stripe' payment.
-- ticket_id has no foreign key on purpose: a link is the record of money a
-- client may have sent, kept even if its ticket is gone.
ALTER TABLE ticket_payments DROP CONSTRAINT ticket_payments_method_check;
ALTER TABLE ticket_payments ADD CONSTRAINT ticket_payments_method_check
    CHECK (method IN ('cash', 'card', 'cheque', 'online', 'account', 'stripe'));

CREATE TABLE till_stripe_links (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id         uuid NOT NULL,
    amount_cents      bigint NOT NULL CHECK (amount_cents > 0),
    currency          text NOT NULL CHECK (length(currency) = 3),
    session_id        text NOT NULL,
    url               text NOT NULL,
    status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'refunded')),
    payment_intent_id text,
    refund_id         text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    settled_at        timestamptz,
    UNIQUE (tenant_id, id)
);
CREATE INDEX till_stripe_links_ticket_idx ON till_stripe_links (tenant_id, ticket_id, created_at);
ALTER TABLE till_stripe_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE till_stripe_links FORCE ROW LEVEL SECURITY;
CREATE POLICY till_stripe_links_app ON till_stripe_links TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY till_stripe_links_platform ON till_stripe_links TO carnet_platform USING (true);
GRANT SELECT, INSERT, UPDATE ON till_stripe_links TO carnet_app;
GRANT SELECT ON till_stripe_links TO carnet_platform;

-- +goose Down
DROP TABLE till_stripe_links;
ALTER TABLE ticket_payments DROP CONSTRAINT ticket_payments_method_check;
ALTER TABLE ticket_payments ADD CONSTRAINT ticket_payments_method_check
    CHECK (method IN ('cash', 'card', 'cheque', 'online', 'account'));
