-- +goose Up
-- Platform admins sign in with a second factor: a TOTP secret (encrypted
-- with the deployment's SECRET_KEY, never stored in clear) and ten
-- single-use recovery codes (only their hash). last_step is the newest
-- 30-second step a code was accepted for: a code seen once is never taken
-- again, even within its own step. Platform path only, like platform_admins.
CREATE TABLE admin_totp (
    user_id      uuid PRIMARY KEY REFERENCES platform_admins (user_id) ON DELETE CASCADE,
    secret_enc   bytea NOT NULL,
    confirmed_at timestamptz,
    last_step    bigint NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE admin_recovery_codes (
    user_id   uuid NOT NULL REFERENCES platform_admins (user_id) ON DELETE CASCADE,
    code_hash bytea NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

ALTER TABLE admin_totp ENABLE ROW LEVEL SECURITY;
ALTER TABLE admin_totp FORCE ROW LEVEL SECURITY;
ALTER TABLE admin_recovery_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE admin_recovery_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY admin_totp_platform ON admin_totp TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY admin_recovery_codes_platform ON admin_recovery_codes TO carnet_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON admin_totp, admin_recovery_codes TO carnet_platform;

-- +goose Down
DROP TABLE admin_recovery_codes, admin_totp;
