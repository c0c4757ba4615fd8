-- +goose Up
-- The demo salon (`serve --demo`) is made up: its clients' phone numbers and
-- addresses belong to nobody, so nothing it would say to them is ever sent.
-- The outbox keeps each message in the client's history as skipped.
ALTER TABLE tenants ADD COLUMN demo boolean NOT NULL DEFAULT false;
GRANT SELECT (demo) ON tenants TO carnet_app;
-- A demo seeded before this migration is the demo too (its owner is the
-- demo's made-up account; a real salon that took the slug is left alone).
-- The owner runs migrations; FORCE is lifted for the backfill only, so it
-- sees every salon's rows even when the owner is not a superuser.
ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;
ALTER TABLE memberships NO FORCE ROW LEVEL SECURITY;
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
UPDATE tenants SET demo = true
WHERE slug = 'demo' AND EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
                                WHERE m.tenant_id = tenants.id AND u.email = 'owner@demo.test');
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;

-- +goose Down
ALTER TABLE tenants DROP COLUMN demo;
