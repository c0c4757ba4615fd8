-- Foundation: salons (tenants), staff accounts, invitations, platform admins, audit log.
--
-- Two login roles run the server's queries; neither owns a table nor bypasses RLS:
--   carnet_app       salon-scoped work; sees only the salon named by app.tenant_id.
--   carnet_platform  the audited cross-salon path (login, admin pages, sweeping jobs).
-- Both roles are created by the binary before migrations run (store.Bootstrap).

-- +goose Up
CREATE TABLE tenants (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug              text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{1,38}[a-z0-9])$'),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    time_zone         text NOT NULL DEFAULT 'Europe/Paris',
    currency          text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    locale            text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
    status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    status_reason     text NOT NULL DEFAULT '',
    status_changed_at timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%'),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    password_hash text NOT NULL,
    locale        text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE invitations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    email       text NOT NULL CHECK (email = lower(email)),
    role        text NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
    token_hash  bytea NOT NULL UNIQUE,
    invited_by  uuid NOT NULL REFERENCES users (id),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitations_tenant_idx ON invitations (tenant_id, created_at DESC);

CREATE TABLE password_resets (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);

CREATE TABLE platform_admins (
    user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at    timestamptz NOT NULL DEFAULT now(),
    actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
    actor_email   text NOT NULL,
    action        text NOT NULL,
    tenant_id     uuid REFERENCES tenants (id) ON DELETE SET NULL,
    detail        jsonb NOT NULL DEFAULT '{}',
    ip            text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_id, created_at DESC);
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC);

-- Row-level security. FORCE makes it apply to the table owner too, so a
-- migration or a mistaken owner connection cannot read across salons either.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;
ALTER TABLE platform_admins ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_admins FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;

-- A salon's public page finds it by slug before any salon is selected, so the
-- salon row is readable by every salon's transactions; column grants below
-- keep the private part (the platform's suspension reason) and the status
-- itself out of the application role's reach.
CREATE POLICY tenants_app_read ON tenants FOR SELECT TO carnet_app USING (true);
CREATE POLICY tenants_app_insert ON tenants FOR INSERT TO carnet_app
    WITH CHECK (id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY tenants_app_update ON tenants FOR UPDATE TO carnet_app
    USING (id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- Staff accounts span salons: a salon sees only the users who belong to it.
CREATE POLICY users_app_read ON users FOR SELECT TO carnet_app USING (
    EXISTS (SELECT 1 FROM memberships m
            WHERE m.user_id = users.id
              AND m.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid));
CREATE POLICY users_app_insert ON users FOR INSERT TO carnet_app WITH CHECK (true);

CREATE POLICY memberships_app ON memberships TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY invitations_app ON invitations TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
-- A salon may read what the platform did to it; it never writes the log.
CREATE POLICY audit_log_app_read ON audit_log FOR SELECT TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

CREATE POLICY tenants_platform ON tenants TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY users_platform ON users TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY memberships_platform ON memberships TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY invitations_platform ON invitations TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY password_resets_platform ON password_resets TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY platform_admins_platform ON platform_admins TO carnet_platform USING (true) WITH CHECK (true);
CREATE POLICY audit_log_platform ON audit_log TO carnet_platform USING (true) WITH CHECK (true);

GRANT SELECT (id, slug, name, time_zone, currency, locale, status, status_changed_at, created_at) ON tenants TO carnet_app;
GRANT INSERT (id, slug, name, time_zone, currency, locale) ON tenants TO carnet_app;
GRANT UPDATE (name, time_zone, currency, locale) ON tenants TO carnet_app;
GRANT SELECT, INSERT ON users TO carnet_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships, invitations TO carnet_app;
GRANT SELECT ON audit_log TO carnet_app;

GRANT SELECT, INSERT, UPDATE ON tenants, users, memberships, invitations, password_resets TO carnet_platform;
GRANT DELETE ON memberships, password_resets TO carnet_platform;
GRANT SELECT, INSERT, DELETE ON platform_admins TO carnet_platform;
GRANT SELECT, INSERT ON audit_log TO carnet_platform;

-- +goose Down
DROP TABLE audit_log, platform_admins, password_resets, invitations, memberships, users, tenants;
