package journal

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// CloseDue closes, for every register whose next closure is due, each
// ended day, then each ended month and year, that nobody closed: the Z
// closure runs by itself when the salon forgot. A day ends at midnight in
// the salon's time zone; today is closed earlier, at the salon's closing
// time (see closeAtClosingTime). A day is closed only when the register
// recorded something in it. Registers with nothing due are not read (see
// due.go). It returns how many closures it made.
func (j *Journal) CloseDue(ctx context.Context) (int, error) {
	_, made, err := j.closeDue(ctx)
	return made, err
}

// closeDue is CloseDue that also says how many registers it read.
func (j *Journal) closeDue(ctx context.Context) (read, made int, err error) {
	now := instant(j.Clock.Now())
	var heads []dbq.JournalDueCandidatesRow
	err = j.DB.Unscoped(ctx, func(tx store.Tx) error {
		var err error
		heads, err = tx.JournalDueCandidates(ctx, now)
		return err
	})
	if err != nil {
		return 0, 0, fmt.Errorf("journal: sweep: %w", err)
	}
	// A register that fails keeps its early due time and comes first again
	// next run: the others are still closed meanwhile.
	var errs []error
	for _, h := range heads {
		n, err := j.closeRegister(ctx, h, now)
		made += n
		if err != nil {
			errs = append(errs, err)
		}
	}
	return len(heads), made, errors.Join(errs...)
}

// closeRegister closes what is due on one register, then stores when its
// next closure is due, once for all the closures it made (or none: an early
// due time, a client still at the till).
func (j *Journal) closeRegister(ctx context.Context, h dbq.JournalDueCandidatesRow, now time.Time) (int, error) {
	loc := clock.Zone(h.TimeZone)
	made := 0
	for _, p := range []struct {
		period Period
		after  *time.Time
	}{{Day, h.DayTo}, {Month, h.MonthTo}, {Year, h.YearTo}} {
		start, after := h.FirstAt, time.Time{} // never closed: from the chain's start
		if p.after != nil {
			start, after = *p.after, *p.after
		}
		// The earliest period that could be due has not ended: nothing
		// to read, the common case on every run but the first after midnight.
		if _, end := Bounds(p.period, start, loc); end.After(now) {
			continue
		}
		n, err := j.closeEnded(ctx, h, p.period, after, loc, now)
		made += n
		if err != nil {
			return made, err
		}
	}
	n, err := j.closeAtClosingTime(ctx, h, loc, now)
	made += n
	if err != nil {
		return made, err
	}
	err = j.DB.WithTenant(ctx, h.TenantID, func(tx store.Tx) error {
		if _, err := tx.JournalHeadLock(ctx, dbq.JournalHeadLockParams{RegisterID: h.RegisterID, TenantID: h.TenantID, At: now}); err != nil {
			return err
		}
		return j.refreshDue(ctx, tx, h.TenantID, h.RegisterID)
	})
	if err != nil {
		return made, fmt.Errorf("journal: sweep register %s (next closure): %w", h.RegisterID, err)
	}
	return made, nil
}

// closeEnded closes the register's ended periods of one kind after a time.
func (j *Journal) closeEnded(ctx context.Context, h dbq.JournalDueCandidatesRow, p Period, after time.Time, loc *time.Location, now time.Time) (int, error) {
	made := 0
	err := j.DB.WithTenant(ctx, h.TenantID, func(tx store.Tx) error {
		for {
			next, ok, err := nextActivity(ctx, tx, h, p, after)
			if err != nil || !ok {
				return err
			}
			from, to := Bounds(p, next, loc)
			if from.Before(after) {
				from = after // the day was closed by hand part-way: the rest of it
			}
			if to.After(now) {
				return nil
			}
			if _, err := j.closePeriod(ctx, tx, h.TenantID, h.RegisterID, p, from, to); err != nil {
				return err
			}
			made++
			after = to
		}
	})
	if err != nil {
		return 0, fmt.Errorf("journal: sweep register %s (%s): %w", h.RegisterID, p, err)
	}
	return made, nil
}

// nextActivity is the time of the first thing a period closure would cover
// at or after a time: an entry for a day, a day closure for a month, a
// month closure for a year. ok is false when there is none.
func nextActivity(ctx context.Context, tx store.Tx, h dbq.JournalDueCandidatesRow, p Period, after time.Time) (next time.Time, ok bool, err error) {
	if p == Day {
		next, err = tx.JournalFirstEntryAfter(ctx, dbq.JournalFirstEntryAfterParams{TenantID: h.TenantID, RegisterID: h.RegisterID, After: after})
	} else {
		child := string(Day)
		if p == Year {
			child = string(Month)
		}
		var from *time.Time
		from, err = tx.JournalFirstClosureAfter(ctx, dbq.JournalFirstClosureAfterParams{TenantID: h.TenantID, RegisterID: h.RegisterID,
			Period: &child, After: &after})
		if from != nil {
			next = *from
		}
	}
	if store.IsNotFound(err) {
		return next, false, nil
	}
	return next, err == nil, err
}

// SweepArgs is the periodic job that runs CloseDue.
type SweepArgs struct{}

// Kind names the job.
func (SweepArgs) Kind() string { return "journal_close_due" }

// SweepWorker runs CloseDue.
type SweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	Journal *Journal
}

// Work closes what is due.
func (w *SweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	_, err := w.Journal.CloseDue(ctx)
	return err
}

// SweepEvery is how often due closures are looked for: a day is closed at
// most this long after midnight.
const SweepEvery = 10 * time.Minute
