-- name: CategoryList :many
SELECT * FROM service_categories WHERE tenant_id = @tenant_id ORDER BY position, name;

-- name: CategoryCreate :one
INSERT INTO service_categories (tenant_id, name, position)
VALUES (@tenant_id, @name, (SELECT coalesce(max(position), 0) + 1 FROM service_categories WHERE tenant_id = @tenant_id))
RETURNING *;

-- name: CategoryRename :execrows
UPDATE service_categories SET name = @name WHERE tenant_id = @tenant_id AND id = @id;

-- name: CategoryDelete :execrows
DELETE FROM service_categories WHERE tenant_id = @tenant_id AND id = @id;

-- name: ServiceList :many
SELECT * FROM services WHERE tenant_id = @tenant_id AND archived_at IS NULL ORDER BY position, name;

-- name: ServiceGet :one
SELECT * FROM services WHERE tenant_id = @tenant_id AND id = @id;

-- name: ServiceCreate :one
INSERT INTO services (tenant_id, category_id, name, description, duration_minutes, buffer_minutes, price_cents,
                      online_bookable, payment_rule, deposit_kind, deposit_value, vat_rate_bp, position)
VALUES (@tenant_id, @category_id, @name, @description, @duration_minutes, @buffer_minutes, @price_cents,
        @online_bookable, @payment_rule, @deposit_kind, @deposit_value, coalesce(sqlc.narg(vat_rate_bp)::integer, 2000),
        (SELECT coalesce(max(position), 0) + 1 FROM services WHERE tenant_id = @tenant_id))
RETURNING *;

-- name: ServiceUpdate :execrows
UPDATE services SET category_id = @category_id, name = @name, description = @description,
    duration_minutes = @duration_minutes, buffer_minutes = @buffer_minutes, price_cents = @price_cents,
    online_bookable = @online_bookable, payment_rule = @payment_rule, deposit_kind = @deposit_kind,
    deposit_value = @deposit_value, vat_rate_bp = coalesce(sqlc.narg(vat_rate_bp)::integer, vat_rate_bp), updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id AND archived_at IS NULL;

-- name: ServiceArchive :execrows
-- Services stay in the database: past appointments and receipts refer to them.
UPDATE services SET archived_at = now() WHERE tenant_id = @tenant_id AND id = @id AND archived_at IS NULL;

-- name: ProductList :many
SELECT * FROM products WHERE tenant_id = @tenant_id AND archived_at IS NULL ORDER BY name;

-- name: ProductGet :one
SELECT * FROM products WHERE tenant_id = @tenant_id AND id = @id AND archived_at IS NULL;

-- name: ProductCreate :one
INSERT INTO products (tenant_id, name, sku, price_cents, stock, vat_rate_bp)
VALUES (@tenant_id, @name, @sku, @price_cents, @stock, coalesce(sqlc.narg(vat_rate_bp)::integer, 2000))
RETURNING *;

-- name: ProductUpdate :execrows
UPDATE products SET name = @name, sku = @sku, price_cents = @price_cents, stock = @stock,
    vat_rate_bp = coalesce(sqlc.narg(vat_rate_bp)::integer, vat_rate_bp), updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id AND archived_at IS NULL;

-- name: ProductArchive :execrows
UPDATE products SET archived_at = now() WHERE tenant_id = @tenant_id AND id = @id AND archived_at IS NULL;

-- name: CatalogLockOrder :exec
-- Reordering renumbers a list: two moves at once queue behind this lock.
SELECT pg_advisory_xact_lock(hashtext('catalog-order:' || @tenant_id::text));

-- name: ServiceSetPosition :exec
UPDATE services SET position = @position WHERE tenant_id = @tenant_id AND id = @id;

-- name: CategorySetPosition :exec
UPDATE service_categories SET position = @position WHERE tenant_id = @tenant_id AND id = @id;
