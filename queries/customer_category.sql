-- name: CustomerCategoryList :many
SELECT * FROM customer_categories WHERE tenant_id = @tenant_id ORDER BY position, name;

-- name: CustomerCategoryCreate :one
INSERT INTO customer_categories (tenant_id, name, payment_mode, discount_percent, is_default, position)
VALUES (@tenant_id, @name, @payment_mode, @discount_percent, @is_default,
        (SELECT coalesce(max(position), 0) + 1 FROM customer_categories WHERE tenant_id = @tenant_id))
RETURNING *;

-- name: CustomerCategoryUpdate :execrows
UPDATE customer_categories SET name = @name, payment_mode = @payment_mode, discount_percent = @discount_percent
WHERE tenant_id = @tenant_id AND id = @id;

-- name: CustomerCategoryClearDefault :exec
UPDATE customer_categories SET is_default = false WHERE tenant_id = @tenant_id AND is_default;

-- name: CustomerCategorySetDefault :execrows
UPDATE customer_categories SET is_default = true WHERE tenant_id = @tenant_id AND id = @id;

-- name: CustomerCategoryDelete :execrows
DELETE FROM customer_categories WHERE tenant_id = @tenant_id AND id = @id AND NOT is_default;

-- name: CustomerCategoryDefault :one
SELECT * FROM customer_categories WHERE tenant_id = @tenant_id AND is_default;

-- name: CustomerCategoryReport :many
-- Which group is most profitable: per category, over a period, clients seen,
-- visits done, revenue (services as booked), average ticket, no-show rate.
SELECT coalesce(cat.id, '00000000-0000-0000-0000-000000000000'::uuid) AS category_id,
       coalesce(cat.name, '')::text AS name,
       count(DISTINCT a.customer_id) FILTER (WHERE a.status = 'done')::bigint AS clients,
       count(*) FILTER (WHERE a.status = 'done')::bigint AS visits,
       coalesce(sum(t.price) FILTER (WHERE a.status = 'done'), 0)::bigint AS revenue_cents,
       count(*) FILTER (WHERE a.status = 'no_show')::bigint AS no_shows
FROM appointments a
JOIN customers c ON c.id = a.customer_id
LEFT JOIN customer_categories cat ON cat.id = c.category_id
LEFT JOIN LATERAL (SELECT sum(x.price_cents) AS price FROM appointment_services x
                   WHERE x.tenant_id = a.tenant_id AND x.appointment_id = a.id) t ON true
WHERE a.tenant_id = @tenant_id AND a.starts_at >= @range_from AND a.starts_at < @range_to
  AND a.status IN ('done', 'no_show')
GROUP BY cat.id, cat.name
ORDER BY revenue_cents DESC;

-- name: CustomerCategoryGet :one
SELECT * FROM customer_categories WHERE tenant_id = @tenant_id AND id = @id;
