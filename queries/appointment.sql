-- name: AppointmentCreate :one
INSERT INTO appointments (tenant_id, staff_id, customer_id, starts_at, ends_at, busy_until, status, source, note,
                          hold_expires_at, created_by)
VALUES (@tenant_id, @staff_id, @customer_id, @starts_at, @ends_at, @busy_until, @status, @source, @note,
        @hold_expires_at, @created_by)
RETURNING *;

-- name: AppointmentServiceAdd :exec
INSERT INTO appointment_services (tenant_id, appointment_id, service_id, position, name, duration_minutes, buffer_minutes, price_cents,
                                  discount_bp)
VALUES (@tenant_id, @appointment_id, @service_id, @position, @name, @duration_minutes, @buffer_minutes, @price_cents,
        @discount_bp);

-- name: AppointmentServicesClear :exec
DELETE FROM appointment_services WHERE tenant_id = @tenant_id AND appointment_id = @appointment_id;

-- name: AppointmentGet :one
SELECT a.*, c.first_name, c.last_name, c.phone, c.email, s.name AS staff_name, s.color AS staff_color,
       coalesce((SELECT sum(l.amount_cents) FROM customer_ledger l
                 WHERE l.tenant_id = a.tenant_id AND l.customer_id = a.customer_id), 0)::bigint AS balance_cents
FROM appointments a
JOIN customers c ON c.id = a.customer_id
JOIN staff_members s ON s.id = a.staff_id
WHERE a.tenant_id = @tenant_id AND a.id = @id;

-- name: AppointmentServicesOf :many
SELECT * FROM appointment_services WHERE tenant_id = @tenant_id AND appointment_id = @appointment_id ORDER BY position;

-- name: AppointmentListRange :many
-- Every appointment overlapping [from, to), for the agenda. The lower bound on
-- starts_at lets the (tenant_id, starts_at) index do the work: no visit lasts
-- more than 16 hours (a CHECK on the table). The client's balance comes
-- along: the card says when they owe the salon money.
SELECT a.id, a.staff_id, a.starts_at, a.ends_at, a.busy_until, a.status, a.source, a.note,
       c.first_name, c.last_name, c.phone,
       coalesce(x.services, '')::text AS services, coalesce(x.price_cents, 0)::bigint AS price_cents,
       coalesce(b.balance, 0)::bigint AS balance_cents
FROM appointments a JOIN customers c ON c.id = a.customer_id
LEFT JOIN LATERAL (SELECT string_agg(s.name, ' + ' ORDER BY s.position) AS services, sum(s.price_cents) AS price_cents
                   FROM appointment_services s WHERE s.tenant_id = a.tenant_id AND s.appointment_id = a.id) x ON true
LEFT JOIN LATERAL (SELECT sum(l.amount_cents) AS balance FROM customer_ledger l
                   WHERE l.tenant_id = a.tenant_id AND l.customer_id = a.customer_id) b ON true
WHERE a.tenant_id = sqlc.arg(tenant_id)
  AND a.starts_at >= sqlc.arg(range_from)::timestamptz - interval '16 hours' AND a.starts_at < sqlc.arg(range_to)
  AND a.busy_until > sqlc.arg(range_from)
  AND (sqlc.narg(staff_id)::uuid IS NULL OR a.staff_id = sqlc.narg(staff_id))
ORDER BY a.starts_at, a.staff_id;

-- name: AppointmentBusy :many
-- What keeps staff busy between two instants, for the availability engine:
-- pending holds count like confirmed visits.
SELECT id, staff_id, starts_at, busy_until FROM appointments
WHERE tenant_id = sqlc.arg(tenant_id)
  AND starts_at >= sqlc.arg(range_from)::timestamptz - interval '16 hours' AND starts_at < sqlc.arg(range_to)
  AND busy_until > sqlc.arg(range_from)
  AND status IN ('pending', 'booked', 'confirmed', 'arrived', 'done');

-- name: AppointmentReschedule :execrows
-- A visit moved to another time is reminded again, at the new time (the
-- reminder already sent gave the old one); a change of staff or note alone
-- keeps its reminder as sent.
UPDATE appointments SET staff_id = @staff_id, starts_at = @starts_at, ends_at = @ends_at, busy_until = @busy_until,
    note = @note, updated_at = now(),
    reminder_sent_at = CASE WHEN starts_at = @starts_at THEN reminder_sent_at END
WHERE tenant_id = @tenant_id AND id = @id;

-- name: AppointmentSetStatus :execrows
UPDATE appointments SET status = @status, updated_at = now(),
    cancelled_at = CASE WHEN @status::text = 'cancelled' THEN now() ELSE NULL END,
    hold_expires_at = CASE WHEN @status::text = 'pending' THEN hold_expires_at ELSE NULL END
WHERE tenant_id = @tenant_id AND id = @id;

-- name: AppointmentLockStaff :exec
-- Serialises writes to one staff member's agenda: overlapping inserts then
-- queue instead of deadlocking inside the exclusion constraint (measured:
-- 0 deadlocks instead of 17–33 in 80).
SELECT pg_advisory_xact_lock(hashtextextended(@staff_key::text, 7424159));
