-- name: PasswordResetCreate :exec
INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (@token_hash, @user_id, @expires_at);

-- name: PasswordResetConsume :one
-- Single use: the first successful call marks the token used; later calls find nothing.
UPDATE password_resets SET used_at = @now::timestamptz
WHERE token_hash = @token_hash AND used_at IS NULL AND expires_at > @now
RETURNING user_id;

-- name: PasswordResetValid :one
SELECT EXISTS (SELECT 1 FROM password_resets
               WHERE token_hash = @token_hash AND used_at IS NULL AND expires_at > @now);

-- name: PasswordResetDeleteForUser :exec
DELETE FROM password_resets WHERE user_id = @user_id AND token_hash <> @keep;
