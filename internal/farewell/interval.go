package farewell

import (
	"slices"
	"time"
)

// DefaultInterval is the wait proposed to a client whose visits say nothing
// yet (fewer than two): services carry no interval of their own, and four
// weeks is the common rhythm of a salon's regulars (a cut, a colour's roots).
const DefaultInterval = 28

// Interval is the usual time between a client's visits.
type Interval struct {
	Days      int
	Visits    int  // how many visits (distinct days) it comes from; 0: DefaultInterval
	OfService bool // from the visits of the service itself, not from every visit
}

// usualInterval is the median gap between the days of the visits of the
// service when there are at least two, else between the days of every
// visit, else DefaultInterval. The median, not the mean: one summer away
// does not move a client's rhythm.
func usualInterval(serviceDays, allDays []time.Time) Interval {
	if d := civilDays(serviceDays); len(d) >= 2 {
		return Interval{Days: medianGap(d), Visits: len(d), OfService: true}
	}
	if d := civilDays(allDays); len(d) >= 2 {
		return Interval{Days: medianGap(d), Visits: len(d)}
	}
	return Interval{Days: DefaultInterval}
}

// civilDays is the distinct calendar days of the times (each read in its
// own zone), oldest first, as day numbers: a gap is then a subtraction that
// no daylight-saving change can skew.
func civilDays(ts []time.Time) []int {
	out := make([]int, 0, len(ts))
	for _, t := range ts {
		out = append(out, dayNumber(t))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func dayNumber(t time.Time) int {
	return int(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// medianGap is the median of the gaps between consecutive days (at least
// two days, distinct and sorted), rounded to the nearest day.
func medianGap(days []int) int {
	gaps := make([]int, 0, len(days)-1)
	for i := 1; i < len(days); i++ {
		gaps = append(gaps, days[i]-days[i-1])
	}
	slices.Sort(gaps)
	n := len(gaps)
	if n%2 == 1 {
		return gaps[n/2]
	}
	return (gaps[n/2-1] + gaps[n/2] + 1) / 2
}
