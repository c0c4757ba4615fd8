-- +goose Up
-- The till: registers with their own gapless receipt numbers, the days a
-- register is open (cash float, counted cash), tickets with their lines and
-- payments, and credit notes (a ticket of kind credit_note referring to the
-- one it corrects). A closed ticket is never changed: a trigger refuses it.
-- Prices in the catalogue include VAT; each service and product carries its
-- rate in basis points.
ALTER TABLE services ADD COLUMN vat_rate_bp integer NOT NULL DEFAULT 2000 CHECK (vat_rate_bp IN (2000, 1000, 550, 210, 0));
ALTER TABLE products ADD COLUMN vat_rate_bp integer NOT NULL DEFAULT 2000 CHECK (vat_rate_bp IN (2000, 1000, 550, 210, 0));

-- What a receipt must show besides the salon's name and address, and the
-- franchise en base (art. 293 B du CGI): no VAT on the receipts.
CREATE TABLE till_settings (
    tenant_id  uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    siret      text NOT NULL DEFAULT '' CHECK (siret ~ '^([0-9]{14})?$'),
    vat_number text NOT NULL DEFAULT '' CHECK (length(vat_number) <= 20),
    vat_exempt boolean NOT NULL DEFAULT false,
    low_stock  integer NOT NULL DEFAULT 3 CHECK (low_stock BETWEEN 0 AND 10000),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- next_number is the register's counter: a closing takes it in an UPDATE …
-- RETURNING in the same transaction as the receipt, so a rolled-back closing
-- burns no number (a sequence would) and concurrent closings queue.
CREATE TABLE registers (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    next_number bigint NOT NULL DEFAULT 1 CHECK (next_number >= 1),
    archived_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE INDEX registers_tenant_idx ON registers (tenant_id, created_at);

CREATE TABLE register_days (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL,
    register_id    uuid NOT NULL,
    opened_at      timestamptz NOT NULL,
    opened_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    float_cents    bigint NOT NULL CHECK (float_cents >= 0),
    closed_at      timestamptz,
    closed_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    counted_cents  bigint CHECK (counted_cents >= 0),
    expected_cents bigint,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, register_id) REFERENCES registers (tenant_id, id)
);
-- One open day per register at a time.
CREATE UNIQUE INDEX register_days_open_idx ON register_days (tenant_id, register_id) WHERE closed_at IS NULL;

CREATE TABLE tickets (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid NOT NULL,
    register_id        uuid NOT NULL,
    day_id             uuid NOT NULL,
    kind               text NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'credit_note')),
    status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    number             bigint,
    appointment_id     uuid,
    customer_id        uuid,
    category_bp        integer NOT NULL DEFAULT 0 CHECK (category_bp BETWEEN 0 AND 10000),
    discount_bp        integer NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
    discount_cents     bigint NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
    discount_reason    text NOT NULL DEFAULT '' CHECK (length(discount_reason) <= 120),
    excl_cents         bigint NOT NULL DEFAULT 0,
    vat_cents          bigint NOT NULL DEFAULT 0,
    incl_cents         bigint NOT NULL DEFAULT 0,
    vat_exempt         boolean NOT NULL DEFAULT false,
    refers_to          uuid,
    opened_at          timestamptz NOT NULL DEFAULT now(),
    opened_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    closed_at          timestamptz,
    closed_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (tenant_id, id),
    UNIQUE (register_id, number),
    CHECK ((status = 'closed') = (number IS NOT NULL)),
    CHECK ((kind = 'credit_note') = (refers_to IS NOT NULL)),
    FOREIGN KEY (tenant_id, register_id) REFERENCES registers (tenant_id, id),
    FOREIGN KEY (tenant_id, day_id) REFERENCES register_days (tenant_id, id),
    FOREIGN KEY (tenant_id, appointment_id) REFERENCES appointments (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, refers_to) REFERENCES tickets (tenant_id, id)
);
CREATE INDEX tickets_open_idx ON tickets (tenant_id, register_id) WHERE status = 'open';
CREATE INDEX tickets_day_idx ON tickets (tenant_id, day_id);
CREATE INDEX tickets_customer_idx ON tickets (tenant_id, customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX tickets_appointment_idx ON tickets (tenant_id, appointment_id) WHERE appointment_id IS NOT NULL;
CREATE INDEX tickets_refers_idx ON tickets (tenant_id, refers_to) WHERE refers_to IS NOT NULL;

CREATE TABLE ticket_lines (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL,
    ticket_id       uuid NOT NULL,
    position        integer NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('service', 'product', 'free')),
    service_id      uuid,
    product_id      uuid,
    staff_id        uuid,
    label           text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
    quantity        integer NOT NULL CHECK (quantity <> 0 AND abs(quantity) <= 1000),
    unit_cents      bigint NOT NULL CHECK (unit_cents >= 0),
    rate_bp         integer NOT NULL CHECK (rate_bp IN (2000, 1000, 550, 210, 0)),
    discount_bp     integer NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
    discount_cents  bigint NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
    discount_reason text NOT NULL DEFAULT '' CHECK (length(discount_reason) <= 120),
    total_cents     bigint NOT NULL DEFAULT 0, -- including VAT, after every discount (set at closing)
    vat_cents       bigint NOT NULL DEFAULT 0,
    refers_line_id  uuid, -- a credit note's line: the line it gives back
    UNIQUE (tenant_id, id),
    UNIQUE (ticket_id, position),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, service_id) REFERENCES services (tenant_id, id),
    FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff_members (tenant_id, id),
    FOREIGN KEY (tenant_id, refers_line_id) REFERENCES ticket_lines (tenant_id, id)
);
-- A line is given back once: a credit note cannot exceed what was sold.
CREATE UNIQUE INDEX ticket_lines_refers_idx ON ticket_lines (tenant_id, refers_line_id) WHERE refers_line_id IS NOT NULL;

