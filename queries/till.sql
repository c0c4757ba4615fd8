-- name: TillSettingsGet :one
-- A salon without a row has the defaults: no SIRET yet, VAT charged.
SELECT t.name AS salon_name, coalesce(s.address, '')::text AS address,
       coalesce(ts.siret, '')::text AS siret, coalesce(ts.vat_number, '')::text AS vat_number,
       coalesce(ts.vat_exempt, false)::boolean AS vat_exempt, coalesce(ts.low_stock, 3)::integer AS low_stock
FROM tenants t
LEFT JOIN salon_settings s ON s.tenant_id = t.id
LEFT JOIN till_settings ts ON ts.tenant_id = t.id
WHERE t.id = @tenant_id;

-- name: TillSettingsSave :exec
INSERT INTO till_settings (tenant_id, siret, vat_number, vat_exempt, low_stock)
VALUES (@tenant_id, @siret, @vat_number, @vat_exempt, @low_stock)
ON CONFLICT (tenant_id) DO UPDATE SET siret = excluded.siret, vat_number = excluded.vat_number,
    vat_exempt = excluded.vat_exempt, low_stock = excluded.low_stock, updated_at = now();

-- name: RegisterList :many
-- Each register with its open day, if any.
SELECT r.id, r.name, r.next_number, d.id AS day_id, d.opened_at, d.float_cents
FROM registers r
LEFT JOIN register_days d ON d.tenant_id = r.tenant_id AND d.register_id = r.id AND d.closed_at IS NULL
WHERE r.tenant_id = @tenant_id AND r.archived_at IS NULL
ORDER BY r.created_at, r.name;

-- name: RegisterCreate :one
INSERT INTO registers (tenant_id, name) VALUES (@tenant_id, @name) RETURNING id;

-- name: RegisterRename :execrows
UPDATE registers SET name = @name WHERE tenant_id = @tenant_id AND id = @id AND archived_at IS NULL;

-- name: RegisterTakeNumber :one
-- The closing's number: the row lock queues concurrent closings of the
-- register, and a rollback gives the number back.
UPDATE registers SET next_number = next_number + 1
WHERE tenant_id = @tenant_id AND id = @id
RETURNING (next_number - 1)::bigint AS number;

-- name: RegisterDayOpen :one
INSERT INTO register_days (tenant_id, register_id, opened_at, opened_by, float_cents)
SELECT @tenant_id, r.id, @opened_at, @opened_by, @float_cents
FROM registers r WHERE r.tenant_id = @tenant_id AND r.id = @register_id AND r.archived_at IS NULL
RETURNING id;

-- name: RegisterDayCurrent :one
SELECT * FROM register_days WHERE tenant_id = @tenant_id AND register_id = @register_id AND closed_at IS NULL;

-- name: RegisterDayLock :one
-- The open day, locked for its closing: a ticket closing on the register
-- (which shares this lock) finishes first, or waits and then finds the day closed.
SELECT * FROM register_days WHERE tenant_id = @tenant_id AND register_id = @register_id AND closed_at IS NULL
FOR UPDATE;

-- name: RegisterDayShare :one
-- The open day, shared by the ticket closings of the register: the day
-- cannot close under them. Waiting on a closing, it finds no open day.
SELECT * FROM register_days WHERE tenant_id = @tenant_id AND register_id = @register_id AND closed_at IS NULL
FOR SHARE;

-- name: TicketRegister :one
-- The register of a ticket, read before any lock: its day is locked first.
SELECT register_id FROM tickets WHERE tenant_id = @tenant_id AND id = @id;

-- name: RegisterDayCash :one
-- The cash a day's tickets brought in (refunds paid out come off).
SELECT coalesce(sum(p.amount_cents), 0)::bigint AS cents
FROM ticket_payments p JOIN tickets t ON t.tenant_id = p.tenant_id AND t.id = p.ticket_id
WHERE t.tenant_id = @tenant_id AND t.day_id = @day_id AND t.status = 'closed' AND p.method = 'cash';

-- name: RegisterDayClose :execrows
UPDATE register_days SET closed_at = @closed_at, closed_by = @closed_by, counted_cents = @counted_cents, expected_cents = @expected_cents
WHERE tenant_id = @tenant_id AND id = @id AND closed_at IS NULL;
