-- +goose NO TRANSACTION
-- +goose Up
-- The client list sorted by "newest first" reads the page straight from this
-- index instead of sorting every live client of the salon. Built
-- concurrently: online bookings keep creating clients meanwhile.
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_recent_idx ON customers (tenant_id, created_at DESC, id)
    WHERE merged_into IS NULL AND erased_at IS NULL;

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS customers_recent_idx;
