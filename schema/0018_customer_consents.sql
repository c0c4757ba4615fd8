-- +goose Up
-- What a client agreed to, and when they changed their mind (CNIL, LCEN
-- art. L34-5): each opt-in and opt-out to offers, with its time, channel and
-- how it was given. Append-only, like the ledger.
CREATE TABLE customer_consents (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    customer_id uuid NOT NULL,
    channel     text NOT NULL CHECK (channel IN ('email', 'sms')),
    granted     boolean NOT NULL,
    source      text NOT NULL CHECK (source IN ('record', 'unsubscribe_link', 'one_click', 'sms_stop')),
    at          timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_consents_customer_idx ON customer_consents (tenant_id, customer_id, at);
ALTER TABLE customer_consents ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_consents FORCE ROW LEVEL SECURITY;
CREATE POLICY customer_consents_app ON customer_consents TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY customer_consents_platform ON customer_consents TO carnet_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON customer_consents TO carnet_app;
GRANT SELECT ON customer_consents TO carnet_platform;

-- A STOP reply names a phone, not a salon: the gateway's webhook looks the
-- phone up across the salons that write under the sender it was sent to.
CREATE INDEX customers_phone_idx ON customers (phone) WHERE phone <> '';

-- +goose Down
DROP INDEX customers_phone_idx;
DROP TABLE customer_consents;
