-- name: AdminTOTPGet :one
SELECT * FROM admin_totp WHERE user_id = @user_id;

-- name: AdminTOTPPending :exec
-- A new secret replaces one never confirmed; a confirmed one stays.
INSERT INTO admin_totp (user_id, secret_enc) VALUES (@user_id, @secret_enc)
ON CONFLICT (user_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc, created_at = now()
WHERE admin_totp.confirmed_at IS NULL;

-- name: AdminTOTPConfirm :execrows
UPDATE admin_totp SET confirmed_at = @now::timestamptz, last_step = @step
WHERE user_id = @user_id AND confirmed_at IS NULL;

-- name: AdminTOTPUseStep :execrows
-- Atomic: of two requests with the same code, one finds last_step moved.
UPDATE admin_totp SET last_step = @step
WHERE user_id = @user_id AND confirmed_at IS NOT NULL AND last_step < @step;

-- name: AdminTOTPDelete :execrows
DELETE FROM admin_totp WHERE user_id = @user_id;

-- name: AdminRecoveryCodeCreate :exec
INSERT INTO admin_recovery_codes (user_id, code_hash) VALUES (@user_id, @code_hash);

-- name: AdminRecoveryCodeUse :execrows
UPDATE admin_recovery_codes SET used_at = @now::timestamptz
WHERE user_id = @user_id AND code_hash = @code_hash AND used_at IS NULL;

-- name: AdminRecoveryCodesLeft :one
SELECT count(*) FROM admin_recovery_codes WHERE user_id = @user_id AND used_at IS NULL;

-- name: AdminRecoveryCodeDeleteForUser :exec
DELETE FROM admin_recovery_codes WHERE user_id = @user_id;
