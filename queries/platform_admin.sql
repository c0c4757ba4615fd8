-- name: PlatformAdminCreate :exec
INSERT INTO platform_admins (user_id) VALUES (@user_id) ON CONFLICT DO NOTHING;

-- name: PlatformAdminIs :one
SELECT EXISTS (SELECT 1 FROM platform_admins WHERE user_id = @user_id);
