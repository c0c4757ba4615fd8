-- +goose Up
-- Key rotation: every entry names its key by fingerprint (key_id), but the
-- public half lived only in the running deployment, so an archive could not
-- carry the key of an entry signed before a rotation. Each key that signs an
-- entry is recorded here, once, by the append itself. A key is the
-- deployment's, not a salon's: no tenant_id, and nothing secret (the public
-- half only). The fingerprint is checked against the key, and rows are
-- insert-only like the journal's.
CREATE TABLE journal_keys (
    key_id     text PRIMARY KEY,
    public_key bytea NOT NULL CHECK (length(public_key) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (key_id = left(encode(sha256(public_key), 'hex'), 16))
);
GRANT SELECT, INSERT ON journal_keys TO carnet_app;
GRANT SELECT ON journal_keys TO carnet_platform;
CREATE TRIGGER journal_keys_no_change BEFORE UPDATE OR DELETE ON journal_keys
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_keys_no_truncate BEFORE TRUNCATE ON journal_keys
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

-- Where the register's signed closures end, the latest: a document dated
-- before it would fall into a closed period, which the append refuses under
-- the head's lock without reading the closures.
ALTER TABLE journal_heads ADD COLUMN closed_to timestamptz;
UPDATE journal_heads h SET closed_to = (SELECT max(c.period_to) FROM journal_entries c
    WHERE c.register_id = h.register_id AND c.kind = 'closure');

-- +goose Down
ALTER TABLE journal_heads DROP COLUMN closed_to;
DROP TABLE journal_keys;
