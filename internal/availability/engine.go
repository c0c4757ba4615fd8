package availability

import (
	"slices"
	"sync"
	"time"
)

// engine holds one Find: inputs turned into sorted spans once, plus scratch
// buffers reused for every day and staff member. Engines are pooled so that
// a Find allocates little more than its result, which matters when every
// booking page view runs one.
type engine struct {
	loc         *time.Location
	salonHours  Week
	team        []*Staff
	blocked     [][]span // per team member: absences and busy, sorted and merged
	blockedAll  []span   // backing array of blocked
	closed      []span
	periods     []period
	first, last time.Time // local dates to scan, as UTC midnights
	occ, step   int64
	lo, hi      int64 // first and last allowed start, inclusive

	segs                    []seg
	hours, open, work, free []span
	hits, sorted            []hit
	count                   []int
}

var engines = sync.Pool{New: func() any { return new(engine) }}

// release returns e to the pool without keeping the caller's data alive.
func (e *engine) release() {
	clear(e.team)
	e.salonHours = Week{}
	engines.Put(e)
}

func (e *engine) reset(salon Salon, q Query, lo, hi time.Time) {
	e.loc = salon.Location
	if e.loc == nil {
		e.loc = time.UTC
	}
	step := salon.Step
	if step <= 0 {
		step = defaultStep
	}
	e.salonHours = salon.Hours
	e.first, e.last = localDate(lo, e.loc), localDate(hi, e.loc)
	e.occ, e.step = int64(Occupied(q.Services)), int64(step)
	// A day's instants lie within its UTC midnight shifted by at most ±14 h,
	// so a day of margin each side sees every offset the days use.
	w := newWindow(e.first.Add(-24*time.Hour), e.last.Add(48*time.Hour))
	e.lo, e.hi = w.nanos(lo), w.nanos(hi)
	e.closed = sortMerge(appendIntervals(e.closed[:0], salon.Closures, w))
	e.setBlocked(w)
	e.periods = periods(e.periods[:0], e.loc, w)
	n := int((day+e.step-1)/e.step) + 1
	e.count = slices.Grow(e.count[:0], n)[:n]
}

// localDate returns the salon-local date of t as a UTC midnight, so days can
// be stepped without daylight-saving surprises.
func localDate(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// setBlocked merges each member's absences and busy intervals.
func (e *engine) setBlocked(w window) {
	e.blockedAll = e.blockedAll[:0]
	e.blocked = slices.Grow(e.blocked[:0], len(e.team))[:len(e.team)]
	for i, st := range e.team {
		from := len(e.blockedAll)
		e.blockedAll = appendIntervals(e.blockedAll, st.Absences, w)
		e.blockedAll = appendIntervals(e.blockedAll, st.Busy, w)
		e.blocked[i] = sortMerge(e.blockedAll[from:])
	}
}

func (e *engine) run() []Slot {
	e.hits = e.hits[:0]
	for d := e.first; !d.After(e.last); d = d.AddDate(0, 0, 1) {
		from := len(e.hits)
		e.scanDay(d.UnixNano(), d.Weekday())
		e.sortDay(e.hits[from:])
	}
	return e.slots()
}

// scanDay appends the day's free starts of every team member to e.hits.
func (e *engine) scanDay(wall int64, wd time.Weekday) {
	e.segs = daySegments(e.segs[:0], e.periods, wall)
	e.hours = wallSpans(e.hours[:0], e.salonHours[wd], e.segs, wall)
	e.open = subtract(e.open[:0], e.hours, e.closed)
	if len(e.open) == 0 {
		return
	}
	for i, st := range e.team {
		e.hours = wallSpans(e.hours[:0], st.Hours[wd], e.segs, wall)
		e.work = intersect(e.work[:0], e.hours, e.open)
		e.free = subtract(e.free[:0], e.work, e.blocked[i])
		e.walk(e.free, wall, int32(i))
	}
}
