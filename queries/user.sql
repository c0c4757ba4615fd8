-- name: UserCreate :exec
-- No RETURNING: a new user is not yet visible to the salon until its membership exists.
INSERT INTO users (id, email, name, password_hash, locale, email_verified_at)
VALUES (@id, @email, @name, @password_hash, @locale, sqlc.narg(email_verified_at));

-- name: UserGet :one
SELECT * FROM users WHERE id = @id;

-- name: UserGetByEmail :one
SELECT * FROM users WHERE email = @email;

-- name: UserEmailTaken :one
SELECT EXISTS (SELECT 1 FROM users WHERE email = @email);

-- name: UserSetPassword :exec
UPDATE users SET password_hash = @password_hash, updated_at = now() WHERE id = @id;

-- name: UserVerifyEmail :exec
UPDATE users SET email_verified_at = coalesce(email_verified_at, @now::timestamptz) WHERE id = @id;

