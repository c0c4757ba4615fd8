package agenda

import (
	"time"

	"github.com/a-h/templ"

	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/urls"
)

// Page is what the agenda screen shows.
type Page struct {
	Date    time.Time // the day shown (or a day of the week shown)
	Today   time.Time
	Week    bool
	StaffID string        // the staff member of a week view, "" for the whole team
	Staff   []team.Member // active staff, for the week picker
	Grid    Grid
	Panel   templ.Component // an open panel (form or appointment), or nil
}

func (p Page) dayURL(d time.Time) string { return urls.AgendaOn(d) }

func (p Page) weekURL(d time.Time) string { return weekOf(p.StaffID, d) }

// weekOf is a staff member's week, or the whole team's when staffID is "".
func weekOf(staffID string, d time.Time) string {
	if staffID == "" {
		return urls.AgendaWeekOf(d)
	}
	return urls.AgendaWeek() + "?staff=" + staffID + "&date=" + d.Format(time.DateOnly)
}

// step moves the page by one unit (a day, or a week).
func (p Page) step(n int) string {
	if p.Week {
		return p.weekURL(p.Date.AddDate(0, 0, 7*n))
	}
	return p.dayURL(p.Date.AddDate(0, 0, n))
}

func (p Page) here(d time.Time) string {
	if p.Week {
		return p.weekURL(d)
	}
	return p.dayURL(d)
}

// weekStart is the Monday of the week shown.
func (p Page) weekStart() time.Time { return p.Date.AddDate(0, 0, -((int(p.Date.Weekday()) + 6) % 7)) }

// calendarDays is the month of p.Date as whole weeks, Monday first.
func (p Page) calendarDays() [][]time.Time {
	first := time.Date(p.Date.Year(), p.Date.Month(), 1, 0, 0, 0, 0, p.Date.Location())
	last := first.AddDate(0, 1, -1)
	start := first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7))
	end := last.AddDate(0, 0, (7-int(last.Weekday()))%7)
	var weeks [][]time.Time
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		if (int(d.Weekday())+6)%7 == 0 {
			weeks = append(weeks, nil)
		}
		weeks[len(weeks)-1] = append(weeks[len(weeks)-1], d)
	}
	return weeks
}

func sameDay(a, b time.Time) bool { return a.Year() == b.Year() && a.YearDay() == b.YearDay() }

func dayClass(d, month, today time.Time) string {
	c := ""
	if d.Month() != month.Month() {
		c += "other "
	}
	if sameDay(d, today) {
		c += "today"
	}
	return c
}
