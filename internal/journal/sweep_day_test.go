package journal_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/till"
)

// TestTheDaysZComesAnHourAfterTheSalonCloses: on a Tuesday the salon opens
// 09:00–19:00. At 19:30 nothing is closed; at 20:05 the register with no
// open ticket has its day closed up to 20:00, while the one with a client
// still at the till waits; once that ticket is closed (20:10), its day is
// closed just after it. A ticket at 21:00 is still taken, and goes to the
// rest of the day, closed after midnight. Not parallel: the sweep spans
// every salon of the database.
func TestTheDaysZComesAnHourAfterTheSalonCloses(t *testing.T) {
	b := setup(t)
	ctx := context.Background()
	s := b.env.NewSalon("Institut du Soir")
	b.salon = s.ID
	actor := s.OwnerID
	sal, err := b.env.Srv.Salons.Get(ctx, b.salon)
	require.NoError(t, err)
	loc := sal.Location()
	var week availability.Week
	week[time.Tuesday] = []availability.Range{{From: 9 * 60, To: 19 * 60}}
	require.NoError(t, b.env.Srv.Salons.SetHours(ctx, b.salon, week))
	// A Tuesday two years ahead: no other test's period ends around it.
	day := time.Date(b.env.Clock.Now().Year()+2, time.March, 1, 0, 0, 0, 0, loc)
	for day.Weekday() != time.Tuesday {
		day = day.AddDate(0, 0, 1)
	}
	at := func(h, m int) time.Time { return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, loc) }
	owner := b.env.Srv.Till

	b.env.Clock.Set(at(10, 0))
	late, early := register(t, owner, b.salon, actor, "Comptoir"), register(t, owner, b.salon, actor, "Cabine")
	sell(t, owner, b.salon, early, actor, true)
	sell(t, owner, b.salon, late, actor, true)
	waiting := sell(t, owner, b.salon, late, actor, false)

	sweep := func(h, m int) []journal.ClosureRow {
		b.env.Clock.Set(at(h, m))
		_, err := b.j.CloseDue(ctx)
		require.NoError(t, err)
		var rows []journal.ClosureRow
		require.NoError(t, b.env.Srv.DB.WithTenant(ctx, b.salon, func(tx store.Tx) error {
			rows, err = b.j.Closures(ctx, tx, b.salon, 50)
			return err
		}))
		return rows
	}
	require.Empty(t, sweep(19, 30), "the grace hour has not passed")
	closed := sweep(20, 5)
	require.Len(t, closed, 1, "the register with a client at the till waits")
	require.Equal(t, early, closed[0].Register)
	require.True(t, at(20, 0).Equal(closed[0].To), "closed at 19:00 plus an hour, not %s", closed[0].To.In(loc))
	require.Equal(t, int64(1), closed[0].Documents)

	b.env.Clock.Set(at(20, 10))
	require.NoError(t, owner.AddPayment(ctx, b.salon, waiting, till.PaymentInput{Method: till.MethodCash, AmountCents: 1000, Actor: actor}))
	_, err = owner.Close(ctx, b.salon, waiting, actor, "EUR")
	require.NoError(t, err)
	closed = sweep(20, 20)
	require.Len(t, closed, 2)
	require.Equal(t, late, closed[0].Register)
	require.Equal(t, int64(2), closed[0].Documents, "the late client is in the day's Z")
	require.True(t, closed[0].To.After(at(20, 10)) && closed[0].To.Before(at(20, 11)), "closed just after the last ticket, %s", closed[0].To.In(loc))

	b.env.Clock.Set(at(21, 0))
	sell(t, owner, b.salon, early, actor, true)
	b.env.Clock.Set(at(23, 59))
	require.Len(t, sweep(23, 59), 2, "the rest of the day waits for midnight")
	closed = sweep(24, 30)
	require.Len(t, closed, 3)
	require.Equal(t, early, closed[0].Register)
	require.True(t, at(20, 0).Equal(closed[0].From) && at(24, 0).Equal(closed[0].To), "%s – %s", closed[0].From, closed[0].To)
	require.Equal(t, int64(1), closed[0].Documents)
}

func register(t *testing.T, tl *till.Till, salonID, actor uuid.UUID, name string) uuid.UUID {
	t.Helper()
	id, err := tl.CreateRegister(context.Background(), salonID, name)
	require.NoError(t, err)
	require.NoError(t, tl.OpenDay(context.Background(), salonID, id, actor, 0))
	return id
}

// sell opens a ticket of 10 € on the register; paid in cash and closed
// when closeIt, else left open with nothing paid.
func sell(t *testing.T, tl *till.Till, salonID, registerID, actor uuid.UUID, closeIt bool) uuid.UUID {
	t.Helper()
	ctx := context.Background()
	id, err := tl.OpenTicket(ctx, salonID, registerID, uuid.Nil, actor)
	require.NoError(t, err)
	require.NoError(t, tl.AddLine(ctx, salonID, id, till.LineInput{Kind: till.LineFree, Label: "Forfait", Quantity: 1, UnitCents: 1000, RateBP: 2000}))
	if closeIt {
		require.NoError(t, tl.AddPayment(ctx, salonID, id, till.PaymentInput{Method: till.MethodCash, AmountCents: 1000, Actor: actor}))
		_, err = tl.Close(ctx, salonID, id, actor, "EUR")
		require.NoError(t, err)
	}
	return id
}
