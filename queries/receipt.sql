-- name: ReceiptIssueLock :exec
-- Serialises the issues of one receipt so counts never collide.
SELECT pg_advisory_xact_lock(hashtextextended('receipt:' || CAST(@ticket_id AS uuid)::text, 0));

-- name: ReceiptIssueCounts :one
SELECT count(*) FILTER (WHERE channel = 'print')::bigint AS prints,
       count(*) FILTER (WHERE channel <> 'print')::bigint AS sends,
       coalesce(max(duplicata), 0)::bigint AS last_duplicata
FROM receipt_issues WHERE tenant_id = @tenant_id AND ticket_id = @ticket_id;

-- name: ReceiptIssueAdd :exec
INSERT INTO receipt_issues (tenant_id, ticket_id, channel, duplicata, at, issued_by)
VALUES (@tenant_id, @ticket_id, @channel, @duplicata, @at, @issued_by);

-- name: TillSignInAdd :execrows
INSERT INTO till_sign_ins (tenant_id, day_id, user_id, at) VALUES (@tenant_id, @day_id, @user_id, @at)
ON CONFLICT DO NOTHING;
