-- name: MembershipCreate :exec
INSERT INTO memberships (tenant_id, user_id, role) VALUES (@tenant_id, @user_id, @role);

-- name: MembershipGet :one
SELECT m.role, u.id AS user_id, u.name AS user_name, u.email AS user_email, u.locale AS user_locale
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.tenant_id = @tenant_id AND m.user_id = @user_id;

-- name: MembershipListByTenant :many
SELECT m.role, m.created_at, u.id AS user_id, u.name, u.email
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.tenant_id = @tenant_id
ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, u.name;

-- name: MembershipListByUser :many
-- Every salon a user belongs to (cross-salon: platform path only).
SELECT t.id, t.slug, t.name, t.status, t.status_reason, m.role
FROM memberships m JOIN tenants t ON t.id = m.tenant_id
WHERE m.user_id = @user_id
ORDER BY t.name;

-- name: MembershipDelete :execrows
DELETE FROM memberships WHERE tenant_id = @tenant_id AND user_id = @user_id;

-- name: MembershipLockOwners :many
-- Taken before removing an owner, so two owners removing each other at once
-- cannot leave the salon with none.
SELECT user_id FROM memberships WHERE tenant_id = @tenant_id AND role = 'owner' FOR UPDATE;

-- name: MembershipOwnerVerified :one
-- Whether one of the salon's owners has proven their email address.
SELECT EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
               WHERE m.tenant_id = @tenant_id AND m.role = 'owner' AND u.email_verified_at IS NOT NULL);
