package availability

import (
	"time"

	"github.com/google/uuid"
)

// Interval is a half-open span of absolute time [Start, End).
type Interval struct{ Start, End time.Time }

// Range is a span of wall-clock time within one local day, in minutes from
// local midnight: 0 <= From < To <= 1440. {540, 720} is 09:00–12:00.
//
// A range covers every instant whose local wall clock reads within it, so on
// a daylight-saving day 09:00–18:00 is still 09:00–18:00 on the clock, and a
// night range crossing the change is shorter or longer in real time.
type Range struct{ From, To int }

// Week holds ranges per weekday, indexed by time.Weekday (0 = Sunday).
// Several ranges a day are allowed (e.g. lunch break); they may arrive
// unsorted or overlapping.
type Week [7][]Range

// Salon is what the salon decides.
type Salon struct {
	// Location is the salon's time zone; every wall-clock time is read in
	// it. Nil means UTC.
	Location *time.Location
	Hours    Week       // opening hours
	Closures []Interval // salon closed (holidays, works), absolute times
	// Step is the slot grid, aligned on local midnight (09:00, 09:15, …).
	// Zero or negative means 15 minutes. It should divide a day into a
	// reasonable number of points (minutes, not nanoseconds).
	Step       time.Duration
	MinNotice  time.Duration // earliest bookable start is Now+MinNotice
	MaxHorizon time.Duration // latest bookable start is Now+MaxHorizon; 0 means no limit
}

// Staff is one staff member's availability.
type Staff struct {
	ID       uuid.UUID
	Hours    Week       // working hours
	Absences []Interval // leave, sickness, training
	// Busy holds existing appointments and pending holds, buffers included;
	// they may overlap and arrive unsorted.
	Busy     []Interval
	Services map[uuid.UUID]bool // services this person performs
}

// Service is one service of a visit.
type Service struct {
	ID          uuid.UUID
	Duration    time.Duration
	BufferAfter time.Duration // clean-up time after the service
}

// Query asks for the free start times of a visit.
type Query struct {
	// Services are performed back-to-back, in this order, by ONE staff
	// member: the client stays in the same chair.
	Services []Service
	// StaffID picks one staff member; uuid.Nil means "anyone" who can
	// perform every service of the visit.
	StaffID uuid.UUID
	// From and To bound the starts: From <= start < To. Callers pass
	// local-midnight bounds; they also bound the work done, so they must be
	// real dates.
	From, To time.Time
	Now      time.Time
}

// Slot is a bookable start time and who is free for the whole visit then.
type Slot struct {
	Start time.Time   // in the salon's Location
	Staff []uuid.UUID // free staff, in the order of the staff slice given to Find
}

const defaultStep = 15 * time.Minute

// Occupied returns how long a visit keeps its staff member busy:
// the sum of every service's Duration + BufferAfter.
func Occupied(services []Service) time.Duration {
	var d time.Duration
	for _, s := range services {
		d += s.Duration + s.BufferAfter
	}
	return d
}

// Find returns the bookable slots, sorted by start.
//
// A visit starting at s occupies its staff member for [s, s+Occupied). That
// whole interval must lie within both the salon's opening hours and the
// staff member's working hours of the local day of s (the clean-up happens
// during hours too), and must not overlap any closure, absence or busy
// interval. Starts are grid points of the local day with
// max(From, Now+MinNotice) <= start < To and start <= Now+MaxHorizon.
//
// On a daylight-saving day, wall times skipped by the clock are never
// offered, and wall times the clock shows twice are offered once, at their
// first occurrence: a client books "02:30", not one of two instants. The
// repeated hour still counts as working time for a visit running through it.
//
// An empty visit, a visit taking no time, an unknown StaffID or a staff
// member who lacks one of the services give no slots.
func Find(salon Salon, staff []Staff, q Query) []Slot {
	if Occupied(q.Services) <= 0 {
		return nil
	}
	lo, hi := startBounds(salon, q)
	if hi.Before(lo) {
		return nil
	}
	e := engines.Get().(*engine)
	defer e.release()
	if e.team = eligible(e.team[:0], staff, q); len(e.team) == 0 {
		return nil
	}
	e.reset(salon, q, lo, hi)
	return e.run()
}

// eligible appends the staff who may take the visit, in input order.
func eligible(team []*Staff, staff []Staff, q Query) []*Staff {
	for i := range staff {
		st := &staff[i]
		if q.StaffID != uuid.Nil && st.ID != q.StaffID {
			continue
		}
		if performsAll(st, q.Services) {
			team = append(team, st)
		}
		if q.StaffID != uuid.Nil {
			break
		}
	}
	return team
}

func performsAll(st *Staff, services []Service) bool {
	for _, s := range services {
		if !st.Services[s.ID] {
			return false
		}
	}
	return true
}

// startBounds returns the first and last allowed start, both inclusive.
func startBounds(salon Salon, q Query) (lo, hi time.Time) {
	lo = q.From
	if earliest := q.Now.Add(salon.MinNotice); earliest.After(lo) {
		lo = earliest
	}
	hi = q.To.Add(-1)
	if salon.MaxHorizon > 0 {
		if latest := q.Now.Add(salon.MaxHorizon); latest.Before(hi) {
			hi = latest
		}
	}
	return lo, hi
}
