package till_test

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/till"
)

// TestATicketClosedWhileTheDayClosesCountsInItOrIsRefused: a ticket closed
// at the very moment the register's day is closed either counts in that
// day's expected cash, or is refused with « La caisse est fermée » and
// stays open; never closed into the day behind the count's back.
func TestATicketClosedWhileTheDayClosesCountsInItOrIsRefused(t *testing.T) {
	t.Parallel()
	b := setup(t)
	counted, refused := 0, 0
	for round := range 40 {
		if round > 0 {
			require.NoError(t, b.till().OpenDay(bg, b.salon.ID, b.register, b.owner, 10000))
		}
		id := b.paidTickets(t, 1)[0] // 10 € in cash
		start := make(chan struct{})
		var wg sync.WaitGroup
		var closeErr, dayErr error
		var closing till.DayClosing
		wg.Go(func() {
			<-start
			_, closeErr = b.till().Close(bg, b.salon.ID, id, b.owner, "EUR")
		})
		wg.Go(func() {
			<-start
			closing, dayErr = b.till().CloseDay(bg, b.salon.ID, b.register, b.owner, 10000)
		})
		close(start)
		wg.Wait()
		require.NoError(t, dayErr)
		if closeErr == nil {
			counted++
			require.Equal(t, int64(11000), closing.ExpectedCents, "round %d: the ticket closed is in its day's cash", round)
			continue
		}
		refused++
		require.Equal(t, "till.close.day_closed", errKey(closeErr), "round %d", round)
		require.Equal(t, int64(10000), closing.ExpectedCents, "round %d", round)
		require.False(t, b.get(t, id).Closed(), "round %d: the refused ticket stays open", round)
	}
	t.Logf("%d tickets counted in their day, %d refused", counted, refused)
}

// TestATicketIsNotClosedIntoASignedClosure: a server whose clock lags
// behind the day's signed Z cannot close a ticket into it: the till says
// the register is closed for that period, and no number is burnt.
func TestATicketIsNotClosedIntoASignedClosure(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ids := b.paidTickets(t, 2)
	require.Equal(t, int64(1), b.close(t, ids[0]))
	_, err := b.env.Srv.Journal.CloseToday(bg, b.salon.ID, b.register, b.salon.Location())
	require.NoError(t, err)

	back := b.env.Clock.Now()
	b.env.Clock.Set(back.Add(-time.Minute))
	_, err = b.till().Close(bg, b.salon.ID, ids[1], b.owner, "EUR")
	require.Equal(t, "till.close.period_closed", errKey(err))
	require.False(t, b.get(t, ids[1]).Closed())
	b.env.Clock.Set(back.Add(time.Second))
	require.Equal(t, int64(2), b.close(t, ids[1]), "the number was not burnt")
}
