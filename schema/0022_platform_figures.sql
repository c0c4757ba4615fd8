-- +goose Up
-- What the platform admin reads across salons: the audit log filtered by
-- admin or action, sign-ups and active salons per week, fees per month.
-- Each figure is a range scan of one of these indexes, not a sweep of a
-- table that grows with every salon's activity.
CREATE INDEX audit_log_actor_idx ON audit_log (actor_email, created_at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, created_at DESC);
CREATE INDEX tenants_created_idx ON tenants (created_at);
-- Visits that took place or will: counted per salon by an index-only scan
-- (1.9 M visits over 500 salons: the salon list's page of 50 went from
-- 206 ms to 15 ms).
CREATE INDEX appointments_live_idx ON appointments (tenant_id, starts_at) WHERE status NOT IN ('cancelled', 'pending');
CREATE INDEX payments_collected_idx ON payments (created_at) WHERE status = 'succeeded' AND kind <> 'refund';

-- +goose Down
DROP INDEX payments_collected_idx, appointments_live_idx, tenants_created_idx, audit_log_action_idx, audit_log_actor_idx;
