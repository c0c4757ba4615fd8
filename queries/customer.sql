-- name: CustomerCreate :one
-- A client is written to in @lang, or the salon's language when "".
INSERT INTO customers (tenant_id, first_name, last_name, phone, email, lang)
VALUES (@tenant_id, @first_name, @last_name, @phone, @email,
        coalesce(nullif(@lang::text, ''), (SELECT t.locale FROM tenants t WHERE t.id = @tenant_id)))
RETURNING *;

-- name: CustomerGet :one
SELECT * FROM customers WHERE tenant_id = @tenant_id AND id = @id;

-- name: CustomerFindByPhone :many
-- Merged and erased records are history: a visit never goes to them.
SELECT * FROM customers WHERE tenant_id = @tenant_id AND phone = @phone AND merged_into IS NULL AND erased_at IS NULL
ORDER BY created_at LIMIT 5;

-- name: CustomerQuickSearch :many
-- The agenda's "who is this for" box: a few matches by name or phone.
SELECT * FROM customers
WHERE tenant_id = @tenant_id AND merged_into IS NULL AND erased_at IS NULL
  AND (last_name ILIKE @pattern::text || '%' OR first_name ILIKE @pattern::text || '%' OR (@digits::text <> '' AND phone LIKE '%' || @digits::text || '%'))
ORDER BY last_name, first_name
LIMIT 8;

-- name: CustomerFindByEmail :many
SELECT * FROM customers WHERE tenant_id = @tenant_id AND lower(email) = lower(@email::text) AND merged_into IS NULL AND erased_at IS NULL
ORDER BY created_at LIMIT 1;

-- name: CustomerRecord :one
SELECT c.*, coalesce(cat.name, '')::text AS category_name, cat.payment_mode AS category_payment_mode,
       coalesce(cat.discount_bp, 0)::int AS category_discount_bp,
       coalesce((SELECT sum(l.amount_cents) FROM customer_ledger l WHERE l.tenant_id = c.tenant_id AND l.customer_id = c.id), 0)::bigint AS balance_cents,
       d.id AS lookalike_id, trim(coalesce(d.first_name, '') || ' ' || coalesce(d.last_name, ''))::text AS lookalike_name
FROM customers c LEFT JOIN customer_categories cat ON cat.id = c.category_id
LEFT JOIN customers d ON d.tenant_id = c.tenant_id AND d.id = c.duplicate_of AND d.merged_into IS NULL AND d.erased_at IS NULL
WHERE c.tenant_id = @tenant_id AND c.id = @id;

-- name: CustomerSetDuplicate :exec
-- A record a public booking made that may be this other client's.
UPDATE customers SET duplicate_of = @duplicate_of WHERE tenant_id = @tenant_id AND id = @id;

-- name: CustomerSave :execrows
UPDATE customers SET first_name = @first_name, last_name = @last_name, email = @email, phone = @phone, gender = @gender,
    address = @address, postal_code = @postal_code, city = @city, birth_date = @birth_date, note = @note,
    email_transactional = @email_transactional, email_marketing = @email_marketing,
    sms_transactional = @sms_transactional, sms_marketing = @sms_marketing,
    payment_mode = @payment_mode, category_id = @category_id, lang = coalesce(nullif(@lang::text, ''), lang), updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id AND merged_into IS NULL AND erased_at IS NULL;

-- name: CustomerSetPortal :execrows
UPDATE customers SET portal_access = @portal_access, updated_at = now() WHERE tenant_id = @tenant_id AND id = @id;

-- name: CustomerSetCategory :exec
UPDATE customers SET category_id = @category_id WHERE tenant_id = @tenant_id AND id = @id;

-- name: CustomerDuplicates :many
-- Records that already use this email or phone, to offer instead of a new one.
SELECT id, first_name, last_name, email, phone FROM customers
WHERE tenant_id = @tenant_id AND merged_into IS NULL AND erased_at IS NULL AND id <> @except_id
  AND ((@email::text <> '' AND lower(email) = lower(@email::text)) OR (@phone::text <> '' AND phone = @phone::text))
ORDER BY created_at LIMIT 5;

-- name: CustomerList :many
-- The client list without a search: filters, sort, page. The page is chosen
-- first (in name order it walks customers_sort_name_idx and stops at the
-- page); balance and last visit are summed for the whole salon only when
-- the sort or the filter needs them (otherwise Postgres drops those joins),
-- and per row for the page's 50 rows.
SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.created_at, c.portal_access,
       coalesce(cat.name, '')::text AS category_name,
       coalesce(b.balance, 0)::bigint AS balance_cents,
       v.last_visit
