-- name: ConsentAdd :exec
INSERT INTO customer_consents (tenant_id, customer_id, channel, granted, source, at)
VALUES (@tenant_id, @customer_id, @channel, @granted, @source, @at);

-- name: ConsentList :many
-- A client's opt-ins and opt-outs to offers, latest first.
SELECT channel, granted, source, at FROM customer_consents
WHERE tenant_id = @tenant_id AND customer_id = @customer_id
ORDER BY at DESC, id DESC;

-- name: ConsentWithdraw :execrows
-- Withdraws consent to offers on one channel; no row when it was not given.
UPDATE customers SET
    email_marketing = CASE WHEN @channel::text = 'email' THEN false ELSE email_marketing END,
    sms_marketing = CASE WHEN @channel::text = 'sms' THEN false ELSE sms_marketing END,
    updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id AND merged_into IS NULL AND erased_at IS NULL
  AND CASE WHEN @channel::text = 'email' THEN email_marketing ELSE sms_marketing END;

-- name: ConsentSubject :one
-- Whom an unsubscribe link is about, as its page names them: the record
-- itself, or the one it was merged into since the link was sent.
SELECT c.id, c.email, c.phone, c.email_marketing, c.sms_marketing, c.lang, t.name AS salon_name
FROM customers c JOIN tenants t ON t.id = c.tenant_id
WHERE c.tenant_id = @tenant_id AND c.merged_into IS NULL AND c.erased_at IS NULL
  AND c.id IN (@id, (SELECT m.merged_into FROM customers m WHERE m.tenant_id = @tenant_id AND m.id = @id));

-- name: ConsentSameEmail :many
-- The salon's live records with this email: an unsubscribe is the
-- address's, not one record's (a client booked twice has two).
SELECT id FROM customers
WHERE tenant_id = @tenant_id AND email <> '' AND lower(email) = lower(@email::text)
  AND merged_into IS NULL AND erased_at IS NULL;

-- name: ConsentStopMatches :many
-- Platform path: the clients with this phone in the salons that send SMS
-- under this sender (the platform's default when the salon set none).
SELECT c.tenant_id, c.id FROM customers c LEFT JOIN salon_settings st ON st.tenant_id = c.tenant_id
WHERE c.phone = @phone AND c.phone <> '' AND c.merged_into IS NULL AND c.erased_at IS NULL
  AND lower(coalesce(nullif(st.sms_sender, ''), @default_sender::text)) = lower(@sender::text);

-- name: ConsentsCopy :execrows
-- A merge: the merged record's consent history is copied to the kept one
-- (the log is append-only: the merged record keeps its own).
INSERT INTO customer_consents (tenant_id, customer_id, channel, granted, source, at)
SELECT k.tenant_id, @to_id::uuid, k.channel, k.granted, k.source, k.at FROM customer_consents k
WHERE k.tenant_id = @tenant_id AND k.customer_id = @from_id
ORDER BY k.at, k.id;

-- name: ConsentLatestDecides :exec
-- After a merge, the person's latest recorded choice per channel decides
-- (an unsubscribe on the merged record is not undone by the kept one's
-- older opt-in); a channel with no recorded choice keeps its flag.
UPDATE customers c SET
    email_marketing = coalesce((SELECT k.granted FROM customer_consents k WHERE k.tenant_id = c.tenant_id AND k.customer_id = c.id
        AND k.channel = 'email' ORDER BY k.at DESC, k.id DESC LIMIT 1), c.email_marketing),
    sms_marketing = coalesce((SELECT k.granted FROM customer_consents k WHERE k.tenant_id = c.tenant_id AND k.customer_id = c.id
        AND k.channel = 'sms' ORDER BY k.at DESC, k.id DESC LIMIT 1), c.sms_marketing),
    updated_at = now()
WHERE c.tenant_id = @tenant_id AND c.id = @id;
