-- name: OpeningHoursList :many
SELECT * FROM opening_hours WHERE tenant_id = @tenant_id ORDER BY weekday, opens;

-- name: OpeningHoursDeleteAll :exec
DELETE FROM opening_hours WHERE tenant_id = @tenant_id;

-- name: OpeningHoursInsert :exec
INSERT INTO opening_hours (tenant_id, weekday, opens, closes) VALUES (@tenant_id, @weekday, @opens, @closes);

-- name: ClosureList :many
-- Closures that end on or after a day (past ones drop off the settings page).
SELECT * FROM closures WHERE tenant_id = @tenant_id AND ends_on >= @since ORDER BY starts_on;

-- name: ClosureCreate :one
INSERT INTO closures (tenant_id, starts_on, ends_on, reason) VALUES (@tenant_id, @starts_on, @ends_on, @reason)
RETURNING *;

-- name: ClosureDelete :execrows
DELETE FROM closures WHERE tenant_id = @tenant_id AND id = @id;
