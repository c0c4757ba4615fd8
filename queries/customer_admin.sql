-- The client's data as a whole: export (GDPR access), erasure, merging two
-- records, and importing clients from other software.

-- name: ExportVisits :many
SELECT a.id, a.starts_at, a.ends_at, a.status, a.source, a.note, a.cancelled_at, a.created_at, s.name AS staff_name
FROM appointments a JOIN staff_members s ON s.tenant_id = a.tenant_id AND s.id = a.staff_id
WHERE a.tenant_id = @tenant_id AND a.customer_id = @customer_id
ORDER BY a.starts_at, a.id;

-- name: ExportVisitServices :many
SELECT x.appointment_id, x.name, x.duration_minutes, x.price_cents
FROM appointment_services x JOIN appointments a ON a.tenant_id = x.tenant_id AND a.id = x.appointment_id
WHERE x.tenant_id = @tenant_id AND a.customer_id = @customer_id
ORDER BY x.appointment_id, x.position;

-- name: ExportPayments :many
SELECT p.id, p.appointment_id, p.kind, p.amount_cents, p.currency, p.status, p.created_at, p.updated_at
FROM payments p JOIN appointments a ON a.tenant_id = p.tenant_id AND a.id = p.appointment_id
WHERE p.tenant_id = @tenant_id AND a.customer_id = @customer_id
ORDER BY p.created_at, p.id;

-- name: ExportBookings :many
-- Online bookings: what the client accepted, when and from where.
SELECT id, appointment_id, email, payment_mode, amount_due_cents, currency, status, policy_text, policy_hash,
       card_consent, consent_at, consent_ip, created_at
FROM bookings WHERE tenant_id = @tenant_id AND customer_id = @customer_id
ORDER BY created_at, id;

-- name: ExportMessages :many
SELECT id, appointment_id, channel, kind, purpose, to_address, subject, body, status, skip_reason, created_at, sent_at
FROM messages WHERE tenant_id = @tenant_id AND customer_id = @customer_id
ORDER BY created_at, id;

-- name: CustomersMergedInto :many
-- Records merged into this one (kept for history, hidden).
SELECT id, first_name, last_name, email, phone, created_at
FROM customers WHERE tenant_id = @tenant_id AND merged_into = @id
ORDER BY created_at, id;

-- name: CustomersLock :many
-- The records a merge or an erasure changes, locked in one order so two
-- such changes never deadlock.
SELECT id, merged_into, erased_at FROM customers
WHERE tenant_id = @tenant_id AND (id = ANY(@ids::uuid[]) OR merged_into = ANY(@ids::uuid[]))
ORDER BY id
FOR UPDATE;

-- name: CustomersErase :execrows
-- Anonymises records: the names become the erased label, every contact and
-- personal detail goes, messages and the portal are off. search_text follows
-- (it is generated from the names, email and phone).
UPDATE customers SET first_name = '', last_name = @erased_name, email = '', phone = '', gender = '', address = '',
    postal_code = '', city = '', birth_date = NULL, note = '', email_transactional = false, email_marketing = false,
    sms_transactional = false, sms_marketing = false, payment_mode = 'default', portal_access = 'blocked',
    erased_at = @erased_at, updated_at = now()
WHERE tenant_id = @tenant_id AND id = ANY(@ids::uuid[]);

-- name: SheetsDeleteOf :execrows
DELETE FROM technical_sheets WHERE tenant_id = @tenant_id AND customer_id = ANY(@ids::uuid[]);

-- name: PortalLinksDeleteOf :execrows
DELETE FROM portal_links WHERE tenant_id = @tenant_id AND customer_id = ANY(@ids::uuid[]);

-- name: CustomerStripeDeleteOf :many
-- Forgets the clients' Stripe customers here; the ids returned are deleted
-- at Stripe too, by a job.
DELETE FROM customer_stripe WHERE tenant_id = @tenant_id AND customer_id = ANY(@ids::uuid[])
RETURNING stripe_customer_id;

-- name: MessagesWipeOf :execrows
-- A message keeps its date, kind, channel and status; what it said and to
-- whom goes. One not sent yet never will be.
UPDATE messages SET to_address = '', subject = '', body = '', last_error = '',
    status = CASE WHEN status IN ('queued', 'failed') THEN 'skipped' ELSE status END,
    skip_reason = CASE WHEN status IN ('queued', 'failed') THEN 'erased' ELSE skip_reason END
WHERE tenant_id = @tenant_id AND customer_id = ANY(@ids::uuid[]);

-- name: BookingsWipeOf :execrows
-- An online booking keeps the policy accepted and when; the address it was
-- confirmed to and the client's IP go.
UPDATE bookings SET email = '', consent_ip = '', updated_at = now()
WHERE tenant_id = @tenant_id AND customer_id = ANY(@ids::uuid[]);

-- name: BookingLinksDeleteOf :execrows
DELETE FROM booking_links l USING bookings b
WHERE l.tenant_id = @tenant_id AND b.tenant_id = @tenant_id AND l.booking_id = b.id AND b.customer_id = ANY(@ids::uuid[]);

-- name: AppointmentsWipeNotes :execrows
-- A visit's note is free text about the client; the visit, its services and
-- prices stay for the accounts.
UPDATE appointments SET note = '', updated_at = now()
WHERE tenant_id = @tenant_id AND customer_id = ANY(@ids::uuid[]) AND note <> '';

