package journal_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/store"
)

// TestForgottenClosuresRunByThemselves: the sweep closes each ended day
// that had entries, then the ended month, then the ended year, once; today
// waits for midnight. Not parallel: the sweep spans every salon of the
// database, and would close the other tests' days under their feet.
func TestForgottenClosuresRunByThemselves(t *testing.T) {
	b := setup(t)
	ctx := context.Background()
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(5, 6))
	register := uuid.New()
	now := b.env.Clock.Now().In(paris)
	lastMonth, _ := journal.Bounds(journal.Month, now.AddDate(0, -1, 0), paris)
	thisMonth, _ := journal.Bounds(journal.Month, now, paris)
	var total int64
	for _, at := range []time.Time{lastMonth.Add(10 * time.Hour), lastMonth.AddDate(0, 0, 1).Add(15 * time.Hour),
		thisMonth.Add(11 * time.Hour), now.Add(-time.Second)} {
		if at.After(now) {
			at = now.Add(-time.Second)
		}
		total += b.doc(t, rng, register, at).InclCents
	}
	today, _ := journal.Bounds(journal.Day, now, paris)

	n, err := b.j.CloseDue(ctx)
	require.NoError(t, err)
	wantDays := 3 // two days last month, the first of this one (unless it is today)
	if today.Equal(thisMonth) {
		wantDays = 2
	}
	require.Equal(t, wantDays+1, n, "the ended days and last month")
	n, err = b.j.CloseDue(ctx)
	require.NoError(t, err)
	require.Zero(t, n, "nothing is closed twice")

	_, yearEnd := journal.Bounds(journal.Year, now, paris)
	b.env.Clock.Set(yearEnd.Add(30 * time.Minute))
	n, err = b.j.CloseDue(ctx)
	require.NoError(t, err)
	require.Equal(t, 3, n, "today, this month, the year")

	var closures []journal.ClosureRow
	require.NoError(t, b.env.Srv.DB.WithTenant(ctx, b.salon, func(tx store.Tx) error {
		closures, err = b.j.Closures(ctx, tx, b.salon, 50)
		return err
	}))
	year := closures[0].Closure
	require.Equal(t, journal.Year, year.Period)
	require.Equal(t, total, year.InclCents)
	require.Equal(t, total, year.GrandTotal)
}
