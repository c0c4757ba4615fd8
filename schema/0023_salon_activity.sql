-- +goose Up
-- What happened to the salon's online bookings, for the home page's feed and
-- the emails to the owner and managers: the kind and the visit only. Names
-- and services are read from the visit when shown, so erasing a client
-- leaves nothing of them here.
CREATE TABLE activity (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('booked', 'cancelled', 'moved', 'payment_failed', 'refunded')),
    by_client      boolean NOT NULL DEFAULT false, -- a cancellation: the client's (else the salon's)
    appointment_id uuid NOT NULL,
    amount_cents   bigint NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
    currency       text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, appointment_id) REFERENCES appointments (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX activity_recent_idx ON activity (tenant_id, created_at DESC);

ALTER TABLE activity ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_app ON activity TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY activity_platform ON activity TO carnet_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON activity TO carnet_app;
GRANT SELECT, INSERT, DELETE ON activity TO carnet_platform;

-- Which events email whom. The owner's switches belong to the salon (every
-- owner of it hears the same, on by default: a new salon must not miss its
-- first booking); a manager opts in for themselves (off by default: a
-- manager who runs the floor may not want a mail per booking).
ALTER TABLE salon_settings
    ADD COLUMN notify_events text[] NOT NULL DEFAULT '{booked,cancelled,moved,payment_failed,refunded}';
ALTER TABLE memberships
    ADD COLUMN notify_events text[] NOT NULL DEFAULT '{}';

-- +goose Down
ALTER TABLE memberships DROP COLUMN notify_events;
ALTER TABLE salon_settings DROP COLUMN notify_events;
DROP TABLE activity;
