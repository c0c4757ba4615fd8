-- name: MessageCreate :one
INSERT INTO messages (tenant_id, customer_id, appointment_id, channel, kind, purpose, to_address, subject, body, status, skip_reason, created_by)
VALUES (@tenant_id, @customer_id, @appointment_id, @channel, @kind, @purpose, @to_address, @subject, @body, @status, @skip_reason, @created_by)
RETURNING *;

-- name: MessageGet :one
SELECT * FROM messages WHERE tenant_id = @tenant_id AND id = @id;

-- name: MessagesOfCustomer :many
SELECT * FROM messages WHERE tenant_id = @tenant_id AND customer_id = @customer_id ORDER BY created_at DESC, id DESC LIMIT @row_limit;

-- name: MessageSent :exec
UPDATE messages SET status = 'sent', sent_at = @sent_at::timestamptz, attempts = attempts + 1, last_error = ''
WHERE tenant_id = @tenant_id AND id = @id AND status IN ('queued', 'failed'); -- never revives an erased (skipped) message

-- name: MessageFailed :exec
UPDATE messages SET status = 'failed', attempts = attempts + 1, last_error = @last_error
WHERE tenant_id = @tenant_id AND id = @id AND status <> 'sent';

-- name: MessageScrub :exec
-- Once sent, a message keeps no working link: the body is stored again with
-- its links masked.
UPDATE messages SET body = @body WHERE tenant_id = @tenant_id AND id = @id AND status = 'sent';

-- name: MessageCustomer :one
-- A client as messages address them, with the salon's name, zone and address.
SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.lang,
       c.email_transactional, c.email_marketing, c.sms_transactional, c.sms_marketing,
       t.name AS salon_name, t.time_zone, t.locale,
       coalesce((SELECT st.address FROM salon_settings st WHERE st.tenant_id = c.tenant_id), '')::text AS address
FROM customers c JOIN tenants t ON t.id = c.tenant_id
WHERE c.tenant_id = @tenant_id AND c.id = @id AND c.merged_into IS NULL;

-- name: MessageAppointment :one
-- What a message about a visit says, and to whom: the client (contact and
-- preferences), the visit, the salon, and the online booking if any.
SELECT a.id, a.customer_id, a.starts_at, a.status,
       c.first_name, c.last_name, c.email, c.phone, c.lang,
       c.email_transactional, c.email_marketing, c.sms_transactional, c.sms_marketing,
       s.name AS staff_name,
       coalesce((SELECT string_agg(x.name, ' + ' ORDER BY x.position) FROM appointment_services x
                 WHERE x.tenant_id = a.tenant_id AND x.appointment_id = a.id), '')::text AS services,
       t.name AS salon_name, t.time_zone, t.locale,
       coalesce(st.address, '')::text AS address, coalesce(st.reminder_sms, false)::boolean AS reminder_sms,
       coalesce(b.lang, '')::text AS booking_lang, coalesce(b.email, '')::text AS booking_email
FROM appointments a
JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
JOIN staff_members s ON s.tenant_id = a.tenant_id AND s.id = a.staff_id
JOIN tenants t ON t.id = a.tenant_id
LEFT JOIN salon_settings st ON st.tenant_id = a.tenant_id
LEFT JOIN bookings b ON b.tenant_id = a.tenant_id AND b.appointment_id = a.id
WHERE a.tenant_id = @tenant_id AND a.id = @id;

-- name: MessageTemplatesOf :many
SELECT * FROM message_templates WHERE tenant_id = @tenant_id AND lang = @lang ORDER BY kind, channel;

-- name: MessageTemplateGet :one
SELECT * FROM message_templates WHERE tenant_id = @tenant_id AND kind = @kind AND lang = @lang AND channel = @channel;

-- name: MessageTemplateSave :exec
INSERT INTO message_templates (tenant_id, kind, lang, channel, subject, body)
VALUES (@tenant_id, @kind, @lang, @channel, @subject, @body)
ON CONFLICT (tenant_id, kind, lang, channel) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = now();

-- name: MessageTemplateDelete :exec
DELETE FROM message_templates WHERE tenant_id = @tenant_id AND kind = @kind AND lang = @lang AND channel = @channel;

-- name: MessageReminderSettings :one
SELECT reminder_hours, reminder_sms FROM salon_settings WHERE tenant_id = @tenant_id;

