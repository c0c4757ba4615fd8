package seed

import (
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/customer"
)

type visit struct {
	id               uuid.UUID
	staff, customer  int
	start, end, busy time.Time
	status, note     string
	lines            []line
	reminded         bool
	created, updated time.Time
}

type line struct {
	service  int
	price    int64
	discount int32 // basis points: the employees' category
}

// employeeDiscount is what sign-up gives the employee category (customer's
// default categories): their visits are priced like the agenda prices them.
const employeeDiscount = 2000

// book fills the year: each working day of each member, a walk through
// their hours placing visits back to back or with gaps, so no two visits
// of a member overlap (the agenda's exclusion constraint). Past visits are
// done, no-shows or cancelled; coming ones booked, confirmed or cancelled,
// fewer the further ahead.
func (s *salon) book(r *rand.Rand, g ids, y year) {
	busy := 0.1 + 0.16*r.Float64() // chance a free quarter-hour gets booked
	open := map[time.Weekday]bool{}
	for _, h := range s.opening {
		open[h.weekday] = true
	}
	for day := y.first; !day.After(y.last); day = day.AddDate(0, 0, 1) {
		if !open[day.Weekday()] || within(day, s.closures) {
			continue
		}
		chance := busy
		if ahead := day.Sub(y.today).Hours() / 24; ahead >= 0 {
			chance *= max(0.1, 1-ahead/100)
		}
		for k, m := range s.staff {
			if within(day, m.absences) {
				continue
			}
			for _, h := range m.week {
				if h.weekday == day.Weekday() {
					s.walk(r, g, y, day, k, h, chance)
				}
			}
		}
	}
}

func (s *salon) walk(r *rand.Rand, g ids, y year, day time.Time, k int, h hours, chance float64) {
	m := s.staff[k]
	for t := h.from; t+15 <= h.till; {
		if r.Float64() >= chance {
			t += 15 * (1 + r.IntN(4))
			continue
		}
		lines := []line{{service: m.services[r.IntN(len(m.services))]}}
		if r.IntN(6) == 0 {
			if other := m.services[r.IntN(len(m.services))]; other != lines[0].service {
				lines = append(lines, line{service: other})
			}
		}
		length, tail := 0, 0
		for i, l := range lines {
			sv := s.services[l.service]
			length += sv.minutes
			if i < len(lines)-1 {
				length += sv.buffer
			} else {
				tail = sv.buffer
			}
		}
		if t+length+tail > h.till {
			return
		}
		start := time.Date(day.Year(), day.Month(), day.Day(), t/60, t%60, 0, 0, y.loc)
		v := visit{id: g.next(), staff: k, customer: s.regular(r), start: start,
			end: start.Add(time.Duration(length) * time.Minute), lines: lines}
		v.busy = v.end.Add(time.Duration(tail) * time.Minute)
		s.price(&v)
		s.outcome(r, &v, y.now)
		s.visits = append(s.visits, v)
		t += length + tail
		t += (15 - t%15) % 15
	}
}

func (s *salon) price(v *visit) {
	for i := range v.lines {
		p := s.services[v.lines[i].service].price
		if s.customers[v.customer].category == 3 {
			v.lines[i].discount = employeeDiscount
			p = customer.Discounted(p, employeeDiscount)
		}
		v.lines[i].price = p
	}
}

// outcome sets the visit's status and its dates of booking and change.
func (s *salon) outcome(r *rand.Rand, v *visit, today time.Time) {
	v.created = v.start.AddDate(0, 0, -1-r.IntN(40)).Add(-time.Duration(r.IntN(600)) * time.Minute)
	if v.created.After(today) { // booked by now, not in the future
		v.created = today.Add(-time.Duration(1+r.IntN(30*24*60)) * time.Minute)
	}
	v.updated = v.created
	k := r.IntN(100)
	if v.start.Before(today) {
		switch {
		case k < 5:
			v.status, v.updated = agenda.StatusNoShow, v.busy
		case k < 12:
			v.status = agenda.StatusCancelled
			v.updated = v.created.Add(time.Duration(float64(v.start.Sub(v.created)) * r.Float64()))
		default:
			v.status, v.updated = agenda.StatusDone, v.busy
		}
		c := s.customers[v.customer]
		v.reminded = v.status != agenda.StatusCancelled && (c.phone != "" || c.email != "") && r.IntN(100) < 85
	} else {
		switch {
		case k < 6:
			v.status = agenda.StatusCancelled
			v.updated = v.created.Add(time.Duration(float64(today.Sub(v.created)) * r.Float64()))
		case v.start.Before(today.AddDate(0, 0, 7)) && k < 55:
			v.status = agenda.StatusConfirmed
		default:
			v.status = agenda.StatusBooked
		}
	}
	if r.IntN(100) < 5 {
		v.note = pick(r, visitNotes)
	}
	// A client's record exists before their first booking.
	if c := &s.customers[v.customer]; v.created.Before(c.created) {
		c.created = v.created.Add(-time.Duration(1+r.IntN(120)) * time.Minute)
	}
}
