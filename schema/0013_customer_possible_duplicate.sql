-- +goose Up
-- A public booking joins a client record only on proof (signed in to the
-- portal, or both email and phone are the record's). Otherwise it makes a new
-- record, which points at the record it looks like, so the salon can compare
-- the two and merge them. The flag shows while that record is still live.
ALTER TABLE customers
    ADD COLUMN duplicate_of uuid,
    ADD CONSTRAINT customers_duplicate_fkey FOREIGN KEY (tenant_id, duplicate_of)
        REFERENCES customers (tenant_id, id) ON DELETE SET NULL (duplicate_of);

-- +goose Down
ALTER TABLE customers DROP CONSTRAINT customers_duplicate_fkey, DROP COLUMN duplicate_of;
