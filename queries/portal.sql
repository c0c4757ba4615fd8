-- name: PortalClientByEmail :one
-- The client a sign-in link goes to: this salon's live record with that
-- email whose portal is open (the oldest, should the salon have duplicates).
SELECT id FROM customers
WHERE tenant_id = @tenant_id AND email <> '' AND lower(email) = lower(@email::text)
  AND portal_access = 'open' AND merged_into IS NULL AND erased_at IS NULL
ORDER BY created_at
LIMIT 1;

-- name: PortalClient :one
-- A portal client as each request re-reads them: still there, still open?
SELECT id, first_name, last_name, email, portal_access,
       (merged_into IS NULL AND erased_at IS NULL)::boolean AS live
FROM customers
WHERE tenant_id = @tenant_id AND id = @id;

-- name: PortalLinkAdd :exec
INSERT INTO portal_links (token_hash, tenant_id, customer_id, expires_at)
VALUES (@token_hash, @tenant_id, @customer_id, @expires_at);

-- name: PortalLinkGet :one
-- A sign-in link, on the URL's salon only, locked while it is being used.
SELECT customer_id, expires_at, used_at FROM portal_links
WHERE tenant_id = @tenant_id AND token_hash = @token_hash
FOR UPDATE;

-- name: PortalLinkUse :execrows
-- Single use: only the first request finds it unused and in time.
UPDATE portal_links SET used_at = @now::timestamptz
WHERE tenant_id = @tenant_id AND token_hash = @token_hash AND used_at IS NULL AND expires_at > @now::timestamptz;

-- name: PortalLinksRevoke :exec
-- A blocked client's links in flight stop working.
UPDATE portal_links SET used_at = @now::timestamptz
WHERE tenant_id = @tenant_id AND customer_id = @customer_id AND used_at IS NULL;

-- name: PortalClientLock :one
-- A client's portal state, locked while staff open or block it.
SELECT portal_access, (merged_into IS NULL AND erased_at IS NULL)::boolean AS live
FROM customers
WHERE tenant_id = @tenant_id AND id = @id
FOR UPDATE;
