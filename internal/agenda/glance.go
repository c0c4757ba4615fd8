package agenda

import (
	"context"
	"time"

	"github.com/carnet-salon/carnet/internal/salon"
)

// Glance is a day of the salon at a glance, from the day view.
type Glance struct {
	Visits   int           // visits of the day, cancelled ones and unpaid holds aside
	Arrived  int           // clients who came (arrived or done)
	Expected int           // visits still to come or to greet (booked or confirmed)
	NoShows  int           // clients who did not come
	FreeLeft time.Duration // the team's free working time from now to closing
	Working  int           // team members working that day
}

// Today is the salon's day at a glance at now: the day view read once, so
// the figures are the agenda's own.
func (a *Agenda) Today(ctx context.Context, sal salon.Salon, now time.Time) (Glance, error) {
	v, err := a.Day(ctx, sal, now.In(sal.Location()))
	if err != nil {
		return Glance{}, err
	}
	return v.Glance(now), nil
}

// Glance counts the visits of a day view and the free time left after now.
func (v View) Glance(now time.Time) Glance {
	var g Glance
	seen := map[[16]byte]bool{}
	for _, c := range v.Columns {
		if c.Away == "" && len(c.Open) > 0 && !seen[c.Staff.ID] {
			g.Working++
			seen[c.Staff.ID] = true
		}
		for _, ap := range c.Appointments {
			if !ap.Start.Before(v.From) && ap.Start.Before(v.To) {
				switch ap.Status {
				case StatusArrived, StatusDone:
					g.Visits++
					g.Arrived++
				case StatusBooked, StatusConfirmed:
					g.Visits++
					g.Expected++
				case StatusNoShow:
					g.Visits++
					g.NoShows++
				}
			}
		}
		g.FreeLeft += c.freeAfter(now)
	}
	return g
}

// freeAfter is the lane's working time after now that no visit (or hold, or
// clean-up) takes: what can still be offered to a walk-in or a call.
func (c Column) freeAfter(now time.Time) time.Duration {
	if c.Away != "" {
		return 0
	}
	loc := c.Day.Location()
	var free time.Duration
	for _, r := range c.Open {
		from := time.Date(c.Day.Year(), c.Day.Month(), c.Day.Day(), 0, r.From, 0, 0, loc)
		to := time.Date(c.Day.Year(), c.Day.Month(), c.Day.Day(), 0, r.To, 0, 0, loc)
		if from.Before(now) {
			from = now
		}
		if !from.Before(to) {
			continue
		}
		free += to.Sub(from)
		for _, ap := range c.Appointments {
			if ap.Status == StatusCancelled || ap.Status == StatusNoShow {
				continue // its time is free again
			}
			lo, hi := ap.Start, ap.BusyUntil
			if lo.Before(from) {
				lo = from
			}
			if hi.After(to) {
				hi = to
			}
			if lo.Before(hi) {
				free -= hi.Sub(lo)
			}
		}
	}
	return max(free, 0)
}
