-- name: JournalHeadLock :one
-- Takes the register's head row (creating it at the first entry) and holds
-- its lock until the transaction ends: appends to one register queue here.
-- With the salon's time zone, for the day an entry falls in.
INSERT INTO journal_heads (register_id, tenant_id, seq, sig, first_at, last_at)
VALUES (@register_id, @tenant_id, 0, ''::bytea, @at, @at)
ON CONFLICT (register_id) DO UPDATE SET seq = journal_heads.seq
RETURNING seq, sig, last_at, closed_to, close_due_at,
    (SELECT t.time_zone FROM tenants t WHERE t.id = journal_heads.tenant_id)::text AS time_zone;

-- name: JournalEntryAdd :exec
WITH head AS (
    -- last_at: the last entry that a closure would cover (not a closure);
    -- closed_to: where the latest closure ends; close_due_at: as the
    -- journal computed it under the head's lock.
    UPDATE journal_heads SET seq = @seq, sig = @sig,
        last_at = CASE WHEN @kind::text = 'closure' THEN last_at ELSE greatest(last_at, @at) END,
        closed_to = CASE WHEN @kind::text = 'closure' THEN greatest(closed_to, sqlc.narg('period_to')) ELSE closed_to END,
        close_due_at = sqlc.narg('close_due_at')
    WHERE register_id = @register_id AND tenant_id = @tenant_id
), signer AS (
    -- The public half of the signing key, kept for archives made after a rotation.
    INSERT INTO journal_keys (key_id, public_key) VALUES (@key_id, @public_key) ON CONFLICT (key_id) DO NOTHING
)
INSERT INTO journal_entries (tenant_id, register_id, seq, kind, at, payload, prev_sig, sig, key_id,
    incl_cents, period, period_from, period_to)
VALUES (@tenant_id, @register_id, @seq, @kind, @at, @payload, @prev_sig, @sig, @key_id,
    sqlc.narg('incl_cents'), sqlc.narg('period'), sqlc.narg('period_from'), sqlc.narg('period_to'));

-- name: JournalDocumentsIn :many
-- A register's tickets and credit notes of [from, to), in chain order.
SELECT seq, payload FROM journal_entries
WHERE tenant_id = @tenant_id AND register_id = @register_id AND kind IN ('ticket', 'credit_note')
  AND at >= @from_at AND at < @to_at
ORDER BY seq;

-- name: JournalGrandTotal :one
-- Every amount of the register's documents before a time: the perpetual total.
SELECT coalesce(sum(incl_cents), 0)::bigint FROM journal_entries
WHERE tenant_id = @tenant_id AND register_id = @register_id AND kind IN ('ticket', 'credit_note') AND at < @to_at;

-- name: JournalClosureGet :one
SELECT seq, payload FROM journal_entries
WHERE tenant_id = @tenant_id AND register_id = @register_id AND kind = 'closure'
  AND period = @period AND period_from = @period_from;

-- name: JournalClosureList :many
-- The salon's closures, latest first.
SELECT register_id, seq, at, payload FROM journal_entries
WHERE tenant_id = @tenant_id AND kind = 'closure'
ORDER BY at DESC, register_id, seq DESC
LIMIT @max_rows;

-- name: JournalHeadList :many
-- The salon's registers that have a chain.
SELECT register_id, seq, first_at, last_at FROM journal_heads
WHERE tenant_id = @tenant_id
ORDER BY first_at, register_id;

-- name: JournalEntriesIn :many
-- A register's entries from the first at or after from_at to the last
-- before to_at, every entry between included: an archive never has a gap.
WITH bounds AS (
    SELECT min(b.seq) AS lo, max(b.seq) AS hi FROM journal_entries b
    WHERE b.tenant_id = @tenant_id AND b.register_id = @register_id AND b.at >= @from_at AND b.at < @to_at
)
SELECT e.seq, e.kind, e.at, e.payload, e.prev_sig, e.sig, e.key_id
FROM journal_entries e, bounds
WHERE e.tenant_id = @tenant_id AND e.register_id = @register_id AND e.seq BETWEEN bounds.lo AND bounds.hi
ORDER BY e.seq;