-- name: MessageReminderSettingsSave :execrows
UPDATE salon_settings SET reminder_hours = @reminder_hours, reminder_sms = @reminder_sms, updated_at = now()
WHERE tenant_id = @tenant_id;

-- name: MessageDueReminders :many
-- Visits whose reminder is due, in every salon (platform path): booked or
-- confirmed, not reminded yet, their reminder time (kept by a trigger, see
-- schema/0031) come and their start not. The partial index on that time
-- reads only the visits due: none of the salons' other visits. since is
-- the longest delay before now: a visit due earlier has started, and is not
-- read again. A visit whose staff member is absent or has left, or that
-- falls on a day the salon is closed, is not reminded: the client would
-- come for nothing (the salon moves or cancels it first). told: a
-- confirmation was sent once the delay had begun (booked online or by the
-- salon for this afternoon, or moved into it); it has just given the time,
-- and the sweep sets the visit aside instead of reminding it.
SELECT a.tenant_id, a.id, a.reminder_due_at::timestamptz AS due_at,
    EXISTS (SELECT 1 FROM messages m WHERE m.tenant_id = a.tenant_id AND m.appointment_id = a.id
      AND m.kind = 'confirmation' AND m.created_at >= a.reminder_due_at) AS told
FROM appointments a
JOIN tenants t ON t.id = a.tenant_id
JOIN staff_members sm ON sm.tenant_id = a.tenant_id AND sm.id = a.staff_id
WHERE a.reminder_sent_at IS NULL AND a.reminder_due_at IS NOT NULL
  AND a.reminder_due_at > @since::timestamptz AND a.reminder_due_at <= @now::timestamptz
  AND a.status IN ('booked', 'confirmed') AND a.starts_at > @now::timestamptz
  AND t.status = 'active'
  AND sm.active
  AND NOT EXISTS (SELECT 1 FROM closures cl WHERE cl.tenant_id = a.tenant_id
      AND cl.starts_on <= ((a.busy_until - interval '1 microsecond') AT TIME ZONE t.time_zone)::date
      AND cl.ends_on >= (a.starts_at AT TIME ZONE t.time_zone)::date)
  AND NOT EXISTS (SELECT 1 FROM staff_absences ab WHERE ab.tenant_id = a.tenant_id AND ab.staff_id = a.staff_id
      AND ab.starts_on <= ((a.busy_until - interval '1 microsecond') AT TIME ZONE t.time_zone)::date
      AND ab.ends_on >= (a.starts_at AT TIME ZONE t.time_zone)::date)
ORDER BY a.reminder_due_at
LIMIT @row_limit;

-- name: MessageReminderSetAside :exec
-- Takes out of the sweep a visit whose confirmation already gave its time,
-- unless it was moved meanwhile (its reminder time then changed).
UPDATE appointments SET reminder_due_at = NULL
WHERE tenant_id = @tenant_id AND id = @id AND reminder_due_at = @due_at::timestamptz AND reminder_sent_at IS NULL;

-- name: MessageReminderClaim :execrows
-- Marks a visit reminded, if it still is due: the one statement that makes a
-- reminder fire once, whatever the number of sweeps, retries or instances.
UPDATE appointments a SET reminder_sent_at = @now::timestamptz
FROM salon_settings st
WHERE a.tenant_id = @tenant_id AND a.id = @id AND st.tenant_id = a.tenant_id
  AND a.reminder_sent_at IS NULL AND a.status IN ('booked', 'confirmed')
  AND st.reminder_hours > 0 AND a.starts_at > @now::timestamptz
  AND a.starts_at - make_interval(hours => st.reminder_hours) <= @now::timestamptz;

-- name: MessageSender :one
-- The salon as its messages show it: name, contact details, SMS sender.
SELECT t.name, t.slug, coalesce(st.email, '')::text AS email, coalesce(st.phone, '')::text AS phone,
       coalesce(st.address, '')::text AS address, coalesce(st.sms_sender, '')::text AS sms_sender
FROM tenants t LEFT JOIN salon_settings st ON st.tenant_id = t.id
WHERE t.id = @tenant_id;

-- name: MessageClientLang :one
-- The language of the client a visit is for: every message to them is in it.
SELECT c.lang FROM appointments a JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
WHERE a.tenant_id = @tenant_id AND a.id = @id;
