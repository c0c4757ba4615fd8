-- +goose Up
-- The closure sweep read every register that ever recorded anything, each
-- run, to find the few with a day, month or year to close (5,000 rows and
-- 12,000 buffers every 10 minutes at 1,000 salons). Each register now
-- carries the instant its next closure is due, NULL when nothing is
-- pending, and the sweep reads the index on it. The journal keeps it: an
-- append moves it earlier when the entry's day comes due sooner, a closure
-- (by hand or by the sweep) recomputes it. It may be early, never late: a
-- head read early is recomputed by the sweep that reads it.
ALTER TABLE journal_heads ADD COLUMN close_due_at timestamptz;
-- Existing registers: due at once, so the first sweep computes each exactly.
UPDATE journal_heads SET close_due_at = now();
-- A plain column (PITFALLS: an index on an expression is not used under RLS).
CREATE INDEX journal_heads_close_due_idx ON journal_heads (close_due_at) WHERE close_due_at IS NOT NULL;

-- When a salon's day ends for the Z at closing time: the last closing of its
-- opening hours on that date, in minutes after local midnight, or -1 when it
-- does not open that day (no hours that weekday, or a closure of the salon
-- covers the date), which leaves the day to close at midnight. The append,
-- the sweep and the due time all read it here.
-- +goose StatementBegin
CREATE FUNCTION journal_day_closes(p_tenant_id uuid, p_day date) RETURNS int
LANGUAGE sql STABLE SET search_path = public AS $$
    SELECT CASE WHEN EXISTS (SELECT 1 FROM closures c WHERE c.tenant_id = p_tenant_id
                AND c.ends_on >= p_day AND c.starts_on <= p_day) THEN -1
        ELSE coalesce((SELECT (extract(epoch FROM max(o.closes)) / 60)::int FROM opening_hours o
                WHERE o.tenant_id = p_tenant_id AND o.weekday = extract(dow FROM p_day)::smallint), -1)
    END
$$;
-- +goose StatementEnd

-- Opening hours, closures and the time zone decide when a day's Z is due: a
-- change to them makes the salon's pending registers due now, so the next
-- sweep recomputes them with the new rule. Whoever changes them (the
-- settings page, the demo seed, an import) gets the same rule.
-- +goose StatementBegin
CREATE FUNCTION journal_heads_due_now() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
    salon uuid;
BEGIN
    IF TG_TABLE_NAME = 'tenants' THEN
        salon := NEW.id;
    ELSIF TG_OP = 'DELETE' THEN
        salon := OLD.tenant_id;
    ELSE
        salon := NEW.tenant_id;
    END IF;
    UPDATE journal_heads SET close_due_at = now()
    WHERE tenant_id = salon AND close_due_at > now();
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER opening_hours_journal_due AFTER INSERT OR UPDATE OR DELETE ON opening_hours
    FOR EACH ROW EXECUTE FUNCTION journal_heads_due_now();
CREATE TRIGGER closures_journal_due AFTER INSERT OR UPDATE OR DELETE ON closures
    FOR EACH ROW EXECUTE FUNCTION journal_heads_due_now();
CREATE TRIGGER tenants_journal_due AFTER UPDATE OF time_zone ON tenants
    FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION journal_heads_due_now();

-- +goose Down
DROP TRIGGER tenants_journal_due ON tenants;
DROP TRIGGER closures_journal_due ON closures;
DROP TRIGGER opening_hours_journal_due ON opening_hours;
DROP FUNCTION journal_heads_due_now();
DROP FUNCTION journal_day_closes(uuid, date);
ALTER TABLE journal_heads DROP COLUMN close_due_at;
