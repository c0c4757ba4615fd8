-- name: InvitationCreate :one
INSERT INTO invitations (tenant_id, email, role, token_hash, invited_by, expires_at)
VALUES (@tenant_id, @email, @role, @token_hash, @invited_by, @expires_at)
RETURNING *;

-- name: InvitationListPending :many
SELECT * FROM invitations
WHERE tenant_id = @tenant_id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @now
ORDER BY created_at DESC;

-- name: InvitationRevoke :execrows
UPDATE invitations SET revoked_at = @now::timestamptz
WHERE tenant_id = @tenant_id AND id = @id AND accepted_at IS NULL AND revoked_at IS NULL;

-- name: InvitationGetByToken :one
-- Looked up before anyone is logged in, across salons: platform path only.
SELECT i.*, t.name AS tenant_name, t.status AS tenant_status
FROM invitations i JOIN tenants t ON t.id = i.tenant_id
WHERE i.token_hash = @token_hash;

-- name: InvitationAccept :execrows
UPDATE invitations SET accepted_at = @now::timestamptz
WHERE tenant_id = @tenant_id AND id = @id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @now;

-- name: InvitationRetoken :one
-- The email job mints the link's token itself, so no working link is ever
-- stored in the job queue; a revoked or used invitation gets nothing.
UPDATE invitations SET token_hash = @token_hash
WHERE tenant_id = @tenant_id AND id = @id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @now
RETURNING *;

-- name: InvitationRevokePendingFor :exec
-- Inviting the same address again replaces the pending invitation.
UPDATE invitations SET revoked_at = @now::timestamptz
WHERE tenant_id = @tenant_id AND email = @email AND accepted_at IS NULL AND revoked_at IS NULL;

-- name: InvitationGet :one
SELECT * FROM invitations WHERE tenant_id = @tenant_id AND id = @id;
