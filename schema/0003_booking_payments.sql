-- Online booking and payments: each salon's Stripe account (Connect), the
-- platform's application fee, online bookings with the client's consent,
-- every payment, refund and fee, and the Stripe events received.

-- +goose Up
-- The platform's own settings: one row.
CREATE TABLE platform_settings (
    id              boolean PRIMARY KEY DEFAULT true CHECK (id),
    fee_percent_bp  int NOT NULL DEFAULT 0 CHECK (fee_percent_bp BETWEEN 0 AND 5000), -- basis points: 150 = 1.5 %
    fee_fixed_cents bigint NOT NULL DEFAULT 0 CHECK (fee_fixed_cents >= 0),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid REFERENCES users (id) ON DELETE SET NULL
);
INSERT INTO platform_settings DEFAULT VALUES;

-- A salon's connected Stripe account. Unique across salons on purpose: one
-- Stripe account belongs to one salon (the webhook router relies on it).
CREATE TABLE salon_stripe (
    tenant_id         uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    account_id        text NOT NULL UNIQUE,
    charges_enabled   boolean NOT NULL DEFAULT false,
    payouts_enabled   boolean NOT NULL DEFAULT false,
    details_submitted boolean NOT NULL DEFAULT false,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE salon_settings
    -- Until Stripe can charge, services that need a payment are "book by phone" unless the owner says otherwise.
    ADD COLUMN book_without_payment boolean NOT NULL DEFAULT false,
    -- A deposit of a visit cancelled in time: refunded, or kept as credit on the client's balance.
    ADD COLUMN cancel_refund text NOT NULL DEFAULT 'refund' CHECK (cancel_refund IN ('refund', 'credit')),
    -- French law presumes arrhes; the salon names its advance explicitly.
    ADD COLUMN deposit_name text NOT NULL DEFAULT 'acompte' CHECK (deposit_name IN ('acompte', 'arrhes')),
    ADD COLUMN policy_text text NOT NULL DEFAULT '';

-- One Stripe customer per salon per client: a card saved for one salon is never
-- usable by another (consent is per merchant).
CREATE TABLE customer_stripe (
    tenant_id          uuid NOT NULL,
    customer_id        uuid NOT NULL,
    stripe_customer_id text NOT NULL,
    payment_method_id  text, -- the saved card, for off-session charges
    card_label         text NOT NULL DEFAULT '', -- "Visa •••• 4242"
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, customer_id),
    UNIQUE (tenant_id, stripe_customer_id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE bookings (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL,
    appointment_id      uuid NOT NULL UNIQUE,
    customer_id         uuid NOT NULL,
    lang                text NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
    email               text NOT NULL,
    payment_mode        text NOT NULL CHECK (payment_mode IN ('none', 'deposit', 'card_imprint', 'prepayment')),
    amount_due_cents    bigint NOT NULL DEFAULT 0 CHECK (amount_due_cents >= 0),
    currency            text NOT NULL,
    status              text NOT NULL CHECK (status IN ('awaiting_payment', 'confirmed', 'expired', 'cancelled')),
    checkout_session_id text UNIQUE,
    checkout_url        text NOT NULL DEFAULT '',
    stripe_account_id   text,
    -- What the client accepted: the policy as shown, its hash, when and from where.
    policy_text         text NOT NULL,
    policy_hash         text NOT NULL,
    card_consent        boolean NOT NULL DEFAULT false,
    consent_at          timestamptz NOT NULL,
    consent_ip          text NOT NULL DEFAULT '',
    cancelled_at        timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, appointment_id) REFERENCES appointments (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
-- A client's manage links (the page Stripe returns to, the one in each email):
-- several per booking, stored as hashes only.
CREATE TABLE booking_links (
    token_hash bytea PRIMARY KEY,
    tenant_id  uuid NOT NULL,
    booking_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX bookings_pending_idx ON bookings (tenant_id, status) WHERE status = 'awaiting_payment';

CREATE TABLE payments (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id            uuid NOT NULL,
    appointment_id       uuid NOT NULL,
    booking_id           uuid,
    kind                 text NOT NULL CHECK (kind IN ('deposit', 'prepayment', 'card_imprint', 'no_show_fee', 'late_cancel_fee', 'refund')),
    amount_cents         bigint NOT NULL CHECK (amount_cents >= 0),
    fee_cents            bigint NOT NULL DEFAULT 0, -- the platform's application fee
    currency             text NOT NULL,
    status               text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'requires_action', 'canceled')),
    failure              text NOT NULL DEFAULT '',
    checkout_session_id  text,
    payment_intent_id    text,
    setup_intent_id      text,
    refund_id            text,
    refunds_payment_id   uuid, -- for a refund: the payment it gives back
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, appointment_id) REFERENCES appointments (tenant_id, id),
    FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings (tenant_id, id),
    FOREIGN KEY (tenant_id, refunds_payment_id) REFERENCES payments (tenant_id, id)
);
CREATE INDEX payments_appointment_idx ON payments (tenant_id, appointment_id);
CREATE UNIQUE INDEX payments_intent_idx ON payments (payment_intent_id) WHERE payment_intent_id IS NOT NULL;
CREATE UNIQUE INDEX payments_session_idx ON payments (checkout_session_id) WHERE checkout_session_id IS NOT NULL;
CREATE UNIQUE INDEX payments_refund_idx ON payments (refund_id) WHERE refund_id IS NOT NULL;

-- Every Stripe event, stored once by id: a replay changes nothing.
CREATE TABLE stripe_events (
    id           text PRIMARY KEY,
    type         text NOT NULL,
    account_id   text NOT NULL DEFAULT '', -- '' for the platform's own events
    payload      jsonb NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz,
    outcome      text NOT NULL DEFAULT ''
);

ALTER TABLE salon_stripe ENABLE ROW LEVEL SECURITY;
ALTER TABLE salon_stripe FORCE ROW LEVEL SECURITY;
ALTER TABLE customer_stripe ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_stripe FORCE ROW LEVEL SECURITY;
ALTER TABLE bookings ENABLE ROW LEVEL SECURITY;
ALTER TABLE bookings FORCE ROW LEVEL SECURITY;
ALTER TABLE booking_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE booking_links FORCE ROW LEVEL SECURITY;
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE payments FORCE ROW LEVEL SECURITY;
ALTER TABLE platform_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_settings FORCE ROW LEVEL SECURITY;
ALTER TABLE stripe_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_events FORCE ROW LEVEL SECURITY;

CREATE POLICY salon_stripe_app ON salon_stripe TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY customer_stripe_app ON customer_stripe TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY bookings_app ON bookings TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY booking_links_app ON booking_links TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY payments_app ON payments TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
-- Every salon's payments read the platform's fee; only the platform sets it.
CREATE POLICY platform_settings_app_read ON platform_settings FOR SELECT TO carnet_app USING (true);

CREATE POLICY salon_stripe_platform ON salon_stripe TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY customer_stripe_platform ON customer_stripe TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY bookings_platform ON bookings TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY payments_platform ON payments TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY booking_links_platform ON booking_links TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY platform_settings_platform ON platform_settings TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY stripe_events_platform ON stripe_events TO carnet_platform USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON salon_stripe, customer_stripe, bookings, payments TO carnet_app;
GRANT SELECT, INSERT ON booking_links TO carnet_app;
GRANT SELECT ON platform_settings TO carnet_app;
GRANT SELECT, INSERT, UPDATE ON salon_stripe, customer_stripe, bookings, payments, stripe_events, platform_settings TO carnet_platform;

-- +goose Down
DROP TABLE stripe_events, payments, booking_links, bookings, customer_stripe, salon_stripe, platform_settings;
ALTER TABLE salon_settings DROP COLUMN book_without_payment, DROP COLUMN cancel_refund, DROP COLUMN deposit_name, DROP COLUMN policy_text;
