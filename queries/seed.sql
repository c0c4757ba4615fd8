-- The data set made by `carnet demo --salons N` (internal/seed): one
-- statement per table per salon, each row passed as arrays. COPY would be
-- faster, but Postgres refuses COPY FROM on a table with row-level security,
-- and the seed writes as the application role so every row passes the
-- policies like the application's own.

-- name: SeedSalonsExisting :many
-- Platform path: which of these slugs are taken already (a second run skips them).
SELECT slug FROM tenants WHERE slug = ANY(@slugs::text[]);

-- name: SeedOpeningHours :exec
INSERT INTO opening_hours (tenant_id, weekday, opens, closes)
SELECT @tenant_id, r.weekday, time '00:00' + make_interval(mins => r.opens), time '00:00' + make_interval(mins => r.closes)
FROM (SELECT unnest(@weekdays::smallint[]) AS weekday, unnest(@opens::int[]) AS opens, unnest(@closes::int[]) AS closes) r;

-- name: SeedClosures :exec
INSERT INTO closures (tenant_id, starts_on, ends_on, reason)
SELECT @tenant_id, r.starts_on, r.ends_on, r.reason
FROM (SELECT unnest(@starts_on::date[]) AS starts_on, unnest(@ends_on::date[]) AS ends_on, unnest(@reasons::text[]) AS reason) r;

-- name: SeedServiceCategories :exec
INSERT INTO service_categories (id, tenant_id, name, position)
SELECT r.id, @tenant_id, r.name, r.position
FROM (SELECT unnest(@ids::uuid[]) AS id, unnest(@names::text[]) AS name, unnest(@positions::int[]) AS position) r;

-- name: SeedServices :exec
INSERT INTO services (id, tenant_id, category_id, name, duration_minutes, buffer_minutes, price_cents, vat_rate_bp, online_bookable, position)
SELECT r.id, @tenant_id, r.category_id, r.name, r.duration, r.buffer, r.price, r.vat, r.online, r.position
FROM (SELECT unnest(@ids::uuid[]) AS id, unnest(@category_ids::uuid[]) AS category_id, unnest(@names::text[]) AS name,
             unnest(@durations::int[]) AS duration, unnest(@buffers::int[]) AS buffer, unnest(@prices::bigint[]) AS price,
             unnest(@vat_rates::int[]) AS vat, unnest(@online::boolean[]) AS online, unnest(@positions::int[]) AS position) r;

-- name: SeedStaff :exec
-- The first member is the owner, who works in the salon too.
INSERT INTO staff_members (id, tenant_id, user_id, name, color, position)
SELECT r.id, @tenant_id, CASE WHEN r.position = 0 THEN sqlc.narg(owner_id)::uuid END, r.name, r.color, r.position
FROM (SELECT unnest(@ids::uuid[]) AS id, unnest(@names::text[]) AS name, unnest(@colors::smallint[]) AS color,
             unnest(@positions::int[]) AS position) r;

-- name: SeedStaffServices :exec
INSERT INTO staff_services (tenant_id, staff_id, service_id)
SELECT @tenant_id, r.staff_id, r.service_id
FROM (SELECT unnest(@staff_ids::uuid[]) AS staff_id, unnest(@service_ids::uuid[]) AS service_id) r;

-- name: SeedStaffHours :exec
INSERT INTO staff_hours (tenant_id, staff_id, weekday, starts, ends)
SELECT @tenant_id, r.staff_id, r.weekday, time '00:00' + make_interval(mins => r.starts), time '00:00' + make_interval(mins => r.ends)
FROM (SELECT unnest(@staff_ids::uuid[]) AS staff_id, unnest(@weekdays::smallint[]) AS weekday,
             unnest(@starts::int[]) AS starts, unnest(@ends::int[]) AS ends) r;

-- name: SeedAbsences :exec
INSERT INTO staff_absences (tenant_id, staff_id, starts_on, ends_on, reason)
SELECT @tenant_id, r.staff_id, r.starts_on, r.ends_on, r.reason
FROM (SELECT unnest(@staff_ids::uuid[]) AS staff_id, unnest(@starts_on::date[]) AS starts_on, unnest(@ends_on::date[]) AS ends_on,
             unnest(@reasons::text[]) AS reason) r;

-- name: SeedCustomers :exec
INSERT INTO customers (id, tenant_id, first_name, last_name, phone, email, gender, postal_code, city, birth_date, note,
                       email_marketing, sms_marketing, category_id, lang, created_at, updated_at)
SELECT r.id, @tenant_id, r.first_name, r.last_name, r.phone, r.email, r.gender, r.postal_code, r.city, NULLIF(r.birth_date, '')::date,
       r.note, r.email_marketing, r.sms_marketing, r.category_id, @lang, r.created_at, r.created_at
FROM (SELECT unnest(@ids::uuid[]) AS id, unnest(@first_names::text[]) AS first_name, unnest(@last_names::text[]) AS last_name,
             unnest(@phones::text[]) AS phone, unnest(@emails::text[]) AS email, unnest(@genders::text[]) AS gender,
             unnest(@postal_codes::text[]) AS postal_code, unnest(@cities::text[]) AS city, unnest(@birth_dates::text[]) AS birth_date,
             unnest(@notes::text[]) AS note, unnest(@email_marketing::boolean[]) AS email_marketing,
             unnest(@sms_marketing::boolean[]) AS sms_marketing, unnest(@category_ids::uuid[]) AS category_id,
             unnest(@created_at::timestamptz[]) AS created_at) r;

