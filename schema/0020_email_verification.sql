-- +goose Up
-- A salon owner proves their email before the salon takes money (Stripe)
-- or sends offers: a mistyped or borrowed address must not become the
-- face of a business. Accounts that already exist are taken as proven
-- (they signed up before the check existed, or joined through an emailed
-- invitation); so are accounts made by an invitation or the command line.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
UPDATE users SET email_verified_at = created_at;
ALTER TABLE users FORCE ROW LEVEL SECURITY;

-- Verification links: single use, expiring, only their hash stored (as
-- password_resets). They belong to an account, not a salon: platform path only.
CREATE TABLE email_verifications (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email      text NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_verifications_user_idx ON email_verifications (user_id);
ALTER TABLE email_verifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_verifications FORCE ROW LEVEL SECURITY;
CREATE POLICY email_verifications_platform ON email_verifications TO carnet_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON email_verifications TO carnet_platform;

-- +goose Down
DROP TABLE email_verifications;
ALTER TABLE users DROP COLUMN email_verified_at;
