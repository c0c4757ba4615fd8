package journal_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/store"
)

// TestRacingAppendsAreDatedInChainOrder: callers that date their entries
// just before appending, racing on one register, still get a chain whose
// times never go back as its numbers go forward: the journal dates an entry
// once it holds the chain.
func TestRacingAppendsAreDatedInChainOrder(t *testing.T) {
	t.Parallel()
	b := setup(t)
	register := uuid.New()
	const n, workers = 400, 8
	start := make(chan struct{})
	jobs := make(chan int, n)
	for i := range n {
		jobs <- i
	}
	close(jobs)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			<-start
			for range jobs {
				ev := journal.Event{Name: "till_sign_in"}
				err := b.env.Srv.DB.WithTenant(context.Background(), b.salon, func(tx store.Tx) error {
					_, err := b.j.Append(context.Background(), tx, journal.Entry{TenantID: b.salon, RegisterID: register,
						Kind: journal.KindEvent, At: b.env.Clock.Now(), Event: &ev})
					return err
				})
				if err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	close(start)
	wg.Wait()
	var times []time.Time
	require.NoError(t, b.env.Srv.DB.WithTenant(context.Background(), b.salon, func(tx store.Tx) error {
		rows, err := tx.Raw().Query(context.Background(), `SELECT at FROM journal_entries WHERE register_id = $1 ORDER BY seq`, register)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var at time.Time
			if err := rows.Scan(&at); err != nil {
				return err
			}
			times = append(times, at)
		}
		return rows.Err()
	}))
	require.Len(t, times, n)
	for i := 1; i < n; i++ {
		require.False(t, times[i].Before(times[i-1]), "entry %d is dated %s, before entry %d (%s)", i+1, times[i], i, times[i-1])
	}
}

// TestNoDocumentIsRecordedIntoAClosedPeriod: once a day's closure is
// signed, a ticket dated in that day — by a server whose clock lags — is
// refused with ErrPeriodClosed and leaves no trace; after the period, it is
// recorded.
func TestNoDocumentIsRecordedIntoAClosedPeriod(t *testing.T) {
	t.Parallel()
	b := setup(t)
	rng := rand.New(rand.NewPCG(21, 22))
	register := uuid.New()
	yesterday, today := journal.Bounds(journal.Day, b.env.Clock.Now().AddDate(0, 0, -1), time.UTC)
	b.doc(t, rng, register, yesterday.Add(10*time.Hour))
	closed := b.close(t, register, journal.Day, yesterday, today)

	back := b.env.Clock.Now()
	b.env.Clock.Set(yesterday.Add(23 * time.Hour))
	d := randomDocument(rng, 2)
	err := b.env.Srv.DB.WithTenant(context.Background(), b.salon, func(tx store.Tx) error {
		_, err := b.j.Append(context.Background(), tx, journal.Entry{TenantID: b.salon, RegisterID: register, Kind: journal.KindTicket, Document: &d})
		return err
	})
	require.ErrorIs(t, err, journal.ErrPeriodClosed)
	b.env.Clock.Set(back)

	require.Equal(t, closed, b.close(t, register, journal.Day, yesterday, today), "the closure is as signed")
	require.Equal(t, int64(3), b.add(t, journal.Entry{TenantID: b.salon, RegisterID: register, Kind: journal.KindTicket, Document: &d}),
		"today's ticket follows the closure")
}