-- name: SeedConsents :exec
INSERT INTO customer_consents (tenant_id, customer_id, channel, granted, source, at)
SELECT @tenant_id, r.customer_id, r.channel, true, 'record', r.at
FROM (SELECT unnest(@customer_ids::uuid[]) AS customer_id, unnest(@channels::text[]) AS channel, unnest(@at::timestamptz[]) AS at) r;

-- name: SeedAppointments :exec
-- A cancelled visit was cancelled when last changed; a visit that had its
-- reminder had it a day before.
INSERT INTO appointments (id, tenant_id, staff_id, customer_id, starts_at, ends_at, busy_until, status, source, note,
                          cancelled_at, reminder_sent_at, created_by, created_at, updated_at)
SELECT r.id, @tenant_id, r.staff_id, r.customer_id, r.starts_at, r.ends_at, r.busy_until, r.status, 'staff', r.note,
       CASE WHEN r.status = 'cancelled' THEN r.updated_at END, CASE WHEN r.reminded THEN r.starts_at - interval '1 day' END,
       @created_by, r.created_at, r.updated_at
FROM (SELECT unnest(@ids::uuid[]) AS id, unnest(@staff_ids::uuid[]) AS staff_id, unnest(@customer_ids::uuid[]) AS customer_id,
             unnest(@starts_at::timestamptz[]) AS starts_at, unnest(@ends_at::timestamptz[]) AS ends_at,
             unnest(@busy_until::timestamptz[]) AS busy_until, unnest(@statuses::text[]) AS status, unnest(@notes::text[]) AS note,
             unnest(@reminded::boolean[]) AS reminded, unnest(@created_at::timestamptz[]) AS created_at,
             unnest(@updated_at::timestamptz[]) AS updated_at) r;

-- name: SeedAppointmentServices :exec
INSERT INTO appointment_services (tenant_id, appointment_id, service_id, position, name, duration_minutes, buffer_minutes, price_cents, discount_bp)
SELECT @tenant_id, r.appointment_id, r.service_id, r.position, r.name, r.duration, r.buffer, r.price, r.discount
FROM (SELECT unnest(@appointment_ids::uuid[]) AS appointment_id, unnest(@service_ids::uuid[]) AS service_id,
             unnest(@positions::smallint[]) AS position, unnest(@names::text[]) AS name, unnest(@durations::int[]) AS duration,
             unnest(@buffers::int[]) AS buffer, unnest(@prices::bigint[]) AS price, unnest(@discounts::int[]) AS discount) r;

-- name: SeedLedger :exec
INSERT INTO customer_ledger (tenant_id, customer_id, amount_cents, currency, reason, note, appointment_id, created_by, created_at)
SELECT @tenant_id, r.customer_id, r.amount, @currency, r.reason, r.note, NULLIF(r.appointment_id, '')::uuid, @created_by, r.created_at
FROM (SELECT unnest(@customer_ids::uuid[]) AS customer_id, unnest(@amounts::bigint[]) AS amount, unnest(@reasons::text[]) AS reason,
             unnest(@notes::text[]) AS note, unnest(@appointment_ids::text[]) AS appointment_id,
             unnest(@created_at::timestamptz[]) AS created_at) r;

-- name: SeedSheets :exec
INSERT INTO technical_sheets (tenant_id, customer_id, appointment_id, sheet_date, title, products, settings, reactions, notes,
                              created_by, created_at, updated_at)
SELECT @tenant_id, r.customer_id, r.appointment_id, r.sheet_date, r.title, r.products, r.settings, r.reactions, '',
       @created_by, r.created_at, r.created_at
FROM (SELECT unnest(@customer_ids::uuid[]) AS customer_id, unnest(@appointment_ids::uuid[]) AS appointment_id,
             unnest(@sheet_dates::date[]) AS sheet_date, unnest(@titles::text[]) AS title, unnest(@products::text[]) AS products,
             unnest(@settings::text[]) AS settings, unnest(@reactions::text[]) AS reactions,
             unnest(@created_at::timestamptz[]) AS created_at) r;

-- name: SeedMessages :exec
-- The history of what was sent: nothing is queued, no job is enqueued.
INSERT INTO messages (tenant_id, customer_id, appointment_id, channel, kind, purpose, to_address, subject, body, status, attempts,
                      created_at, sent_at)
SELECT @tenant_id, r.customer_id, r.appointment_id, r.channel, r.kind, 'transactional', r.to_address, r.subject, r.body, 'sent', 1,
       r.created_at, r.created_at
FROM (SELECT unnest(@customer_ids::uuid[]) AS customer_id, unnest(@appointment_ids::uuid[]) AS appointment_id,
             unnest(@channels::text[]) AS channel, unnest(@kinds::text[]) AS kind, unnest(@to_addresses::text[]) AS to_address,
             unnest(@subjects::text[]) AS subject, unnest(@bodies::text[]) AS body,
             unnest(@created_at::timestamptz[]) AS created_at) r;

-- name: SeedSettings :exec
-- What a salon's public page and messages show about it.
UPDATE salon_settings SET address = @address, phone = @phone, email = @email, sms_sender = @sms_sender
WHERE tenant_id = @tenant_id;
