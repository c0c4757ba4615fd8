-- name: StaffList :many
SELECT s.*, coalesce(u.name, '')::text AS user_name, coalesce(u.email, '')::text AS user_email
FROM staff_members s LEFT JOIN users u ON u.id = s.user_id
WHERE s.tenant_id = @tenant_id
ORDER BY s.active DESC, s.position, s.name;

-- name: StaffGet :one
SELECT * FROM staff_members WHERE tenant_id = @tenant_id AND id = @id;

-- name: StaffCreate :one
INSERT INTO staff_members (tenant_id, user_id, name, color, position)
VALUES (@tenant_id, @user_id, @name, @color,
        (SELECT coalesce(max(position), 0) + 1 FROM staff_members WHERE tenant_id = @tenant_id))
RETURNING *;

-- name: StaffUpdate :execrows
UPDATE staff_members SET user_id = @user_id, name = @name, color = @color, active = @active, updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id;

-- name: StaffServicesList :many
SELECT staff_id, service_id FROM staff_services WHERE tenant_id = @tenant_id;

-- name: StaffServicesByMember :many
-- One row per staff member with the services they do: a member's links
-- as one array rather than one row each (a 15-person salon with 57
-- services has 855 links, which pgx would decode row by row on every
-- public page).
SELECT staff_id, array_agg(service_id)::uuid[] AS service_ids
FROM staff_services WHERE tenant_id = @tenant_id GROUP BY staff_id;

-- name: StaffServicesClear :exec
DELETE FROM staff_services WHERE tenant_id = @tenant_id AND staff_id = @staff_id;

-- name: StaffServiceAdd :exec
INSERT INTO staff_services (tenant_id, staff_id, service_id) VALUES (@tenant_id, @staff_id, @service_id)
ON CONFLICT DO NOTHING;

-- name: StaffHoursList :many
SELECT * FROM staff_hours WHERE tenant_id = @tenant_id ORDER BY staff_id, weekday, starts;

-- name: StaffHoursClear :exec
DELETE FROM staff_hours WHERE tenant_id = @tenant_id AND staff_id = @staff_id;

-- name: StaffHoursInsert :exec
INSERT INTO staff_hours (tenant_id, staff_id, weekday, starts, ends) VALUES (@tenant_id, @staff_id, @weekday, @starts, @ends);

-- name: AbsenceList :many
SELECT a.*, s.name AS staff_name FROM staff_absences a JOIN staff_members s ON s.id = a.staff_id
WHERE a.tenant_id = @tenant_id AND a.ends_on >= @since
ORDER BY a.starts_on, s.name;

-- name: AbsenceCreate :one
INSERT INTO staff_absences (tenant_id, staff_id, starts_on, ends_on, reason)
VALUES (@tenant_id, @staff_id, @starts_on, @ends_on, @reason)
RETURNING *;

-- name: AbsenceDelete :execrows
DELETE FROM staff_absences WHERE tenant_id = @tenant_id AND id = @id;
