package availability

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// TestFindMatchesNaiveCheck compares the interval engine with testing every
// grid point against every constraint, on the benchmark's busy month (whose
// DST change falls on a closed Sunday, so naive wall arithmetic holds).
func TestFindMatchesNaiveCheck(t *testing.T) {
	salon, staff, q := benchSetup()
	q.Now = q.From.Add(50*time.Hour + 7*time.Minute)
	salon.MaxHorizon = 20 * 24 * time.Hour
	salon.Closures = []Interval{iv(paris, "2026-03-20 14:00", "2026-03-21 11:00")}
	staff[1].Absences = []Interval{iv(paris, "2026-03-24 00:00", "2026-03-27 00:00")}
	for _, step := range []time.Duration{10 * time.Minute, 15 * time.Minute, 25 * time.Minute} {
		salon.Step = step
		require.Equal(t, lines(naive(salon, staff, q)), lines(Find(salon, staff, q)), step)
	}
}

// lines renders slots for a readable diff: testify is slow on big structs.
func lines(slots []Slot) []string {
	out := make([]string, len(slots))
	for i, s := range slots {
		out[i] = s.Start.Format(time.RFC3339)
		for _, id := range s.Staff {
			out[i] += " " + id.String()[:8]
		}
	}
	return out
}

func naive(salon Salon, staff []Staff, q Query) []Slot {
	var out []Slot
	occ := Occupied(q.Services)
	for d := q.From; d.Before(q.To); d = d.AddDate(0, 0, 1) {
		for m := 0; m < 1440; m += int(salon.Step / time.Minute) {
			s := time.Date(d.Year(), d.Month(), d.Day(), 0, m, 0, 0, salon.Location)
			if s.Before(q.Now.Add(salon.MinNotice)) || s.After(q.Now.Add(salon.MaxHorizon)) {
				continue
			}
			var free []uuid.UUID
			for _, st := range staff {
				visit := Interval{s, s.Add(occ)}
				if within(salon.Hours, st.Hours, s.Weekday(), m, m+int(occ/time.Minute)) &&
					!overlaps(visit, salon.Closures, st.Absences, st.Busy) {
					free = append(free, st.ID)
				}
			}
			if free != nil {
				out = append(out, Slot{Start: s, Staff: free})
			}
		}
	}
	return out
}

func within(salon, staff Week, wd time.Weekday, from, to int) bool {
	in := func(rs []Range) bool {
		for _, r := range rs {
			if r.From <= from && to <= r.To {
				return true
			}
		}
		return false
	}
	return in(salon[wd]) && in(staff[wd])
}

func overlaps(visit Interval, lists ...[]Interval) bool {
	for _, list := range lists {
		for _, b := range list {
			if b.Start.Before(visit.End) && visit.Start.Before(b.End) {
				return true
			}
		}
	}
	return false
}

// Engines are pooled: a result must not share memory with them, and
// concurrent calls must not see each other's state.
func TestFindResultsAreIndependent(t *testing.T) {
	salon, staff, q := benchSetup()
	first := Find(salon, staff, q)
	snapshot := fmt.Sprint(first)
	alone := q
	alone.StaffID = staff[3].ID
	results := make([][]Slot, 8)
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() {
			if i%2 == 1 {
				Find(salon, staff, alone)
			}
			results[i] = Find(salon, staff, q)
		})
	}
	wg.Wait()
	require.Equal(t, snapshot, fmt.Sprint(first))
	for _, r := range results {
		require.Equal(t, first, r)
	}
}
