package journal

import (
	"context"
	"fmt"
	"time"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// DayGrace is how long after the salon's last closing time of the day the
// sweep waits before closing a register's day: the last client checked
// out, the drawer counted.
const DayGrace = time.Hour

// closeAtClosingTime closes today for a register, before midnight, once the
// salon's last opening hours of today have ended DayGrace ago: the salon's
// « Z » comes with its evening. It waits for midnight as before when the
// salon does not open today (its hours say nothing of the day, or one of
// the salon's closures covers it: a holiday with a ticket or two), when it
// closes too late for the grace to end before midnight, or while a ticket
// is still open on the register (that client belongs to the day). Work done
// before the sweep runs but after the grace is the day's too: the closure
// ends just after the register's last entry. Whatever comes later that
// day goes to a closure from there to midnight. Only a register that
// recorded something today and has no day closure of today yet costs a
// query.
func (j *Journal) closeAtClosingTime(ctx context.Context, h dbq.JournalDueCandidatesRow, loc *time.Location, now time.Time) (int, error) {
	today, _ := Bounds(Day, now, loc)
	if h.LastAt.Before(today) || (h.DayTo != nil && h.DayTo.After(today)) || now.Before(today.Add(DayGrace)) {
		return 0, nil
	}
	made := 0
	err := j.DB.WithTenant(ctx, h.TenantID, func(tx store.Tx) error {
		local := now.In(loc)
		end, err := tx.JournalDayEnd(ctx, dbq.JournalDayEndParams{TenantID: h.TenantID,
			Day: time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC), RegisterID: h.RegisterID})
		if err != nil || end.TicketOpen {
			return err
		}
		to, ok := dayEnd(today, end.ClosesMinute, h.LastAt, loc)
		if !ok || to.After(now) {
			return nil
		}
		c, err := j.closePeriod(ctx, tx, h.TenantID, h.RegisterID, Day, today, to)
		if err == nil && c.To.Equal(to) {
			made++ // not a closure made by hand meanwhile
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("journal: sweep register %s (closing time): %w", h.RegisterID, err)
	}
	return made, nil
}
