package till_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

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