FROM (
    SELECT p.id, p.tenant_id, p.first_name, p.last_name, p.email, p.phone, p.created_at, p.portal_access, p.category_id
    FROM customers p
    LEFT JOIN (SELECT l.customer_id, sum(l.amount_cents) AS balance FROM customer_ledger l
               WHERE l.tenant_id = @tenant_id GROUP BY l.customer_id) pb ON pb.customer_id = p.id
    LEFT JOIN (SELECT a.customer_id, max(a.starts_at) AS last_visit FROM appointments a
               WHERE a.tenant_id = @tenant_id AND a.status = 'done' GROUP BY a.customer_id) pv ON pv.customer_id = p.id
    WHERE p.tenant_id = @tenant_id AND p.merged_into IS NULL AND p.erased_at IS NULL
      AND (sqlc.narg(category_id)::uuid IS NULL OR p.category_id = sqlc.narg(category_id))
      AND (NOT @owes::boolean OR coalesce(pb.balance, 0) < 0)
    ORDER BY
      CASE WHEN @sort::text = 'name' THEN lower(p.last_name || ' ' || p.first_name) END ASC,
      CASE WHEN @sort::text = 'recent' THEN p.created_at END DESC,
      CASE WHEN @sort::text = 'balance' THEN coalesce(pb.balance, 0) END ASC,
      CASE WHEN @sort::text = 'visit' THEN pv.last_visit END DESC NULLS LAST,
      p.id
    LIMIT @row_limit OFFSET @row_offset
) c
LEFT JOIN customer_categories cat ON cat.tenant_id = c.tenant_id AND cat.id = c.category_id
LEFT JOIN LATERAL (SELECT sum(l.amount_cents) AS balance FROM customer_ledger l
                   WHERE l.tenant_id = c.tenant_id AND l.customer_id = c.id) b ON true
LEFT JOIN LATERAL (SELECT max(a.starts_at) AS last_visit FROM appointments a
                   WHERE a.tenant_id = c.tenant_id AND a.customer_id = c.id AND a.status = 'done') v ON true
ORDER BY
  CASE WHEN @sort::text = 'name' THEN lower(c.last_name || ' ' || c.first_name) END ASC,
  CASE WHEN @sort::text = 'recent' THEN c.created_at END DESC,
  CASE WHEN @sort::text = 'balance' THEN coalesce(b.balance, 0) END ASC,
  CASE WHEN @sort::text = 'visit' THEN v.last_visit END DESC NULLS LAST,
  c.id;

-- name: CustomerCount :one
SELECT count(*) FROM customers c
WHERE c.tenant_id = @tenant_id AND c.merged_into IS NULL AND c.erased_at IS NULL
  AND (sqlc.narg(category_id)::uuid IS NULL OR c.category_id = sqlc.narg(category_id));

-- name: CustomerOwingCount :one
-- The clients who owe money: balances are summed once for the salon, not
-- once per client.
SELECT count(*) FROM customers c
JOIN (SELECT l.customer_id, sum(l.amount_cents) AS balance FROM customer_ledger l
      WHERE l.tenant_id = @tenant_id GROUP BY l.customer_id) b ON b.customer_id = c.id
WHERE c.tenant_id = @tenant_id AND c.merged_into IS NULL AND c.erased_at IS NULL
  AND (sqlc.narg(category_id)::uuid IS NULL OR c.category_id = sqlc.narg(category_id))
  AND b.balance < 0;

-- name: CustomerSearchList :many
-- The client list as staff type: names, email and phone, without accents,
-- through customer_search (schema 0005: the trigram index under RLS). The
-- matches are sorted on what the search returns; only the page's rows are
-- read from customers. total counts every match (one search per page).
SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.created_at, c.portal_access,
       coalesce(cat.name, '')::text AS category_name,
       coalesce(b.balance, 0)::bigint AS balance_cents,
       v.last_visit, s.total
