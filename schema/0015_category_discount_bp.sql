-- +goose Up
-- A category's discount is kept in basis points (hundredths of a percent),
-- so a salon can give 12,5 % as it writes it. Existing whole percentages are
-- multiplied by 100. The owner runs migrations; FORCE is lifted for the
-- backfill only, so the update reaches every salon's rows.
ALTER TABLE customer_categories RENAME COLUMN discount_percent TO discount_bp;
ALTER TABLE customer_categories DROP CONSTRAINT customer_categories_discount_percent_check;
ALTER TABLE customer_categories NO FORCE ROW LEVEL SECURITY;
UPDATE customer_categories SET discount_bp = discount_bp * 100 WHERE discount_bp <> 0;
ALTER TABLE customer_categories FORCE ROW LEVEL SECURITY;
ALTER TABLE customer_categories ADD CONSTRAINT customer_categories_discount_bp_check CHECK (discount_bp BETWEEN 0 AND 10000);

-- +goose Down
ALTER TABLE customer_categories DROP CONSTRAINT customer_categories_discount_bp_check;
ALTER TABLE customer_categories NO FORCE ROW LEVEL SECURITY;
UPDATE customer_categories SET discount_bp = round(discount_bp / 100.0) WHERE discount_bp <> 0;
ALTER TABLE customer_categories FORCE ROW LEVEL SECURITY;
ALTER TABLE customer_categories RENAME COLUMN discount_bp TO discount_percent;
ALTER TABLE customer_categories ADD CONSTRAINT customer_categories_discount_percent_check CHECK (discount_percent BETWEEN 0 AND 100);
