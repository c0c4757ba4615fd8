-- name: PlatformAdminCreate :exec
INSERT INTO platform_admins (user_id) VALUES (@user_id) ON CONFLICT DO NOTHING;

-- name: PlatformAdminIs :one
SELECT EXISTS (SELECT 1 FROM platform_admins WHERE user_id = @user_id);

-- name: PlatformAdminList :many
SELECT u.id, u.email, u.name, p.created_at
FROM platform_admins p JOIN users u ON u.id = p.user_id
ORDER BY p.created_at, u.email;

-- name: PlatformAdminLock :exec
-- Taken before a removal (it conflicts with itself): two removals at once
-- cannot leave the platform without an admin.
LOCK TABLE platform_admins IN SHARE ROW EXCLUSIVE MODE;

-- name: PlatformAdminIDs :many
SELECT user_id FROM platform_admins;

-- name: PlatformAdminDelete :execrows
DELETE FROM platform_admins WHERE user_id = @user_id;
