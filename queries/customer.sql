-- name: CustomerCreate :one
INSERT INTO customers (tenant_id, first_name, last_name, phone, email)
VALUES (@tenant_id, @first_name, @last_name, @phone, @email)
RETURNING *;

-- name: CustomerGet :one
SELECT * FROM customers WHERE tenant_id = @tenant_id AND id = @id;

-- name: CustomerFindByPhone :many
SELECT * FROM customers WHERE tenant_id = @tenant_id AND phone = @phone ORDER BY created_at LIMIT 5;

-- name: CustomerQuickSearch :many
-- The agenda's "who is this for" box: a few matches by name or phone.
SELECT * FROM customers
WHERE tenant_id = @tenant_id
  AND (last_name ILIKE @pattern::text || '%' OR first_name ILIKE @pattern::text || '%' OR (@digits::text <> '' AND phone LIKE '%' || @digits::text || '%'))
ORDER BY last_name, first_name
LIMIT 8;

-- name: CustomerFindByEmail :many
SELECT * FROM customers WHERE tenant_id = @tenant_id AND lower(email) = lower(@email::text) ORDER BY created_at LIMIT 1;
