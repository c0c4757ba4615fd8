package journal

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Each register's head stores when its next closure is due (close_due_at),
// so the sweep reads only the registers whose time has come. The stored
// time may be early, never late: a register read early is recomputed by
// the sweep that reads it. An append brings it forward to the day of the
// entry; a closure recomputes it from the chain; a change of the salon's
// hours, closures or time zone makes it due at once (triggers, 0034).

// dayEnd is where the Z of the day starting at today ends when the salon
// closes closesMinute after its local midnight (-1: it does not open that
// day): DayGrace after closing, or just after the register's last entry
// when it worked later. ok is false when the day waits for midnight
// instead: the salon does not open, or the Z would not end before midnight.
func dayEnd(today time.Time, closesMinute int32, lastAt time.Time, loc *time.Location) (to time.Time, ok bool) {
	if closesMinute < 0 {
		return time.Time{}, false
	}
	local := today.In(loc)
	closes := time.Date(local.Year(), local.Month(), local.Day(), 0, int(closesMinute), 0, 0, loc)
	to = instant(closes.Add(DayGrace))
	if !lastAt.Before(to) {
		to = instant(lastAt).Add(time.Microsecond)
	}
	_, midnight := Bounds(Day, today, loc)
	return to, to.Before(midnight)
}

// dayDue is when the sweep closes the day that holds at, an entry no day
// closure covers yet: at the day's Z (closeAtClosingTime), or at midnight
// when a closure already ends within that day (the rest of a day waits for
// midnight) or the day has no Z. closedTo is where the register's last day
// closure ends; the salon's hours are read only when they can matter.
func (j *Journal) dayDue(ctx context.Context, tx store.Tx, tenantID uuid.UUID, at time.Time, closedTo *time.Time,
	lastAt time.Time, loc *time.Location) (time.Time, error) {
	from, midnight := Bounds(Day, at, loc)
	if closedTo != nil && closedTo.After(from) {
		return midnight, nil
	}
	local := from.In(loc)
	closes, err := tx.JournalDayCloses(ctx, dbq.JournalDayClosesParams{TenantID: tenantID,
		Day: time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return time.Time{}, fmt.Errorf("journal: salon's closing time: %w", err)
	}
	to, ok := dayEnd(from, closes, lastAt, loc)
	if !ok {
		return midnight, nil
	}
	// The sweep never closes a day in its first DayGrace.
	return laterOf(to, from.Add(DayGrace)), nil
}

// dueAfter is the register's next closure time once e is recorded: the day
// e falls in comes due, unless something else is due sooner. Only the first
// entry of a day, or the first after a closure that day, costs a query: a
// later entry finds the time an earlier entry of the day set, never later
// than its own (a day's Z only moves later as entries come in).
func (j *Journal) dueAfter(ctx context.Context, tx store.Tx, e Entry, head dbq.JournalHeadLockRow) (*time.Time, error) {
	due := head.CloseDueAt
	loc := clock.Zone(head.TimeZone)
	today, _ := Bounds(Day, e.At, loc)
	if due != nil && !due.After(today.Add(DayGrace)) {
		return due, nil // no Z of today comes sooner
	}
	// closed_to ends within today only when a day closure does: a month's
	// or year's ends at a midnight, never after the entry being made.
	closedToday := head.ClosedTo != nil && head.ClosedTo.After(today)
	if due != nil && !closedToday && !head.LastAt.Before(today) {
		return due, nil
	}
	d, err := j.dayDue(ctx, tx, e.TenantID, e.At, head.ClosedTo, e.At, loc)
	if err != nil {
		return nil, err
	}
	return earliest(due, d), nil
}

// refreshDue stores when the register's next closure is due, from its
// chain: the earliest of the day holding its first entry no day closure
// covers (dayDue), the end of the month of its first day closure no month
// closure covers, the end of the year of its first month closure no year
// closure covers; NULL when nothing is pending. The caller holds the
// head's lock, so no append slips in between the reads and the write.
func (j *Journal) refreshDue(ctx context.Context, tx store.Tx, tenantID, registerID uuid.UUID) error {
	in, err := tx.JournalDueInputs(ctx, dbq.JournalDueInputsParams{TenantID: tenantID, RegisterID: registerID})
	if err != nil {
		return fmt.Errorf("journal: next closure of register %s: %w", registerID, err)
	}
	loc := clock.Zone(in.TimeZone)
	var due *time.Time
	after := time.Time{}
	if in.DayTo != nil {
		after = *in.DayTo
	}
	next, err := tx.JournalFirstEntryAfter(ctx, dbq.JournalFirstEntryAfterParams{TenantID: tenantID, RegisterID: registerID, After: after})
	switch {
	case err == nil:
		d, err := j.dayDue(ctx, tx, tenantID, next, in.DayTo, in.LastAt, loc)
		if err != nil {
			return err
		}
		due = earliest(due, d)
	case !store.IsNotFound(err):
		return fmt.Errorf("journal: next closure of register %s: %w", registerID, err)
	}
	for _, p := range []struct {
		period Period
		first  *time.Time
	}{{Month, in.NextDayClosureFrom}, {Year, in.NextMonthClosureFrom}} {
		if p.first != nil {
			_, end := Bounds(p.period, *p.first, loc)
			due = earliest(due, end)
		}
	}
	if err := tx.JournalDueSet(ctx, dbq.JournalDueSetParams{CloseDueAt: due, TenantID: tenantID, RegisterID: registerID}); err != nil {
		return fmt.Errorf("journal: store next closure of register %s: %w", registerID, err)
	}
	return nil
}

// earliest is the sooner of a due time (nil: none) and t.
func earliest(due *time.Time, t time.Time) *time.Time {
	if due != nil && !due.After(t) {
		return due
	}
	t = instant(t)
	return &t
}
