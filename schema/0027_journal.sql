-- +goose Up
-- The till's inalterable record (art. 286 I 3° bis CGI): one signed chain
-- per register. Rows are only ever inserted: a trigger refuses UPDATE,
-- DELETE and TRUNCATE, whoever asks. register_id has no foreign key: the
-- registers belong to the till, and the chain must outlive anything done to
-- them. incl_cents (documents) and period/period_from (closures) repeat
-- what the signed payload says, so closures and the sweep are computed in
-- SQL without decoding every payload.
CREATE TABLE journal_entries (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    register_id uuid NOT NULL,
    seq         bigint NOT NULL CHECK (seq > 0),
    kind        text NOT NULL CHECK (kind IN ('ticket', 'credit_note', 'reprint', 'closure', 'event')),
    at          timestamptz NOT NULL,
    payload     bytea NOT NULL,
    prev_sig    bytea NOT NULL,
    sig         bytea NOT NULL,
    key_id      text NOT NULL,
    incl_cents  bigint,
    period      text CHECK (period IN ('day', 'month', 'year')),
    period_from timestamptz,
    period_to   timestamptz,
    PRIMARY KEY (register_id, seq),
    CHECK ((kind = 'closure') = (period IS NOT NULL AND period_from IS NOT NULL AND period_to IS NOT NULL)),
    CHECK ((kind IN ('ticket', 'credit_note')) = (incl_cents IS NOT NULL))
);
-- A period is closed once per register: two closers racing, one wins.
CREATE UNIQUE INDEX journal_closures_idx ON journal_entries (register_id, period, period_from) WHERE kind = 'closure';
-- Closures and exports read a register's documents by time.
CREATE INDEX journal_documents_at_idx ON journal_entries (register_id, at) WHERE kind IN ('ticket', 'credit_note');
CREATE INDEX journal_tenant_idx ON journal_entries (tenant_id, register_id, at);
ALTER TABLE journal_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY journal_entries_app ON journal_entries TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY journal_entries_platform ON journal_entries TO carnet_platform USING (true);
GRANT SELECT, INSERT ON journal_entries TO carnet_app;
GRANT SELECT ON journal_entries TO carnet_platform;

-- +goose StatementBegin
CREATE FUNCTION journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'journal_entries is append-only: % refused (the till''s journal is inalterable)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER journal_entries_no_change BEFORE UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

-- Each register's last entry. Appending locks this row (upsert), so
-- concurrent appends to one register queue up and the sequence has no gap
-- (a Postgres sequence would burn numbers on rollback). first_at and
-- last_at (closures aside) let the closure sweep skip, without reading the
-- chain, the registers with nothing to close.
CREATE TABLE journal_heads (
    register_id uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    seq         bigint NOT NULL,
    sig         bytea NOT NULL,
    first_at    timestamptz NOT NULL,
    last_at     timestamptz NOT NULL
);
CREATE INDEX journal_heads_tenant_idx ON journal_heads (tenant_id);
ALTER TABLE journal_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_heads FORCE ROW LEVEL SECURITY;
CREATE POLICY journal_heads_app ON journal_heads TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY journal_heads_platform ON journal_heads TO carnet_platform USING (true);
GRANT SELECT, INSERT, UPDATE ON journal_heads TO carnet_app;
GRANT SELECT ON journal_heads TO carnet_platform;

-- +goose Down
DROP TABLE journal_heads;
DROP TABLE journal_entries;
DROP FUNCTION journal_refuse_change();
