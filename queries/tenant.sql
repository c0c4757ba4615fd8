-- name: TenantCreate :exec
INSERT INTO tenants (id, slug, name, time_zone, currency, locale, country)
VALUES (@id, @slug, @name, @time_zone, @currency, @locale, @country);

-- name: TenantGet :one
-- The columns the application role may read (not the suspension reason).
SELECT id, slug, name, time_zone, currency, locale, country, status, created_at FROM tenants WHERE id = @id;

-- name: TenantGetBySlug :one
SELECT id, slug, name, time_zone, currency, locale, country, status, created_at FROM tenants WHERE slug = @slug;

-- name: TenantGetFull :one
-- Platform path: everything, the suspension reason included.
SELECT * FROM tenants WHERE id = @id;

-- name: TenantSlugTaken :one
SELECT EXISTS (SELECT 1 FROM tenants WHERE slug = @slug);

-- name: TenantSetStatus :one
UPDATE tenants
SET status = @status, status_reason = @status_reason, status_changed_at = @changed_at
WHERE id = @id
RETURNING *;

-- name: TenantListForAdmin :many
-- Platform admin listing: every salon with its owner, team size, clients and
-- visits of the last 30 days, in one statement whatever the page's length.
-- @search is a LIKE pattern whose % and _ the caller has escaped.
SELECT t.id, t.slug, t.name, t.status, t.status_reason, t.created_at,
       coalesce(owner.name, '')::text  AS owner_name,
       coalesce(owner.email, '')::text AS owner_email,
       (SELECT count(*) FROM memberships m WHERE m.tenant_id = t.id)::bigint AS staff_count,
       (SELECT count(*) FROM customers c WHERE c.tenant_id = t.id AND c.merged_into IS NULL AND c.erased_at IS NULL)::bigint AS clients,
       (SELECT count(*) FROM appointments a WHERE a.tenant_id = t.id AND a.starts_at >= @since::timestamptz
           AND a.starts_at < @now::timestamptz AND a.status NOT IN ('cancelled', 'pending'))::bigint AS visits_30d
FROM tenants t
LEFT JOIN LATERAL (
    SELECT u.name, u.email
    FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.tenant_id = t.id AND m.role = 'owner'
    ORDER BY m.created_at
    LIMIT 1
) owner ON true
-- Searched over every owner, as the count does; the first one is shown.
WHERE (@search::text = '' OR t.name ILIKE '%' || @search || '%' OR t.slug ILIKE '%' || @search || '%'
       OR EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
                  WHERE m.tenant_id = t.id AND m.role = 'owner'
                    AND (u.email ILIKE '%' || @search || '%' OR u.name ILIKE '%' || @search || '%')))
  AND (@status::text = '' OR t.status = @status)
ORDER BY t.created_at DESC, t.id
LIMIT @row_limit OFFSET @row_offset;

-- name: TenantCountForAdmin :one
SELECT count(*) FROM tenants t
WHERE (@search::text = '' OR t.name ILIKE '%' || @search || '%' OR t.slug ILIKE '%' || @search || '%'
       OR EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
                  WHERE m.tenant_id = t.id AND m.role = 'owner'
                    AND (u.email ILIKE '%' || @search || '%' OR u.name ILIKE '%' || @search || '%')))
  AND (@status::text = '' OR t.status = @status);

-- name: TenantIsDemo :one
SELECT demo FROM tenants WHERE id = @id;

-- name: TenantMarkDemo :exec
-- Platform path: the application role cannot make a salon a demo.
UPDATE tenants SET demo = true WHERE id = @id;

-- name: TenantStatusForBooking :one
-- A booking's transaction reads its salon's status and holds it (FOR SHARE):
-- a suspension waits for a booking already under way, and a booking after
-- it sees it, whatever a replica's slug cache still says.
SELECT status FROM tenants WHERE id = @id FOR SHARE;