CREATE TABLE ticket_payments (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL,
    ticket_id           uuid NOT NULL,
    method              text NOT NULL CHECK (method IN ('cash', 'card', 'cheque', 'online', 'account')),
    amount_cents        bigint NOT NULL CHECK (amount_cents <> 0), -- negative: paid out (a refund)
    given_cents         bigint NOT NULL DEFAULT 0 CHECK (given_cents >= 0), -- cash handed over
    change_cents        bigint NOT NULL DEFAULT 0 CHECK (change_cents >= 0), -- cash given back
    reference           text NOT NULL DEFAULT '' CHECK (length(reference) <= 60),
    payment_id          uuid, -- the deposit or prepayment paid online for the visit
    stripe_intent_id    text,
    stripe_session_id   text,
    cheque_issued_on    date,
    cheque_signed       boolean,
    cheque_bank         text,
    cheque_number       text,
    holder_id_type      text,
    holder_id_number    text,
    holder_id_issued_on date,
    holder_id_issued_at text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    created_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id),
    CHECK ((method = 'online') = (payment_id IS NOT NULL)),
    CHECK (method = 'cheque' OR cheque_number IS NULL)
);
-- A visit's deposit is applied to one ticket only.
CREATE UNIQUE INDEX ticket_payments_online_idx ON ticket_payments (tenant_id, payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX ticket_payments_ticket_idx ON ticket_payments (tenant_id, ticket_id);

-- A closed ticket (and what it holds) is final: corrections are credit notes.
-- +goose StatementBegin
CREATE FUNCTION till_refuse_closed_change() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    closed boolean;
BEGIN
    IF TG_TABLE_NAME = 'tickets' THEN
        closed := OLD.status = 'closed';
    ELSE
        SELECT t.status = 'closed' INTO closed FROM tickets t
        WHERE t.tenant_id = COALESCE(NEW.tenant_id, OLD.tenant_id) AND t.id = COALESCE(NEW.ticket_id, OLD.ticket_id);
    END IF;
    IF closed THEN
        RAISE EXCEPTION 'a closed ticket cannot change' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER tickets_closed_final BEFORE UPDATE OR DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION till_refuse_closed_change();
CREATE TRIGGER ticket_lines_closed_final BEFORE INSERT OR UPDATE OR DELETE ON ticket_lines
    FOR EACH ROW EXECUTE FUNCTION till_refuse_closed_change();
CREATE TRIGGER ticket_payments_closed_final BEFORE INSERT OR UPDATE OR DELETE ON ticket_payments
    FOR EACH ROW EXECUTE FUNCTION till_refuse_closed_change();

ALTER TABLE till_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE till_settings FORCE ROW LEVEL SECURITY;
ALTER TABLE registers ENABLE ROW LEVEL SECURITY;
ALTER TABLE registers FORCE ROW LEVEL SECURITY;
ALTER TABLE register_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE register_days FORCE ROW LEVEL SECURITY;
ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE tickets FORCE ROW LEVEL SECURITY;
ALTER TABLE ticket_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_lines FORCE ROW LEVEL SECURITY;
ALTER TABLE ticket_payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_payments FORCE ROW LEVEL SECURITY;
CREATE POLICY till_settings_app ON till_settings TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY registers_app ON registers TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY register_days_app ON register_days TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY tickets_app ON tickets TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY ticket_lines_app ON ticket_lines TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY ticket_payments_app ON ticket_payments TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY till_settings_platform ON till_settings TO carnet_platform USING (true);
CREATE POLICY registers_platform ON registers TO carnet_platform USING (true);
CREATE POLICY register_days_platform ON register_days TO carnet_platform USING (true);
CREATE POLICY tickets_platform ON tickets TO carnet_platform USING (true);
CREATE POLICY ticket_lines_platform ON ticket_lines TO carnet_platform USING (true);
CREATE POLICY ticket_payments_platform ON ticket_payments TO carnet_platform USING (true);
GRANT SELECT, INSERT, UPDATE ON till_settings, registers, register_days TO carnet_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tickets, ticket_lines, ticket_payments TO carnet_app;
GRANT SELECT ON till_settings, registers, register_days, tickets, ticket_lines, ticket_payments TO carnet_platform;

-- +goose Down
DROP TABLE ticket_payments;
DROP TABLE ticket_lines;
DROP TABLE tickets;
DROP FUNCTION till_refuse_closed_change();
DROP TABLE register_days;
DROP TABLE registers;
DROP TABLE till_settings;
ALTER TABLE products DROP COLUMN vat_rate_bp;
ALTER TABLE services DROP COLUMN vat_rate_bp;
