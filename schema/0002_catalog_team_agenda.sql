-- Salon set-up and the agenda: booking settings, opening hours, closures,
-- service catalogue, retail products, staff with their services, hours and
-- absences, a minimal client record, and appointments that cannot overlap.
--
-- Every reference between salon-owned rows is a composite foreign key on
-- (tenant_id, id): foreign-key checks ignore row-level security, so a plain
-- key would let one salon point at another salon's row.

-- +goose Up
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE salon_settings (
    tenant_id                 uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    address                   text NOT NULL DEFAULT '',
    phone                     text NOT NULL DEFAULT '',
    slot_step_minutes         int NOT NULL DEFAULT 15 CHECK (slot_step_minutes IN (5, 10, 15, 20, 30, 60)),
    min_notice_minutes        int NOT NULL DEFAULT 120 CHECK (min_notice_minutes BETWEEN 0 AND 20160),
    max_horizon_days          int NOT NULL DEFAULT 90 CHECK (max_horizon_days BETWEEN 1 AND 730),
    cancellation_window_hours int NOT NULL DEFAULT 24 CHECK (cancellation_window_hours BETWEEN 0 AND 720),
    no_show_fee_cents         bigint NOT NULL DEFAULT 0 CHECK (no_show_fee_cents >= 0),
    payment_rule              text NOT NULL DEFAULT 'none' CHECK (payment_rule IN ('none', 'deposit', 'card_imprint', 'prepayment')),
    deposit_kind              text NOT NULL DEFAULT 'percent' CHECK (deposit_kind IN ('fixed', 'percent')),
    deposit_value             bigint NOT NULL DEFAULT 30 CHECK (deposit_value >= 0),
    updated_at                timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE opening_hours (
    id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    weekday   smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6), -- 0 = Sunday, as Go's time.Weekday
    opens     time NOT NULL,
    closes    time NOT NULL,
    CHECK (opens < closes)
);
CREATE INDEX opening_hours_tenant_idx ON opening_hours (tenant_id, weekday);

CREATE TABLE closures (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    starts_on  date NOT NULL,
    ends_on    date NOT NULL, -- inclusive
    reason     text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (starts_on <= ends_on)
);
CREATE INDEX closures_tenant_idx ON closures (tenant_id, ends_on);

CREATE TABLE service_categories (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    position   int NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE services (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    category_id      uuid,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    description      text NOT NULL DEFAULT '',
    duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
    buffer_minutes   int NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 240),
    price_cents      bigint NOT NULL CHECK (price_cents >= 0),
    online_bookable  boolean NOT NULL DEFAULT true,
    -- NULL: the salon's default rule applies.
    payment_rule     text CHECK (payment_rule IN ('none', 'deposit', 'card_imprint', 'prepayment')),
    deposit_kind     text CHECK (deposit_kind IN ('fixed', 'percent')),
    deposit_value    bigint CHECK (deposit_value >= 0),
    position         int NOT NULL DEFAULT 0,
    archived_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, category_id) REFERENCES service_categories (tenant_id, id) ON DELETE SET NULL (category_id),
    CHECK (payment_rule IS DISTINCT FROM 'deposit' OR (deposit_kind IS NOT NULL AND deposit_value IS NOT NULL))
);
CREATE INDEX services_tenant_idx ON services (tenant_id, position, name);

