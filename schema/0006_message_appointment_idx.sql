-- The reminder sweep asks, for each due visit, whether a confirmation has just
-- given its time: the visit's messages, found without reading the client's.

-- +goose Up
CREATE INDEX messages_appointment_idx ON messages (tenant_id, appointment_id, kind) WHERE appointment_id IS NOT NULL;

-- +goose Down
DROP INDEX messages_appointment_idx;
