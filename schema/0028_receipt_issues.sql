-- +goose Up
-- Every time a closed receipt leaves the till: printed, emailed or sent as
-- an SMS link. The first print and the first sending are originals
-- (duplicata = 0); every later one is a duplicata numbered from 1 per
-- receipt, which the receipt shows and the journal signs (KindReprint).
-- Tickets are immutable once closed, hence a table rather than a counter.
CREATE TABLE receipt_issues (
    id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id uuid NOT NULL,
    channel   text NOT NULL CHECK (channel IN ('print', 'email', 'sms')),
    duplicata integer NOT NULL CHECK (duplicata >= 0),
    at        timestamptz NOT NULL,
    issued_by uuid REFERENCES users (id) ON DELETE SET NULL,
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id)
);
-- One original print and one original sending per receipt, and each
-- duplicata number once: a race that slipped past the lock fails here.
CREATE UNIQUE INDEX receipt_issues_print_idx ON receipt_issues (tenant_id, ticket_id) WHERE duplicata = 0 AND channel = 'print';
CREATE UNIQUE INDEX receipt_issues_send_idx ON receipt_issues (tenant_id, ticket_id) WHERE duplicata = 0 AND channel <> 'print';
CREATE UNIQUE INDEX receipt_issues_dup_idx ON receipt_issues (tenant_id, ticket_id, duplicata) WHERE duplicata > 0;
ALTER TABLE receipt_issues ENABLE ROW LEVEL SECURITY;
ALTER TABLE receipt_issues FORCE ROW LEVEL SECURITY;
CREATE POLICY receipt_issues_app ON receipt_issues TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY receipt_issues_platform ON receipt_issues TO carnet_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON receipt_issues TO carnet_app;
GRANT SELECT ON receipt_issues TO carnet_platform;

-- A member opening the Caisse page signs in to each open register day once:
-- the row makes the journal's till_sign_in event happen once per day.
CREATE TABLE till_sign_ins (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    day_id    uuid NOT NULL,
    user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, day_id, user_id),
    FOREIGN KEY (tenant_id, day_id) REFERENCES register_days (tenant_id, id)
);
ALTER TABLE till_sign_ins ENABLE ROW LEVEL SECURITY;
ALTER TABLE till_sign_ins FORCE ROW LEVEL SECURITY;
CREATE POLICY till_sign_ins_app ON till_sign_ins TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY till_sign_ins_platform ON till_sign_ins TO carnet_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON till_sign_ins TO carnet_app;
GRANT SELECT ON till_sign_ins TO carnet_platform;

-- +goose Down
DROP TABLE till_sign_ins;
DROP TABLE receipt_issues;