CREATE TABLE products (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    sku         text NOT NULL DEFAULT '',
    price_cents bigint NOT NULL CHECK (price_cents >= 0),
    stock       int NOT NULL DEFAULT 0,
    archived_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE INDEX products_tenant_idx ON products (tenant_id, name);

CREATE TABLE staff_members (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id    uuid,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    color      smallint NOT NULL DEFAULT 1 CHECK (color BETWEEN 1 AND 12), -- a palette index: the agenda's CSP forbids inline colours
    active     boolean NOT NULL DEFAULT true,
    position   int NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES memberships (tenant_id, user_id) ON DELETE SET NULL (user_id)
);
CREATE UNIQUE INDEX staff_members_user_idx ON staff_members (tenant_id, user_id) WHERE user_id IS NOT NULL;

CREATE TABLE staff_services (
    tenant_id  uuid NOT NULL,
    staff_id   uuid NOT NULL,
    service_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, staff_id, service_id),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff_members (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, service_id) REFERENCES services (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE staff_hours (
    id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    staff_id  uuid NOT NULL,
    weekday   smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    starts    time NOT NULL,
    ends      time NOT NULL,
    CHECK (starts < ends),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff_members (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX staff_hours_tenant_idx ON staff_hours (tenant_id, staff_id);

CREATE TABLE staff_absences (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id  uuid NOT NULL,
    staff_id   uuid NOT NULL,
    starts_on  date NOT NULL,
    ends_on    date NOT NULL, -- inclusive
    reason     text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (starts_on <= ends_on),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff_members (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX staff_absences_tenant_idx ON staff_absences (tenant_id, ends_on);

-- The client record starts small here; the fiche client grows it.
CREATE TABLE customers (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    first_name text NOT NULL DEFAULT '',
    last_name  text NOT NULL DEFAULT '',
    phone      text NOT NULL DEFAULT '', -- E.164 when it could be parsed
    email      text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (length(first_name) + length(last_name) > 0)
);
CREATE INDEX customers_tenant_phone_idx ON customers (tenant_id, phone) WHERE phone <> '';
CREATE INDEX customers_tenant_name_idx ON customers (tenant_id, last_name, first_name);

CREATE TABLE appointments (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL,
    staff_id        uuid NOT NULL,
    customer_id     uuid NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL, -- the client's end: services done
    busy_until      timestamptz NOT NULL, -- the staff member's end: clean-up buffer included
    status          text NOT NULL DEFAULT 'booked'
                    CHECK (status IN ('pending', 'booked', 'confirmed', 'arrived', 'done', 'no_show', 'cancelled')),
    source          text NOT NULL DEFAULT 'staff' CHECK (source IN ('staff', 'online')),
    note            text NOT NULL DEFAULT '',
    hold_expires_at timestamptz, -- a pending (being paid) slot is released after this
    cancelled_at    timestamptz,
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (starts_at < ends_at AND ends_at <= busy_until),
    CHECK (busy_until - starts_at <= interval '16 hours'),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff_members (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    -- No double booking, ever: pending holds block like confirmed visits.
    CONSTRAINT appointments_no_overlap EXCLUDE USING gist (
        tenant_id WITH =, staff_id WITH =, tstzrange(starts_at, busy_until) WITH &&
    ) WHERE (status IN ('pending', 'booked', 'confirmed', 'arrived', 'done'))
);
-- Day and week views read by plain columns: an index on an expression is not
-- used under RLS (measured: 3,840 rows read instead of 64).
CREATE INDEX appointments_day_idx ON appointments (tenant_id, starts_at);
CREATE INDEX appointments_customer_idx ON appointments (tenant_id, customer_id, starts_at DESC);

CREATE TABLE appointment_services (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid NOT NULL,
    appointment_id   uuid NOT NULL,
    service_id       uuid NOT NULL,
    position         smallint NOT NULL,
    -- What was booked, as it was: later price or duration changes do not rewrite history.
    name             text NOT NULL,
    duration_minutes int NOT NULL,
    buffer_minutes   int NOT NULL,
    price_cents      bigint NOT NULL,
    UNIQUE (appointment_id, position),
    FOREIGN KEY (tenant_id, appointment_id) REFERENCES appointments (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, service_id) REFERENCES services (tenant_id, id)
);
CREATE INDEX appointment_services_tenant_idx ON appointment_services (tenant_id, appointment_id);

-- Row-level security on every table above, forced, one policy per role.
ALTER TABLE salon_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE salon_settings FORCE ROW LEVEL SECURITY;
ALTER TABLE opening_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE opening_hours FORCE ROW LEVEL SECURITY;
ALTER TABLE closures ENABLE ROW LEVEL SECURITY;
ALTER TABLE closures FORCE ROW LEVEL SECURITY;
ALTER TABLE service_categories ENABLE ROW LEVEL SECURITY;
ALTER TABLE service_categories FORCE ROW LEVEL SECURITY;
ALTER TABLE services ENABLE ROW LEVEL SECURITY;
ALTER TABLE services FORCE ROW LEVEL SECURITY;
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
ALTER TABLE products FORCE ROW LEVEL SECURITY;
ALTER TABLE staff_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_members FORCE ROW LEVEL SECURITY;
ALTER TABLE staff_services ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_services FORCE ROW LEVEL SECURITY;
ALTER TABLE staff_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_hours FORCE ROW LEVEL SECURITY;
ALTER TABLE staff_absences ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_absences FORCE ROW LEVEL SECURITY;
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE customers FORCE ROW LEVEL SECURITY;
ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointments FORCE ROW LEVEL SECURITY;
ALTER TABLE appointment_services ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointment_services FORCE ROW LEVEL SECURITY;

CREATE POLICY salon_settings_app ON salon_settings TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY opening_hours_app ON opening_hours TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY closures_app ON closures TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY service_categories_app ON service_categories TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY services_app ON services TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY products_app ON products TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY staff_members_app ON staff_members TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY staff_services_app ON staff_services TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY staff_hours_app ON staff_hours TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY staff_absences_app ON staff_absences TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY customers_app ON customers TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY appointments_app ON appointments TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY appointment_services_app ON appointment_services TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY salon_settings_platform ON salon_settings TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY opening_hours_platform ON opening_hours TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY closures_platform ON closures TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY service_categories_platform ON service_categories TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY services_platform ON services TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY products_platform ON products TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY staff_members_platform ON staff_members TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY staff_services_platform ON staff_services TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY staff_hours_platform ON staff_hours TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY staff_absences_platform ON staff_absences TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY customers_platform ON customers TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY appointments_platform ON appointments TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY appointment_services_platform ON appointment_services TO carnet_platform USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON salon_settings, opening_hours, closures, service_categories, services, products, staff_members, staff_services, staff_hours, staff_absences, customers, appointments, appointment_services TO carnet_app;
GRANT SELECT ON salon_settings, opening_hours, closures, service_categories, services, products, staff_members, staff_services, staff_hours, staff_absences, customers, appointments, appointment_services TO carnet_platform;
-- The platform sweeps pending holds of every salon.
GRANT UPDATE ON appointments TO carnet_platform;

-- +goose Down
DROP TABLE appointment_services, appointments, customers, staff_absences, staff_hours, staff_services,
    staff_members, products, services, service_categories, closures, opening_hours, salon_settings;
