// Package agenda holds the agenda screens: the day and week grids, the
// appointment form and the appointment panel.
package agenda

import (
	"fmt"
	"time"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/views/ui"
)

// rowMinutes is the height of one grid row.
const rowMinutes = 5

// Grid is an agenda view laid out for CSS grid placement classes.
type Grid struct {
	From, To int // the window shown, in minutes from midnight
	Hours    []Hour
	Cols     []Col
	Now      *Mark
}

// Hour is a time label on the left.
type Hour struct {
	Label string
	Row   int
}

// Col is one lane: a staff member's day or one day of a week.
type Col struct {
	N      int // grid column
	Title  string
	Sub    string
	Href   string // where the header leads (the staff member's week, or that day)
	Away   string
	Cells  []Cell
	Blocks []Block
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

func (g Grid) row(min int) int { return 2 + (min-g.From)/rowMinutes }

// Build lays a view out: one lane per staff member (a day) or per day (a
// staff member's week). step is the salon's booking grid, for click targets.
func Build(v agenda.View, step time.Duration, now time.Time, week bool, lang i18n.Lang) Grid {
	g := Grid{From: 8 * 60, To: 20 * 60}
	g.widen(v)
	stepMin := max(int(step/time.Minute), rowMinutes)
	for m := g.From; m < g.To; m += 60 {
		g.Hours = append(g.Hours, Hour{Label: fmt.Sprintf("%02d:00", m/60), Row: g.row(m)})
	}
	for i, c := range v.Columns {
		col := Col{N: i + 2, Away: c.Away}
		col.Title, col.Sub, col.Href = c.Staff.Name, "", "/app/agenda/week?staff="+c.Staff.ID.String()+"&date="+c.Day.Format(time.DateOnly)
		if week {
			col.Title, col.Sub = ui.Weekday(lang, c.Day), ui.DayMonth(lang, c.Day)
			col.Href = "/app/agenda?date=" + c.Day.Format(time.DateOnly)
		}
		for m := g.From; m < g.To; m += stepMin {
			open := false
			for _, r := range c.Open {
				open = open || (m >= r.From && m+stepMin <= r.To)
			}
			col.Cells = append(col.Cells, Cell{Row: g.row(m), Span: stepMin / rowMinutes, Open: open, HourLine: m%60 == 0,
				Href: fmt.Sprintf("/app/appointments/new?staff=%s&date=%s&time=%02d:%02d", c.Staff.ID, c.Day.Format(time.DateOnly), m/60, m%60)})
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
