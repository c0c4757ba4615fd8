-- name: ProductStockMove :execrows
-- A sale takes stock off, a return puts it back; stock may go below zero
-- (the shelf held more than the records said): the sale is real.
UPDATE products SET stock = stock + @delta, updated_at = now() WHERE tenant_id = @tenant_id AND id = @id;
