-- name: ActivityCreate :exec
INSERT INTO activity (tenant_id, kind, by_client, appointment_id, amount_cents, currency)
VALUES (@tenant_id, @kind, @by_client, @appointment_id, @amount_cents, @currency);

-- name: ActivityRecent :many
-- The salon's latest events, newest first, with what the feed says of the visit.
SELECT e.id, e.kind, e.by_client, e.amount_cents, e.currency, e.created_at,
       a.id AS appointment_id, a.starts_at, c.first_name, c.last_name, s.name AS staff_name,
       coalesce((SELECT string_agg(x.name, ' + ' ORDER BY x.position) FROM appointment_services x
                 WHERE x.tenant_id = a.tenant_id AND x.appointment_id = a.id), '')::text AS services
FROM activity e
JOIN appointments a ON a.tenant_id = e.tenant_id AND a.id = e.appointment_id
JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
JOIN staff_members s ON s.tenant_id = a.tenant_id AND s.id = a.staff_id
WHERE e.tenant_id = @tenant_id
ORDER BY e.created_at DESC, e.id DESC
LIMIT @row_limit;

-- name: ActivityVisit :one
-- What an email about an event says of the visit.
SELECT a.starts_at, c.first_name, c.last_name, s.name AS staff_name, t.name AS salon_name, t.time_zone, t.demo,
       coalesce((SELECT string_agg(x.name, ' + ' ORDER BY x.position) FROM appointment_services x
                 WHERE x.tenant_id = a.tenant_id AND x.appointment_id = a.id), '')::text AS services
FROM appointments a
JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
JOIN staff_members s ON s.tenant_id = a.tenant_id AND s.id = a.staff_id
JOIN tenants t ON t.id = a.tenant_id
WHERE a.tenant_id = @tenant_id AND a.id = @id;

-- name: ActivityRecipients :many
-- Who hears of an event of this kind: the owners when the salon's switch is
-- on, each manager who turned it on for themselves.
SELECT u.email, u.name, u.locale
FROM memberships m
JOIN users u ON u.id = m.user_id
JOIN salon_settings st ON st.tenant_id = m.tenant_id
WHERE m.tenant_id = @tenant_id
  AND ((m.role = 'owner' AND @kind::text = ANY (st.notify_events))
    OR (m.role = 'manager' AND @kind::text = ANY (m.notify_events)))
ORDER BY u.email;

-- name: NotifySalonGet :one
SELECT notify_events FROM salon_settings WHERE tenant_id = @tenant_id;

-- name: NotifySalonSet :exec
UPDATE salon_settings SET notify_events = @notify_events, updated_at = now() WHERE tenant_id = @tenant_id;

-- name: NotifyMemberGet :one
SELECT notify_events FROM memberships WHERE tenant_id = @tenant_id AND user_id = @user_id;

-- name: NotifyMemberSet :exec
UPDATE memberships SET notify_events = @notify_events WHERE tenant_id = @tenant_id AND user_id = @user_id;