FROM (
    SELECT s.id, s.sort_name, s.created_at, count(*) OVER () AS total
    FROM customer_search(@search::text) AS s(id, sort_name, created_at, category_id)
    WHERE (sqlc.narg(category_id)::uuid IS NULL OR s.category_id = sqlc.narg(category_id))
      AND (NOT @owes::boolean OR coalesce((SELECT sum(l.amount_cents) FROM customer_ledger l
                                           WHERE l.tenant_id = @tenant_id AND l.customer_id = s.id), 0) < 0)
    ORDER BY
      CASE WHEN @sort::text = 'name' THEN s.sort_name END ASC,
      CASE WHEN @sort::text = 'recent' THEN s.created_at END DESC,
      CASE WHEN @sort::text = 'balance' THEN (SELECT coalesce(sum(l.amount_cents), 0) FROM customer_ledger l
                                              WHERE l.tenant_id = @tenant_id AND l.customer_id = s.id) END ASC,
      CASE WHEN @sort::text = 'visit' THEN (SELECT max(a.starts_at) FROM appointments a
                                            WHERE a.tenant_id = @tenant_id AND a.customer_id = s.id AND a.status = 'done') END DESC NULLS LAST,
      s.id
    LIMIT @row_limit OFFSET @row_offset
) s
JOIN customers c ON c.tenant_id = @tenant_id AND c.id = s.id
LEFT JOIN customer_categories cat ON cat.tenant_id = c.tenant_id AND cat.id = c.category_id
LEFT JOIN LATERAL (SELECT sum(l.amount_cents) AS balance FROM customer_ledger l
                   WHERE l.tenant_id = c.tenant_id AND l.customer_id = c.id) b ON true
LEFT JOIN LATERAL (SELECT max(a.starts_at) AS last_visit FROM appointments a
                   WHERE a.tenant_id = c.tenant_id AND a.customer_id = c.id AND a.status = 'done') v ON true
ORDER BY
  CASE WHEN @sort::text = 'name' THEN s.sort_name END ASC,
  CASE WHEN @sort::text = 'recent' THEN s.created_at END DESC,
  CASE WHEN @sort::text = 'balance' THEN coalesce(b.balance, 0) END ASC,
  CASE WHEN @sort::text = 'visit' THEN v.last_visit END DESC NULLS LAST,
  c.id;

-- name: CustomerSearchCount :one
-- The matches when the page asked is past the last one.
SELECT count(*) FROM customer_search(@search::text) AS s(id, sort_name, created_at, category_id)
WHERE (sqlc.narg(category_id)::uuid IS NULL OR s.category_id = sqlc.narg(category_id))
  AND (NOT @owes::boolean OR coalesce((SELECT sum(l.amount_cents) FROM customer_ledger l
                                       WHERE l.tenant_id = @tenant_id AND l.customer_id = s.id), 0) < 0);

-- name: CustomerVisits :many
-- A client's visits, newest first, with what was booked and paid online.
SELECT a.id, a.starts_at, a.ends_at, a.status, a.source, s.name AS staff_name,
       coalesce((SELECT string_agg(x.name, ' + ' ORDER BY x.position) FROM appointment_services x
                 WHERE x.tenant_id = a.tenant_id AND x.appointment_id = a.id), '')::text AS services,
       coalesce((SELECT sum(x.price_cents) FROM appointment_services x
                 WHERE x.tenant_id = a.tenant_id AND x.appointment_id = a.id), 0)::bigint AS price_cents,
       coalesce((SELECT sum(CASE WHEN p.kind = 'refund' THEN -p.amount_cents ELSE p.amount_cents END) FROM payments p
                 WHERE p.tenant_id = a.tenant_id AND p.appointment_id = a.id AND p.status = 'succeeded'
                   AND p.kind <> 'card_imprint'), 0)::bigint AS paid_cents
FROM appointments a JOIN staff_members s ON s.id = a.staff_id
WHERE a.tenant_id = @tenant_id AND a.customer_id = @customer_id AND a.status <> 'pending'
  -- A booking whose payment never went through (never started, Stripe
  -- unreachable) never happened: it is not a visit.
  AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.tenant_id = a.tenant_id AND b.appointment_id = a.id AND b.status = 'expired')
ORDER BY a.starts_at DESC
LIMIT 200;

-- name: CustomerTopServices :many
SELECT x.name, count(*)::bigint AS times
FROM appointment_services x JOIN appointments a ON a.id = x.appointment_id
WHERE x.tenant_id = @tenant_id AND a.customer_id = @customer_id AND a.status IN ('done', 'arrived', 'booked', 'confirmed')
GROUP BY x.name ORDER BY count(*) DESC, x.name LIMIT 3;

-- name: CustomerLockLive :one
-- A live record, held until the transaction ends: money or a sheet written on
-- it cannot land on a record being merged away or erased meanwhile (those
-- take the row FOR UPDATE).
SELECT id FROM customers
WHERE tenant_id = @tenant_id AND id = @id AND merged_into IS NULL AND erased_at IS NULL
FOR SHARE;

-- name: CustomerListCustomPlans :exec
-- The list's sort and filters are parameters the plan must see: a generic
-- plan (Postgres picks one after a few runs of a prepared statement) cannot
-- use the index of the chosen order and sorts the whole salon instead.
SELECT set_config('plan_cache_mode', 'force_custom_plan', true);