-- name: MergeCounts :one
-- What a merge moves from one record to the other.
SELECT (SELECT count(*) FROM appointments a WHERE a.tenant_id = @tenant_id AND a.customer_id = @customer_id)::bigint AS appointments,
       (SELECT count(*) FROM bookings b WHERE b.tenant_id = @tenant_id AND b.customer_id = @customer_id)::bigint AS bookings,
       (SELECT count(*) FROM payments p JOIN appointments a ON a.tenant_id = p.tenant_id AND a.id = p.appointment_id
        WHERE p.tenant_id = @tenant_id AND a.customer_id = @customer_id)::bigint AS payments,
       (SELECT count(*) FROM technical_sheets s WHERE s.tenant_id = @tenant_id AND s.customer_id = @customer_id)::bigint AS sheets,
       (SELECT count(*) FROM messages m WHERE m.tenant_id = @tenant_id AND m.customer_id = @customer_id)::bigint AS messages,
       (SELECT count(*) FROM portal_links l WHERE l.tenant_id = @tenant_id AND l.customer_id = @customer_id)::bigint AS portal_links,
       (SELECT count(*) FROM customer_ledger l WHERE l.tenant_id = @tenant_id AND l.customer_id = @customer_id)::bigint AS ledger_entries,
       coalesce((SELECT cs.card_label FROM customer_stripe cs WHERE cs.tenant_id = @tenant_id AND cs.customer_id = @customer_id
                 AND cs.payment_method_id IS NOT NULL), '')::text AS card_label,
       EXISTS (SELECT 1 FROM customer_stripe cs WHERE cs.tenant_id = @tenant_id AND cs.customer_id = @customer_id) AS has_stripe;

-- name: CustomerMergeFill :execrows
-- The kept record after a merge: its own values, gaps filled from the other.
UPDATE customers SET first_name = @first_name, last_name = @last_name, email = @email, phone = @phone, gender = @gender,
    address = @address, postal_code = @postal_code, city = @city, birth_date = @birth_date, note = @note,
    payment_mode = @payment_mode, category_id = @category_id, portal_access = @portal_access, updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id AND merged_into IS NULL AND erased_at IS NULL;

-- name: AppointmentsMove :execrows
UPDATE appointments SET customer_id = @to_id, updated_at = now() WHERE tenant_id = @tenant_id AND customer_id = @from_id;

-- name: BookingsMove :execrows
UPDATE bookings SET customer_id = @to_id, updated_at = now() WHERE tenant_id = @tenant_id AND customer_id = @from_id;

-- name: SheetsMove :execrows
UPDATE technical_sheets SET customer_id = @to_id WHERE tenant_id = @tenant_id AND customer_id = @from_id;

-- name: MessagesMove :execrows
UPDATE messages SET customer_id = @to_id::uuid WHERE tenant_id = @tenant_id AND customer_id = @from_id::uuid;

-- name: PortalLinksMove :execrows
UPDATE portal_links SET customer_id = @to_id WHERE tenant_id = @tenant_id AND customer_id = @from_id;

-- name: CustomerStripeMove :execrows
UPDATE customer_stripe SET customer_id = @to_id, updated_at = now() WHERE tenant_id = @tenant_id AND customer_id = @from_id;

-- name: CustomerMarkMerged :execrows
-- The merged record, and those merged into it before, now point at the kept one.
UPDATE customers SET merged_into = @kept_id::uuid, updated_at = now()
WHERE tenant_id = @tenant_id AND (id = @merged_id OR merged_into = @merged_id);

-- name: ImportExisting :many
-- The salon's clients that already have one of these emails or phones: an
-- import skips them rather than creating them twice.
SELECT id, first_name, last_name, lower(email)::text AS email, phone FROM customers
WHERE tenant_id = @tenant_id AND merged_into IS NULL AND erased_at IS NULL
  AND ((email <> '' AND lower(email) = ANY(@emails::text[])) OR (phone <> '' AND phone = ANY(@phones::text[])));

-- name: ImportCustomers :execrows
-- Every imported client in one statement (10,000 rows in a request).
-- Imported clients are written to in the salon's language, like those it creates.
INSERT INTO customers (id, tenant_id, first_name, last_name, email, phone, gender, address, postal_code, city, birth_date, note, category_id, lang)
SELECT r.id, @tenant_id, r.first_name, r.last_name, r.email, r.phone, r.gender, r.address, r.postal_code, r.city,
       NULLIF(r.birth_date, '')::date, r.note, NULLIF(r.category_id, '')::uuid, (SELECT t.locale FROM tenants t WHERE t.id = @tenant_id)
FROM (SELECT unnest(@ids::uuid[]) AS id, unnest(@first_names::text[]) AS first_name, unnest(@last_names::text[]) AS last_name,
             unnest(@emails::text[]) AS email, unnest(@phones::text[]) AS phone, unnest(@genders::text[]) AS gender,
             unnest(@addresses::text[]) AS address, unnest(@postal_codes::text[]) AS postal_code, unnest(@cities::text[]) AS city,
             unnest(@birth_dates::text[]) AS birth_date, unnest(@notes::text[]) AS note, unnest(@category_ids::text[]) AS category_id) r;

-- name: ImportBalances :execrows
-- The balances brought from the other software, one import entry each.
INSERT INTO customer_ledger (tenant_id, customer_id, amount_cents, currency, reason, note, created_by)
SELECT @tenant_id, r.customer_id, r.amount_cents, @currency, 'import', @note, @created_by
FROM (SELECT unnest(@customer_ids::uuid[]) AS customer_id, unnest(@amounts::bigint[]) AS amount_cents) r;