-- name: JournalDueCandidates :many
-- Unscoped, for the closure sweep: the registers whose next closure is due,
-- read from journal_heads_close_due_idx, so a run with nothing due reads
-- nothing however many registers there are. Per register, where the next
-- closure of a period would start looking (after the last closure of that
-- period, or at the chain's start) with the salon's time zone.
SELECT h.register_id, h.tenant_id, t.time_zone, h.first_at, h.last_at,
    d.period_to AS day_to, m.period_to AS month_to, y.period_to AS year_to
FROM journal_heads h JOIN tenants t ON t.id = h.tenant_id
LEFT JOIN LATERAL (SELECT c.period_to FROM journal_entries c WHERE c.register_id = h.register_id
    AND c.kind = 'closure' AND c.period = 'day' ORDER BY c.period_from DESC LIMIT 1) d ON true
LEFT JOIN LATERAL (SELECT c.period_to FROM journal_entries c WHERE c.register_id = h.register_id
    AND c.kind = 'closure' AND c.period = 'month' ORDER BY c.period_from DESC LIMIT 1) m ON true
LEFT JOIN LATERAL (SELECT c.period_to FROM journal_entries c WHERE c.register_id = h.register_id
    AND c.kind = 'closure' AND c.period = 'year' ORDER BY c.period_from DESC LIMIT 1) y ON true
WHERE h.close_due_at <= @now::timestamptz
ORDER BY h.close_due_at, h.register_id;

-- name: JournalDueInputs :one
-- What a register's next closure time is computed from, its head locked:
-- the salon's time zone, the last entry, where the last day closure ends
-- (JournalFirstEntryAfter finds the entry after it), and the first closure
-- each longer period's next closure would cover: a day closure after the
-- last month closure, a month closure after the last year closure. NULL:
-- nothing to cover.
SELECT t.time_zone, h.last_at, d.period_to AS day_to,
    dc.period_from AS next_day_closure_from, mc.period_from AS next_month_closure_from
FROM journal_heads h JOIN tenants t ON t.id = h.tenant_id
LEFT JOIN LATERAL (SELECT c.period_to FROM journal_entries c WHERE c.tenant_id = h.tenant_id AND c.register_id = h.register_id
    AND c.kind = 'closure' AND c.period = 'day' ORDER BY c.period_from DESC LIMIT 1) d ON true
LEFT JOIN LATERAL (SELECT c.period_to FROM journal_entries c WHERE c.tenant_id = h.tenant_id AND c.register_id = h.register_id
    AND c.kind = 'closure' AND c.period = 'month' ORDER BY c.period_from DESC LIMIT 1) m ON true
LEFT JOIN LATERAL (SELECT c.period_to FROM journal_entries c WHERE c.tenant_id = h.tenant_id AND c.register_id = h.register_id
    AND c.kind = 'closure' AND c.period = 'year' ORDER BY c.period_from DESC LIMIT 1) y ON true
LEFT JOIN LATERAL (SELECT c.period_from FROM journal_entries c WHERE c.tenant_id = h.tenant_id AND c.register_id = h.register_id
    AND c.kind = 'closure' AND c.period = 'day' AND c.period_from >= coalesce(m.period_to, '-infinity'::timestamptz)
    ORDER BY c.period_from LIMIT 1) dc ON true
LEFT JOIN LATERAL (SELECT c.period_from FROM journal_entries c WHERE c.tenant_id = h.tenant_id AND c.register_id = h.register_id
    AND c.kind = 'closure' AND c.period = 'month' AND c.period_from >= coalesce(y.period_to, '-infinity'::timestamptz)
    ORDER BY c.period_from LIMIT 1) mc ON true
WHERE h.tenant_id = @tenant_id AND h.register_id = @register_id;

-- name: JournalDueSet :exec
UPDATE journal_heads SET close_due_at = sqlc.narg('close_due_at')
WHERE tenant_id = @tenant_id AND register_id = @register_id;

-- name: JournalDayCloses :one
-- When the salon's day ends for its Z (journal_day_closes).
SELECT journal_day_closes(@tenant_id, @day::date)::int AS closes_minute;

-- name: JournalFirstEntryAfter :one
-- The time of the register's first entry, closures aside, at or after a
-- time: where the next day closure starts. No row: nothing to close.
SELECT at FROM journal_entries
WHERE tenant_id = @tenant_id AND register_id = @register_id AND kind <> 'closure' AND at >= @after
ORDER BY at LIMIT 1;

-- name: JournalFirstClosureAfter :one
-- The start of the register's first closure of a period (day for a month,
-- month for a year) at or after a time. No row: nothing to close.
SELECT period_from FROM journal_entries
WHERE tenant_id = @tenant_id AND register_id = @register_id AND kind = 'closure' AND period = @period
  AND period_from >= @after
ORDER BY period_from LIMIT 1;

-- name: JournalHeadGet :one
SELECT seq, first_at, last_at FROM journal_heads WHERE tenant_id = @tenant_id AND register_id = @register_id;

-- name: JournalLastClosureTo :one
-- Where the register's last closure of a period ended (NULL: never closed).
SELECT c.period_to FROM journal_entries c
WHERE c.tenant_id = @tenant_id AND c.register_id = @register_id AND c.kind = 'closure' AND c.period = @period
ORDER BY c.period_from DESC LIMIT 1;

-- name: JournalKeysGet :many
-- The public keys that signed entries, by fingerprint.
SELECT key_id, public_key FROM journal_keys WHERE key_id = ANY(@key_ids::text[]) ORDER BY key_id;

-- name: JournalDayEnd :one
-- For the sweep's closure of a day at the salon's closing time: when the
-- salon's day ends (journal_day_closes: -1 when it does not open that day),
-- and whether a ticket is still open on the register. Read here, one query
-- for a register with activity today, rather than through the salon and
-- till areas from inside the sweep's transaction.
SELECT journal_day_closes(@tenant_id, @day::date)::int AS closes_minute,
    EXISTS (SELECT 1 FROM tickets t WHERE t.tenant_id = @tenant_id AND t.register_id = @register_id
        AND t.status = 'open') AS ticket_open;
