-- +goose Up
-- One submission, one booking: the public form carries a one-time key, kept
-- (hashed) with the booking it made. The same form sent again (a double tap,
-- back and resubmit, two tabs) finds that booking instead of making another.
-- Unique per salon, like every salon-owned key.
ALTER TABLE bookings ADD COLUMN request_key bytea;
CREATE UNIQUE INDEX bookings_request_key_idx ON bookings (tenant_id, request_key) WHERE request_key IS NOT NULL;

-- +goose Down
DROP INDEX bookings_request_key_idx;
ALTER TABLE bookings DROP COLUMN request_key;
