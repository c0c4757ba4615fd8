-- name: SheetList :many
SELECT * FROM technical_sheets WHERE tenant_id = @tenant_id AND customer_id = @customer_id
ORDER BY sheet_date DESC, created_at DESC;

-- name: SheetGet :one
SELECT * FROM technical_sheets WHERE tenant_id = @tenant_id AND id = @id;

-- name: SheetCreate :one
INSERT INTO technical_sheets (tenant_id, customer_id, appointment_id, sheet_date, title, products, settings, reactions, notes, created_by)
VALUES (@tenant_id, @customer_id, @appointment_id, @sheet_date, @title, @products, @settings, @reactions, @notes, @created_by)
RETURNING *;

-- name: SheetUpdate :execrows
UPDATE technical_sheets SET appointment_id = @appointment_id, sheet_date = @sheet_date, title = @title, products = @products,
    settings = @settings, reactions = @reactions, notes = @notes, updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id;

-- name: SheetDelete :execrows
DELETE FROM technical_sheets WHERE tenant_id = @tenant_id AND id = @id;
