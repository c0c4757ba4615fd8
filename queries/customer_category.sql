-- name: CustomerCategoryList :many
SELECT * FROM customer_categories WHERE tenant_id = @tenant_id ORDER BY position, name;

-- name: CustomerCategoryCreate :one
INSERT INTO customer_categories (tenant_id, name, payment_mode, discount_bp, is_default, position)
VALUES (@tenant_id, @name, @payment_mode, @discount_bp, @is_default,
        (SELECT coalesce(max(position), 0) + 1 FROM customer_categories WHERE tenant_id = @tenant_id))
RETURNING *;

-- name: CustomerCategoryUpdate :execrows
UPDATE customer_categories SET name = @name, payment_mode = @payment_mode, discount_bp = @discount_bp
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
-- visits done and no-shows (the agenda), and revenue: what was really paid
-- at the till on receipts closed in the period — service and product lines
-- after line and ticket discounts, credit notes taking theirs back.
WITH seen AS (
    SELECT coalesce(c.category_id, '00000000-0000-0000-0000-000000000000'::uuid) AS category_id,
           count(DISTINCT a.customer_id) FILTER (WHERE a.status = 'done') AS clients,
           count(*) FILTER (WHERE a.status = 'done') AS visits,
           count(*) FILTER (WHERE a.status = 'no_show') AS no_shows
    FROM appointments a
    JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
    WHERE a.tenant_id = @tenant_id AND a.starts_at >= @range_from AND a.starts_at < @range_to
      AND a.status IN ('done', 'no_show')
    GROUP BY 1
), paid AS (
    SELECT coalesce(c.category_id, '00000000-0000-0000-0000-000000000000'::uuid) AS category_id,
           sum(l.total_cents) AS revenue
    FROM ticket_lines l
    JOIN tickets t ON t.tenant_id = l.tenant_id AND t.id = l.ticket_id
    JOIN customers c ON c.tenant_id = t.tenant_id AND c.id = t.customer_id
    WHERE t.tenant_id = @tenant_id AND t.status = 'closed' AND t.closed_at >= @range_from AND t.closed_at < @range_to
      AND l.kind IN ('service', 'product')
    GROUP BY 1
)
SELECT coalesce(s.category_id, p.category_id)::uuid AS category_id,
       coalesce(cat.name, '')::text AS name,
       coalesce(s.clients, 0)::bigint AS clients,
       coalesce(s.visits, 0)::bigint AS visits,
       coalesce(p.revenue, 0)::bigint AS revenue_cents,
       coalesce(s.no_shows, 0)::bigint AS no_shows
FROM seen s
FULL JOIN paid p ON p.category_id = s.category_id
LEFT JOIN customer_categories cat ON cat.tenant_id = @tenant_id AND cat.id = coalesce(s.category_id, p.category_id)
ORDER BY revenue_cents DESC, name;

-- name: CustomerCategoryGet :one
SELECT * FROM customer_categories WHERE tenant_id = @tenant_id AND id = @id;

-- name: CustomerCategoryMoveClients :execrows
-- The clients of a category being deleted join the salon's default one.
UPDATE customers SET category_id = sqlc.narg(to_id)
WHERE tenant_id = @tenant_id AND category_id = @from_id;

-- name: CustomerCategoryClientCounts :many
-- How many clients each category has, for the delete warning.
SELECT category_id::uuid AS category_id, count(*)::bigint AS clients
FROM customers
WHERE tenant_id = @tenant_id AND category_id IS NOT NULL AND merged_into IS NULL AND erased_at IS NULL
GROUP BY category_id;
