package seed

import (
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func testYear(t *testing.T) year {
	loc, err := time.LoadLocation(zone)
	require.NoError(t, err)
	return yearAround(time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC), loc)
}

// TestASalonIsTheSameEveryRun: a salon depends on the seed, its number and
// the day only, so two runs (or a run resumed) write the same data.
func TestASalonIsTheSameEveryRun(t *testing.T) {
	y := testYear(t)
	require.True(t, reflect.DeepEqual(generate(1, 5, y), generate(1, 5, y)))
	require.False(t, reflect.DeepEqual(generate(1, 5, y), generate(2, 5, y)), "another seed, another salon")
}

// TestAThousandSalonsWouldHoldTheAskedShapes generates 200 salons in
// memory: on average about 100 clients and 2,000 visits a salon (a
// thousand salons: ~100,000 clients, ~2 million visits), teams of 2 to 15,
// catalogues of 20 to 60, and no member booked twice at once.
func TestAThousandSalonsWouldHoldTheAskedShapes(t *testing.T) {
	y := testYear(t)
	const n = 200
	var clients, visits int
	for i := 1; i <= n; i++ {
		s := generate(1, i, y)
		require.GreaterOrEqual(t, len(s.staff), 2)
		require.LessOrEqual(t, len(s.staff), 15)
		require.GreaterOrEqual(t, len(s.services), 20)
		require.LessOrEqual(t, len(s.services), 60)
		clients += len(s.customers)
		visits += len(s.visits)
		last := map[int]time.Time{}
		for _, v := range s.visits { // made day by day, member by member, in order
			require.False(t, v.start.Before(last[v.staff]), "%s: visits of a member overlap", Slug(i))
			last[v.staff] = v.busy
			require.True(t, v.start.Before(v.end) && !v.end.After(v.busy))
		}
	}
	t.Logf("per salon: %d clients, %d visits", clients/n, visits/n)
	require.InDelta(t, 100, clients/n, 25)
	require.InDelta(t, 2000, visits/n, 400)
}
