// Package agenda holds the agenda screens: the day and week grids, the
// appointment form and the appointment panel.
package agenda

import (
	"fmt"
	"time"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/ui"
)

// rowMinutes is the height of one grid row.
const rowMinutes = 5

// Grid is an agenda view laid out for CSS grid placement classes.
type Grid struct {
	From, To int    // the window shown, in minutes from midnight
	Currency string // the salon's, for prices and balances
	Team     bool   // a week of the whole team: a lane per staff member under each day
	Hours    []Hour
	Days     []DayHead // the team week's day headers, each over its staff lanes
	Cols     []Col
	Now      *Mark
}

// DayHead is a day's header over its staff members' lanes in the team week.
type DayHead struct {
	N, Span    int // first grid column, lanes covered
	Day        time.Time
	Title, Sub string
	Href       string // that day's view
}

// Hour is a time label on the left.
type Hour struct {
	Label string
	Row   int
}

// Col is one lane: a staff member's day or one day of a week.
type Col struct {
	N        int  // grid column
	DayStart bool // the first lane of a day in the team week
	Color    int  // the staff member's colour
	Title    string
	Sub      string
	Href     string // where the header leads (the staff member's week, or that day)
	Away     string
	Cells    []Cell
	Blocks   []Block
}

// Cell is a clickable free slot, leading to the new-appointment form.
type Cell struct {
	Row, Span int
	Open      bool
	HourLine  bool
	Href      string
}

// Block is an appointment in the grid.
type Block struct {
	Row, Span int
	A         agenda.Appointment
}

// Mark is the current time's line.
type Mark struct{ Col, Row int }

// Class names for placement: see static/css/agenda.css.
func place(col, row, span int) string { return fmt.Sprintf("c-%d r-%d h-%d", col, row, max(span, 1)) }

// top is the first row of time: after the header row, and the team week's
// second one (the staff members under each day).
func (g Grid) top() int {
	if g.Team {
		return 3
	}
	return 2
}

func (g Grid) row(min int) int { return g.top() + (min-g.From)/rowMinutes }

// Build lays a view out: one lane per staff member (a day), per day (a staff
// member's week), or per staff member under each day (the team's week, team).
// step is the salon's booking grid, for click targets.
func Build(v agenda.View, step time.Duration, now time.Time, week, team bool, lang i18n.Lang, currency string) Grid {
	g := Grid{From: 8 * 60, To: 20 * 60, Currency: currency, Team: week && team}
	g.widen(v)
	stepMin := max(int(step/time.Minute), rowMinutes)
	for m := g.From; m < g.To; m += 60 {
		g.Hours = append(g.Hours, Hour{Label: fmt.Sprintf("%02d:00", m/60), Row: g.row(m)})
	}
	for i, c := range v.Columns {
		col := Col{N: i + 2, Away: c.Away, Color: c.Staff.Color}
		col.Title, col.Sub, col.Href = c.Staff.Name, "", urls.AgendaWeek()+"?staff="+c.Staff.ID.String()+"&date="+c.Day.Format(time.DateOnly)
		switch {
		case g.Team:
			if n := len(g.Days); n == 0 || !sameDay(g.Days[n-1].Day, c.Day) {
				g.Days = append(g.Days, DayHead{N: col.N, Day: c.Day, Title: ui.Weekday(lang, c.Day), Sub: ui.DayMonth(lang, c.Day),
					Href: urls.AgendaOn(c.Day)})
				col.DayStart = true
			}
			g.Days[len(g.Days)-1].Span++
		case week:
			col.Title, col.Sub = ui.Weekday(lang, c.Day), ui.DayMonth(lang, c.Day)
			col.Href = urls.AgendaOn(c.Day)
		}
		for m := g.From; m < g.To; m += stepMin {
			open := false
			for _, r := range c.Open {
				open = open || (m >= r.From && m+stepMin <= r.To)
			}
			col.Cells = append(col.Cells, Cell{Row: g.row(m), Span: stepMin / rowMinutes, Open: open, HourLine: m%60 == 0,
				Href: fmt.Sprintf("%s?staff=%s&date=%s&time=%02d:%02d", urls.AppointmentNew(), c.Staff.ID, c.Day.Format(time.DateOnly), m/60, m%60)})
		}
		for _, a := range c.Appointments {
			start, end := clip(a.Start, c.Day, g.From, g.To), clip(a.End, c.Day, g.From, g.To)
			col.Blocks = append(col.Blocks, Block{Row: g.row(start), Span: (end - start + rowMinutes - 1) / rowMinutes, A: a})
		}
		if day := c.Day; now.After(day) && now.Before(day.AddDate(0, 0, 1)) {
			if m := now.In(day.Location()).Hour()*60 + now.In(day.Location()).Minute(); m >= g.From && m < g.To {
				g.Now = &Mark{Col: col.N, Row: g.row(m)}
			}
		}
		g.Cols = append(g.Cols, col)
	}
	return g
}

// widen grows the default 08:00–20:00 window to every open range and
// appointment shown, in whole hours.
func (g *Grid) widen(v agenda.View) {
	for _, c := range v.Columns {
		for _, r := range c.Open {
			g.From, g.To = min(g.From, r.From/60*60), max(g.To, (r.To+59)/60*60)
		}
		for _, a := range c.Appointments {
			g.From = min(g.From, minuteOfDay(a.Start, c.Day)/60*60)
			g.To = max(g.To, (minuteOfDay(a.End, c.Day)+59)/60*60)
		}
	}
	g.From, g.To = max(g.From, 0), min(g.To, 24*60)
}

// minuteOfDay is the wall-clock minute of t within day (0 before the day, 1440 after).
func minuteOfDay(t, day time.Time) int {
	if t.Before(day) {
		return 0
	}
	if !t.Before(day.AddDate(0, 0, 1)) {
		return 24 * 60
	}
	t = t.In(day.Location())
	return t.Hour()*60 + t.Minute()
}

func clip(t, day time.Time, from, to int) int { return min(max(minuteOfDay(t, day), from), to) }
