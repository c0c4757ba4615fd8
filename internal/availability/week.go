package availability

import (
	"slices"
	"time"
)

// Working is when a team member can take clients on each weekday: their own
// hours within the salon's opening hours, or the salon's hours when they
// have none of their own (the rule the booking pages follow).
func Working(salon, staff Week) Week {
	if staff.Empty() {
		return salon
	}
	var out Week
	for d := range out {
		a, b := daySpans(salon[d]), daySpans(staff[d])
		for _, sp := range intersect(nil, a, b) {
			out[d] = append(out[d], Range{From: int(sp.start), To: int(sp.end)})
		}
	}
	return out
}

// Empty reports whether the week has no hours at all.
func (w Week) Empty() bool {
	for _, day := range w {
		if len(day) > 0 {
			return false
		}
	}
	return true
}

// Longest is the longest unbroken span of the week: a visit longer than it
// can never be booked.
func (w Week) Longest() time.Duration {
	var best int64
	for _, day := range w {
		for _, sp := range daySpans(day) {
			best = max(best, sp.end-sp.start)
		}
	}
	return time.Duration(best) * time.Minute
}

// Minutes is how long the ranges of one day last together, overlaps counted once.
func (w Week) Minutes(d time.Weekday) int {
	n := 0
	for _, sp := range daySpans(w[d]) {
		n += int(sp.end - sp.start)
	}
	return n
}

// daySpans turns a day's ranges (minutes) into sorted, merged spans.
func daySpans(rs []Range) []span {
	out := make([]span, 0, len(rs))
	for _, r := range rs {
		if r.From < r.To {
			out = append(out, span{int64(r.From), int64(r.To)})
		}
	}
	return sortMerge(out)
}

// Hours is the range between two whole hours of a day: Hours(9, 19) is
// 09:00–19:00. Callers that set hours in code (the demo, tests) read better
// with it than with minutes.
func Hours(from, to int) Range { return Range{From: from * 60, To: to * 60} }

// Daily is a week with the same ranges every day (each day its own copy).
func Daily(rs ...Range) Week {
	var w Week
	for d := range w {
		w[d] = slices.Clone(rs)
	}
	return w
}
