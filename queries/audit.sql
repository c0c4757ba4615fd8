-- name: AuditInsert :exec
INSERT INTO audit_log (actor_user_id, actor_email, action, tenant_id, detail, ip)
VALUES (@actor_user_id, @actor_email, @action, @tenant_id, @detail, @ip);

-- name: AuditList :many
SELECT a.*, coalesce(t.name, '')::text AS tenant_name
FROM audit_log a LEFT JOIN tenants t ON t.id = a.tenant_id
WHERE (sqlc.narg(tenant_id)::uuid IS NULL OR a.tenant_id = sqlc.narg(tenant_id))
ORDER BY a.created_at DESC, a.id DESC
LIMIT @row_limit;
