-- The client record (fiche client): identity, preferences, online payment
-- mode, category, portal access, an append-only balance ledger, technical
-- sheets; client categories; the messages outbox and templates; the client
-- portal's magic links.

-- +goose Up
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE customer_categories (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    -- NULL: the category does not change how online bookings are paid.
    payment_mode     text CHECK (payment_mode IN ('none', 'deposit', 'card_imprint', 'prepayment')),
    discount_percent int NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    is_default       boolean NOT NULL DEFAULT false, -- new clients (online ones too) start here
    position         int NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, name)
);
CREATE UNIQUE INDEX customer_categories_default_idx ON customer_categories (tenant_id) WHERE is_default;

ALTER TABLE customers
    ADD COLUMN gender              text NOT NULL DEFAULT '' CHECK (gender IN ('', 'female', 'male', 'other')),
    ADD COLUMN address             text NOT NULL DEFAULT '',
    ADD COLUMN postal_code         text NOT NULL DEFAULT '',
    ADD COLUMN city                text NOT NULL DEFAULT '',
    ADD COLUMN birth_date          date,
    ADD COLUMN note                text NOT NULL DEFAULT '',
    ADD COLUMN email_transactional boolean NOT NULL DEFAULT true,
    ADD COLUMN email_marketing     boolean NOT NULL DEFAULT false,
    ADD COLUMN sms_transactional   boolean NOT NULL DEFAULT true,
    ADD COLUMN sms_marketing       boolean NOT NULL DEFAULT false,
    ADD COLUMN payment_mode        text NOT NULL DEFAULT 'default'
        CHECK (payment_mode IN ('default', 'none', 'deposit', 'card_imprint', 'prepayment')),
    ADD COLUMN category_id         uuid,
    ADD COLUMN portal_access       text NOT NULL DEFAULT 'none' CHECK (portal_access IN ('none', 'open', 'blocked')),
    ADD COLUMN merged_into         uuid, -- a record merged into another stays for history, hidden
    ADD COLUMN erased_at           timestamptz, -- anonymised on the client's request
    ADD CONSTRAINT customers_category_fkey FOREIGN KEY (tenant_id, category_id)
        REFERENCES customer_categories (tenant_id, id) ON DELETE SET NULL (category_id),
    ADD CONSTRAINT customers_merged_fkey FOREIGN KEY (tenant_id, merged_into) REFERENCES customers (tenant_id, id);
-- Search as you type: names, email and phone, lower-cased and without
-- accents ("lea" finds Léa), trigram-indexed so it stays fast at 100,000 clients.
ALTER TABLE customers ADD COLUMN search_text text GENERATED ALWAYS AS (
    translate(lower(first_name || ' ' || last_name || ' ' || email || ' ' || phone),
              'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoa')) STORED;
CREATE INDEX customers_search_idx ON customers USING gin (search_text gin_trgm_ops);
CREATE INDEX customers_email_idx ON customers (tenant_id, lower(email)) WHERE email <> '';

-- The client's account with the salon (encours): a ledger of dated entries,
-- never a bare number. Positive is credit, negative is debt. Append-only:
-- the application role may not update or delete an entry; a correction is a
-- new entry.
CREATE TABLE customer_ledger (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL,
    customer_id    uuid NOT NULL,
    amount_cents   bigint NOT NULL CHECK (amount_cents <> 0),
    currency       text NOT NULL,
    reason         text NOT NULL CHECK (reason IN ('manual', 'deposit_credit', 'no_show_fee', 'payment', 'refund', 'merge', 'import')),
    note           text NOT NULL DEFAULT '',
    appointment_id uuid,
    payment_id     uuid,
    created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, appointment_id) REFERENCES appointments (tenant_id, id),
    FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id)
);
CREATE INDEX customer_ledger_customer_idx ON customer_ledger (tenant_id, customer_id, created_at DESC);

CREATE TABLE technical_sheets (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL,
    customer_id    uuid NOT NULL,
    appointment_id uuid, -- written at a visit, or free
    sheet_date     date NOT NULL,
    title          text NOT NULL DEFAULT '',
    products       text NOT NULL DEFAULT '',
    settings       text NOT NULL DEFAULT '',
    reactions      text NOT NULL DEFAULT '',
    notes          text NOT NULL DEFAULT '',
    created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, appointment_id) REFERENCES appointments (tenant_id, id) ON DELETE SET NULL (appointment_id)
);
CREATE INDEX technical_sheets_customer_idx ON technical_sheets (tenant_id, customer_id, sheet_date DESC, created_at DESC);

