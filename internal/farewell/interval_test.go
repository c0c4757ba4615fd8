package farewell

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/booking"
)

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return loc
}()

func day(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, paris) }

func TestTheUsualIntervalIsTheMedianGapOfTheServiceThenOfEveryVisit(t *testing.T) {
	t.Parallel()
	jan5, feb2, mar2 := day(2026, 1, 5, 10), day(2026, 2, 2, 17), day(2026, 3, 2, 9)
	summer := day(2026, 9, 7, 10) // one long absence does not move the rhythm
	cases := []struct {
		name           string
		service, every []time.Time
		want           Interval
	}{
		{"the service's visits", []time.Time{jan5, feb2, mar2, summer}, nil, Interval{Days: 28, Visits: 4, OfService: true}},
		{"two visits the same day count once", []time.Time{jan5, jan5.Add(3 * time.Hour), feb2}, nil, Interval{Days: 28, Visits: 2, OfService: true}},
		{"an even count takes the middle two", []time.Time{jan5, day(2026, 1, 25, 10), day(2026, 3, 1, 10)}, nil,
			Interval{Days: 28, Visits: 3, OfService: true}}, // gaps 20 and 35: 27.5, rounded up
		{"one visit of the service: every visit", []time.Time{mar2}, []time.Time{jan5, day(2026, 2, 16, 10), mar2},
			Interval{Days: 28, Visits: 3}},
		{"a first visit: the default", []time.Time{mar2}, []time.Time{mar2}, Interval{Days: DefaultInterval}},
		{"across the clock change, days not hours", []time.Time{day(2026, 3, 1, 10), day(2026, 4, 5, 10)}, nil,
			Interval{Days: 35, Visits: 2, OfService: true}},
	}
	for _, c := range cases {
		require.Equal(t, c.want, usualInterval(c.service, c.every), c.name)
	}
}

func TestThePickPrefersTheUsualTimeOfDayOverTheFirstFreeDay(t *testing.T) {
	t.Parallel()
	staff := uuid.New()
	slots := func(ts ...time.Time) []availability.Slot {
		var out []availability.Slot
		for _, s := range ts {
			out = append(out, availability.Slot{Start: s, Staff: []uuid.UUID{staff}})
		}
		return out
	}
	days := []booking.Day{
		{Date: day(2026, 6, 1, 0), Slots: slots(day(2026, 6, 1, 17))}, // free only at 17:00: far from 10:00
		{Date: day(2026, 6, 2, 0)},                                    // full
		{Date: day(2026, 6, 3, 0), Slots: slots(day(2026, 6, 3, 9), day(2026, 6, 3, 11), day(2026, 6, 3, 15))},
		{Date: day(2026, 6, 4, 0), Slots: slots(day(2026, 6, 4, 10))},
	}
	got, others, ok := pick(days, 10*60, uuid.Nil)
	require.True(t, ok)
	require.Equal(t, Slot{Start: day(2026, 6, 3, 9), StaffID: staff}, got, "the first day with a time near 10:00, the earlier on a tie")
	require.Equal(t, []time.Time{day(2026, 6, 3, 11), day(2026, 6, 3, 15), day(2026, 6, 4, 10)}, starts(others))

	got, _, ok = pick(days[:1], 10*60, staff)
	require.True(t, ok)
	require.Equal(t, day(2026, 6, 1, 17), got.Start, "nothing near the time: the first free day's closest")
	_, _, ok = pick(days[1:2], 10*60, staff)
	require.False(t, ok)
}

func starts(s []Slot) []time.Time {
	var out []time.Time
	for _, x := range s {
		out = append(out, x.Start)
	}
	return out
}

func TestTheTargetIsNeverBeforeTomorrow(t *testing.T) {
	t.Parallel()
	now := day(2026, 6, 10, 15)
	require.Equal(t, day(2026, 7, 8, 0), target(day(2026, 6, 10, 10), 28, now))
	require.Equal(t, day(2026, 6, 11, 0), target(day(2026, 5, 1, 10), 7, now), "a visit paid late: tomorrow at the earliest")
}
