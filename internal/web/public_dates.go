package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// PublicDays is how many days the date strip shows at once; the client
// pages through the following ones up to the salon's booking horizon.
const PublicDays = 14

// window is the days the pick-a-time step works out: the 14-day page of the
// strip holding ?date= (pages count from today: today to day 13, day 14 to
// 27, …), or for the times fragment only the chosen day, which shows no
// strip: computing the other thirteen days would be most of the request's
// work for nothing.
type window struct {
	today time.Time
	from  time.Time
	n     int
	date  time.Time // the ?date= asked for, when dated
	dated bool
}

func (s *Server) window(c *fiber.Ctx, loc *time.Location, timesOnly bool) window {
	now := s.Clock.Now().In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	date, derr := time.ParseInLocation(time.DateOnly, c.Query("date"), loc)
	w := window{today: today, from: today, n: PublicDays, date: date, dated: derr == nil}
	if w.dated && date.After(today) {
		page := daysBetween(today, date) / PublicDays
		w.from = today.AddDate(0, 0, page*PublicDays)
	}
	if timesOnly && w.dated && !date.Before(today) {
		w.from, w.n = date, 1
	}
	return w
}

// daysBetween counts calendar days, whatever the clock change in between.
func daysBetween(a, b time.Time) int {
	ua := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	ub := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(ub.Sub(ua) / (24 * time.Hour))
}

// pages are the first days of the strip's previous and next pages: none
// before today, none past the last day the salon takes bookings for.
func pages(w window, horizonDays int) (earlier, later *time.Time) {
	if w.from.After(w.today) {
		e := w.from.AddDate(0, 0, -PublicDays)
		// A date typed far past the horizon steps back to the last page at once.
		if last := w.today.AddDate(0, 0, horizonDays/PublicDays*PublicDays); e.After(last) {
			e = last
		}
		if e.Before(w.today) {
			e = w.today
		}
		earlier = &e
	}
	if l := w.from.AddDate(0, 0, w.n); daysBetween(w.today, l) <= horizonDays {
		later = &l
	}
	return earlier, later
}
