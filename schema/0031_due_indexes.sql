-- +goose Up
-- Periodic sweeps read only what is due. The reminder sweep used to walk
-- every salon's visits of the coming week to find the few whose reminder
-- time had come (90,000 rows a minute at 1,000 salons); the hold sweeper
-- walked every booking awaiting payment. Each now reads an index on the due
-- time itself.

-- When a visit's reminder is due: its start minus the salon's reminder
-- delay, NULL when it gets none (not booked or confirmed, or the salon sends
-- no reminders). Triggers keep it, so every path that books, moves, cancels
-- or imports a visit, and a change of the salon's delay, gets the same rule.
-- The sweep sets it to NULL for a visit whose confirmation already gave its
-- time: that visit leaves the index until it is moved.
ALTER TABLE appointments ADD COLUMN reminder_due_at timestamptz;

-- +goose StatementBegin
CREATE FUNCTION appointments_reminder_due() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
    -- Booked → confirmed moves nothing, and keeps a reminder set aside aside.
    IF TG_OP = 'UPDATE' AND NEW.starts_at = OLD.starts_at
        AND (NEW.status IN ('booked', 'confirmed')) = (OLD.status IN ('booked', 'confirmed')) THEN
        RETURN NEW;
    END IF;
    NEW.reminder_due_at := NULL;
    IF NEW.status IN ('booked', 'confirmed') THEN
        SELECT NEW.starts_at - make_interval(hours => st.reminder_hours) INTO NEW.reminder_due_at
        FROM salon_settings st WHERE st.tenant_id = NEW.tenant_id AND st.reminder_hours > 0;
    END IF;
    RETURN NEW;
END $$;
-- +goose StatementEnd
CREATE TRIGGER appointments_reminder_due BEFORE INSERT OR UPDATE OF starts_at, status ON appointments
    FOR EACH ROW EXECUTE FUNCTION appointments_reminder_due();

-- A new delay applies to the salon's visits not reminded yet. The wall clock
-- bounds it to visits ahead; the salon's past is left alone.
-- +goose StatementBegin
CREATE FUNCTION salon_settings_reminder_due() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
    IF NEW.reminder_hours IS DISTINCT FROM OLD.reminder_hours THEN
        UPDATE appointments a SET reminder_due_at = CASE WHEN NEW.reminder_hours > 0
            THEN a.starts_at - make_interval(hours => NEW.reminder_hours) END
        WHERE a.tenant_id = NEW.tenant_id AND a.starts_at > now()
          AND a.status IN ('booked', 'confirmed') AND a.reminder_sent_at IS NULL;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER salon_settings_reminder_due AFTER UPDATE OF reminder_hours ON salon_settings
    FOR EACH ROW EXECUTE FUNCTION salon_settings_reminder_due();

UPDATE appointments a SET reminder_due_at = a.starts_at - make_interval(hours => st.reminder_hours)
FROM salon_settings st
WHERE st.tenant_id = a.tenant_id AND st.reminder_hours > 0 AND a.starts_at > now()
  AND a.status IN ('booked', 'confirmed') AND a.reminder_sent_at IS NULL;

-- A plain column (PITFALLS: an index on an expression is not used under RLS).
CREATE INDEX appointments_reminder_due_idx ON appointments (reminder_due_at)
    WHERE reminder_sent_at IS NULL AND reminder_due_at IS NOT NULL;
DROP INDEX appointments_reminder_idx;

-- Holds by their expiry: a hold leaves the index when it is paid or released.
CREATE INDEX appointments_hold_idx ON appointments (hold_expires_at)
    WHERE status = 'pending' AND hold_expires_at IS NOT NULL;

-- +goose Down
DROP INDEX appointments_hold_idx;
CREATE INDEX appointments_reminder_idx ON appointments (starts_at)
    WHERE reminder_sent_at IS NULL AND status IN ('booked', 'confirmed');
DROP TRIGGER salon_settings_reminder_due ON salon_settings;
DROP FUNCTION salon_settings_reminder_due();
DROP TRIGGER appointments_reminder_due ON appointments;
DROP FUNCTION appointments_reminder_due();
ALTER TABLE appointments DROP COLUMN reminder_due_at;
