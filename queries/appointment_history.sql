-- name: AppointmentsOfCustomer :many
-- A client's visits that took place or are to come (neither cancelled, nor
-- missed, nor being paid online), newest first, with their services in
-- order: the till's farewell reads the usual interval and the next visit.
SELECT a.id, a.staff_id, s.name AS staff_name, a.starts_at, a.status,
       coalesce((SELECT array_agg(x.service_id ORDER BY x.position) FROM appointment_services x
                 WHERE x.tenant_id = a.tenant_id AND x.appointment_id = a.id), '{}')::uuid[] AS service_ids,
       coalesce((SELECT string_agg(x.name, ' + ' ORDER BY x.position) FROM appointment_services x
                 WHERE x.tenant_id = a.tenant_id AND x.appointment_id = a.id), '')::text AS services
FROM appointments a JOIN staff_members s ON s.tenant_id = a.tenant_id AND s.id = a.staff_id
WHERE a.tenant_id = @tenant_id AND a.customer_id = @customer_id
  AND a.status IN ('booked', 'confirmed', 'arrived', 'done')
ORDER BY a.starts_at DESC
LIMIT 200;
