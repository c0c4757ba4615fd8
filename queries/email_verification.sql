-- name: EmailVerificationCreate :exec
INSERT INTO email_verifications (token_hash, user_id, email, expires_at)
VALUES (@token_hash, @user_id, @email, @expires_at);

-- name: EmailVerificationConsume :one
-- Single use: the first successful call marks the token used; later calls
-- find nothing. A link sent to an address the account no longer has is dead.
UPDATE email_verifications v SET used_at = @now::timestamptz
FROM users u
WHERE v.token_hash = @token_hash AND v.used_at IS NULL AND v.expires_at > @now
  AND u.id = v.user_id AND u.email = v.email
RETURNING v.user_id;

-- name: EmailVerificationValid :one
SELECT EXISTS (SELECT 1 FROM email_verifications v JOIN users u ON u.id = v.user_id AND u.email = v.email
               WHERE v.token_hash = @token_hash AND v.used_at IS NULL AND v.expires_at > @now);

-- name: EmailVerificationDeleteForUser :exec
DELETE FROM email_verifications WHERE user_id = @user_id;
