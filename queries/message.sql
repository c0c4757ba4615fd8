-- name: MessageCreate :one
INSERT INTO messages (tenant_id, customer_id, appointment_id, channel, kind, purpose, to_address, subject, body, status, skip_reason, created_by)
VALUES (@tenant_id, @customer_id, @appointment_id, @channel, @kind, @purpose, @to_address, @subject, @body, @status, @skip_reason, @created_by)
RETURNING *;

-- name: MessageGet :one
SELECT * FROM messages WHERE tenant_id = @tenant_id AND id = @id;

-- name: MessagesOfCustomer :many
SELECT * FROM messages WHERE tenant_id = @tenant_id AND customer_id = @customer_id ORDER BY created_at DESC, id DESC LIMIT @row_limit;

-- name: MessageSent :exec
UPDATE messages SET status = 'sent', sent_at = @sent_at::timestamptz, attempts = attempts + 1, last_error = ''
WHERE tenant_id = @tenant_id AND id = @id;

-- name: MessageFailed :exec
UPDATE messages SET status = 'failed', attempts = attempts + 1, last_error = @last_error
WHERE tenant_id = @tenant_id AND id = @id;
