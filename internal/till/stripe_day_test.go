package till_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/till"
)

// The client pays on their phone after the cashier closed the register's
// day: the money is recorded on the ticket, which waits open for the next
// day instead of the event failing (and being retried) forever.
func TestPhonePaymentAfterTheDayClosedIsKeptOnTheOpenTicket(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	id := p.ticket(t)
	l := p.link(t, id)
	_, err := env.Srv.Till.CloseDay(bg, p.salon, p.reg, p.owner, 0)
	require.NoError(t, err)

	outcome, err := env.Srv.Till.SettleLink(bg, p.paid(l, p.account, p.salon))
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(outcome, "till link paid, ticket left open"), outcome)
	tk := p.get(t, id)
	require.False(t, tk.Closed(), "no receipt into a closed day")
	require.Len(t, tk.Payments, 1)
	require.Equal(t, till.MethodStripe, tk.Payments[0].Method)
	require.Zero(t, tk.DueCents(), "the client owes nothing more")
	require.Equal(t, 0, p.signed(t))
	require.Empty(t, env.Stripe.CallsOn(p.account, "/v1/refunds"), "the payment is kept, not given back")

	again, err := env.Srv.Till.SettleLink(bg, p.paid(l, p.account, p.salon))
	require.NoError(t, err)
	require.Equal(t, "till link already paid", again, "a retried event records nothing twice")
	require.Len(t, p.get(t, id).Payments, 1)

	require.NoError(t, env.Srv.Till.OpenDay(bg, p.salon, p.reg, p.owner, 0))
	n, err := env.Srv.Till.Close(bg, p.salon, id, p.owner, "EUR")
	require.NoError(t, err)
	require.Equal(t, int64(1), n, "the next day closes it with the first number")
	require.Equal(t, 1, p.signed(t))
}

// A phone payment arriving while the register's day is being closed waits
// for the closing without holding its ticket: a closing that goes over the
// register's open tickets (as the next day's carry-over would) finishes, and
// the payment is then kept on the ticket, left open for the next day. Taking
// the ticket before the day, the two would wait on each other until Postgres
// killed one (40P01).
func TestAPhonePaymentWaitingOnTheDaysClosingHoldsNoTicket(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	id := p.ticket(t)
	l := p.link(t, id)

	var outcome string
	var settleErr error
	settled := make(chan struct{})
	closing := env.Srv.DB.WithTenant(bg, p.salon, func(tx store.Tx) error {
		day, err := tx.RegisterDayLock(bg, dbq.RegisterDayLockParams{TenantID: p.salon, RegisterID: p.reg})
		if err != nil {
			return err
		}
		var pid int32
		if err := tx.Raw().QueryRow(bg, `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
			return err
		}
		go func() {
			defer close(settled)
			outcome, settleErr = env.Srv.Till.SettleLink(bg, p.paid(l, p.account, p.salon))
		}()
		require.Eventually(t, func() bool { return p.blockedBy(t, pid) }, 20*time.Second, 10*time.Millisecond,
			"the payment waits for the day's closing")
		if _, err := tx.Raw().Exec(bg, `SELECT id FROM tickets WHERE tenant_id = $1 AND register_id = $2 AND status = 'open' FOR UPDATE`,
			p.salon, p.reg); err != nil {
			return err
		}
		at := env.Clock.Now()
		_, err = tx.RegisterDayClose(bg, dbq.RegisterDayCloseParams{TenantID: p.salon, ID: day.ID, ClosedAt: &at, ClosedBy: &p.owner,
			CountedCents: new(int64), ExpectedCents: new(int64)})
		return err
	})
	<-settled
	require.NoError(t, closing, "the day's closing went over the open tickets")
	require.NoError(t, settleErr)
	require.True(t, strings.HasPrefix(outcome, "till link paid, ticket left open"), outcome)
	tk := p.get(t, id)
	require.False(t, tk.Closed(), "no receipt into the day that closed")
	require.Zero(t, tk.DueCents(), "the client's payment is on the ticket")
	require.Empty(t, env.Stripe.CallsOn(p.account, "/v1/refunds"))
}

// blockedBy reports whether some session waits on a lock the backend pid holds.
func (p phoneShop) blockedBy(t *testing.T, pid int32) bool {
	var blocked bool
	require.NoError(t, p.env.Srv.DB.WithTenant(bg, p.salon, func(tx store.Tx) error {
		return tx.Raw().QueryRow(bg, `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE $1::int = ANY (pg_blocking_pids(pid)))`, pid).Scan(&blocked)
	}))
	return blocked
}