-- Every message to a client goes through this outbox, sent by jobs.
CREATE TABLE messages (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL,
    customer_id    uuid,
    appointment_id uuid,
    channel        text NOT NULL CHECK (channel IN ('email', 'sms')),
    kind           text NOT NULL, -- confirmation, reminder, cancellation, portal_access, portal_login, manual, fee_link…
    purpose        text NOT NULL CHECK (purpose IN ('transactional', 'marketing')),
    to_address     text NOT NULL,
    subject        text NOT NULL DEFAULT '',
    body           text NOT NULL,
    status         text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
    attempts       int NOT NULL DEFAULT 0,
    last_error     text NOT NULL DEFAULT '',
    skip_reason    text NOT NULL DEFAULT '',
    created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    sent_at        timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, appointment_id) REFERENCES appointments (tenant_id, id) ON DELETE SET NULL (appointment_id)
);
CREATE INDEX messages_customer_idx ON messages (tenant_id, customer_id, created_at DESC);

-- A salon's own wording of automatic messages, per kind, language and channel.
CREATE TABLE message_templates (
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    kind       text NOT NULL,
    lang       text NOT NULL CHECK (lang IN ('fr', 'en')),
    channel    text NOT NULL CHECK (channel IN ('email', 'sms')),
    subject    text NOT NULL DEFAULT '',
    body       text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, kind, lang, channel)
);

ALTER TABLE appointments ADD COLUMN reminder_sent_at timestamptz;
ALTER TABLE salon_settings
    ADD COLUMN reminder_hours int NOT NULL DEFAULT 24 CHECK (reminder_hours BETWEEN 0 AND 168),
    ADD COLUMN reminder_sms boolean NOT NULL DEFAULT true;
CREATE INDEX appointments_reminder_idx ON appointments (starts_at)
    WHERE reminder_sent_at IS NULL AND status IN ('booked', 'confirmed');

-- The client portal's magic links: single use, short-lived, stored as hashes.
CREATE TABLE portal_links (
    token_hash  bytea PRIMARY KEY,
    tenant_id   uuid NOT NULL,
    customer_id uuid NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE customer_categories ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_categories FORCE ROW LEVEL SECURITY;
ALTER TABLE customer_ledger ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_ledger FORCE ROW LEVEL SECURITY;
ALTER TABLE technical_sheets ENABLE ROW LEVEL SECURITY;
ALTER TABLE technical_sheets FORCE ROW LEVEL SECURITY;
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE messages FORCE ROW LEVEL SECURITY;
ALTER TABLE message_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_templates FORCE ROW LEVEL SECURITY;
ALTER TABLE portal_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE portal_links FORCE ROW LEVEL SECURITY;

CREATE POLICY customer_categories_app ON customer_categories TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY customer_ledger_app ON customer_ledger TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY technical_sheets_app ON technical_sheets TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY messages_app ON messages TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY message_templates_app ON message_templates TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY portal_links_app ON portal_links TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

CREATE POLICY customer_categories_platform ON customer_categories TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY customer_ledger_platform ON customer_ledger TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY technical_sheets_platform ON technical_sheets TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY messages_platform ON messages TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY message_templates_platform ON message_templates TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY portal_links_platform ON portal_links TO carnet_platform USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON customer_categories, technical_sheets, message_templates TO carnet_app;
GRANT SELECT, INSERT ON customer_ledger TO carnet_app; -- append-only
GRANT SELECT, INSERT, UPDATE ON messages, portal_links TO carnet_app;
GRANT SELECT ON customer_categories, customer_ledger, technical_sheets, messages, message_templates, portal_links TO carnet_platform;
-- The reminder sweep finds due visits in every salon.
GRANT SELECT ON appointments, customers, salon_settings TO carnet_platform;

-- +goose Down
DROP TABLE portal_links, message_templates, messages, technical_sheets, customer_ledger;
ALTER TABLE appointments DROP COLUMN reminder_sent_at;
ALTER TABLE salon_settings DROP COLUMN reminder_hours, DROP COLUMN reminder_sms;
ALTER TABLE customers DROP COLUMN search_text, DROP CONSTRAINT customers_category_fkey, DROP CONSTRAINT customers_merged_fkey,
    DROP COLUMN gender, DROP COLUMN address, DROP COLUMN postal_code, DROP COLUMN city, DROP COLUMN birth_date, DROP COLUMN note,
    DROP COLUMN email_transactional, DROP COLUMN email_marketing, DROP COLUMN sms_transactional, DROP COLUMN sms_marketing,
    DROP COLUMN payment_mode, DROP COLUMN category_id, DROP COLUMN portal_access, DROP COLUMN merged_into, DROP COLUMN erased_at;
DROP TABLE customer_categories;
