package till_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/till"
)

func (p phoneShop) links(t *testing.T, ticketID uuid.UUID) []till.Link {
	t.Helper()
	ls, err := p.env.Srv.Till.Links(bg, p.salon, ticketID)
	require.NoError(t, err)
	return ls
}

func expirePath(l till.Link) string { return "/v1/checkout/sessions/" + l.SessionID + "/expire" }

// The ticket grew after the first link was shown: the new link for the new
// amount expires the old session at Stripe, so the client cannot pay both.
func TestNewPhoneLinkExpiresTheOlderOneAtStripe(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	id := p.ticket(t)
	old := p.link(t, id)
	require.Empty(t, env.Stripe.CallsOn(p.account, expirePath(old)))
	require.NoError(t, env.Srv.Till.AddLine(bg, p.salon, id, till.LineInput{Kind: till.LineService, ServiceID: p.service, Quantity: 1}))

	l := p.link(t, id)

	require.Equal(t, int64(9000), l.AmountCents)
	require.NotEqual(t, old.ID, l.ID)
	require.Len(t, env.Stripe.CallsOn(p.account, expirePath(old)), 1, "the old session is expired at Stripe")
	ls := p.links(t, id)
	require.Len(t, ls, 2)
	require.Equal(t, []string{till.LinkPending, till.LinkExpired}, []string{ls[0].Status, ls[1].Status})
	require.Equal(t, l.ID, ls[0].ID)
	outcome, err := env.Srv.Till.SettleLink(bg, p.paid(old, p.account, p.salon))
	require.NoError(t, err)
	require.Equal(t, "till link already expired", outcome)
	require.Empty(t, p.get(t, id).Payments)

	again := p.link(t, id)
	require.Equal(t, l.ID, again.ID, "asking again for the same amount shows the same link")
	require.Len(t, env.Stripe.CallsOn(p.account, expirePath(old)), 1, "and expires nothing more")
}

// Stripe refuses to expire a session the client has just paid (the webhook
// has not come yet): the new link is refused, nothing else is asked.
func TestNewPhoneLinkIsRefusedWhenTheOlderWasJustPaid(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	id := p.ticket(t)
	old := p.link(t, id)
	require.NoError(t, env.Srv.Till.AddLine(bg, p.salon, id, till.LineInput{Kind: till.LineService, ServiceID: p.service, Quantity: 1}))
	env.Stripe.Stub(p.account, func(c testkit.StripeCall) (int, string, bool) {
		switch {
		case c.Method == "POST" && strings.HasSuffix(c.Path, "/expire"):
			return 400, `{"error":{"type":"invalid_request_error","message":"This Checkout Session is not in an expirable state."}}`, true
		case c.Method == "GET" && c.Path == "/v1/checkout/sessions/"+old.SessionID:
			return 200, `{"id":"` + old.SessionID + `","object":"checkout.session","status":"complete","payment_status":"paid"}`, true
		}
		return 0, "", false
	})

	_, err := env.Srv.Till.StartLink(bg, p.salon, id, till.LinkInput{Currency: "EUR", Locale: "fr", SuccessURL: "http://carnet.test/merci"})

	require.Equal(t, "tillstripe.link.paid_meanwhile", errKey(err))
	require.Len(t, env.Stripe.CallsOn(p.account, "/v1/checkout/sessions"), 1, "no second session to pay")
	ls := p.links(t, id)
	require.Len(t, ls, 1)
	require.Equal(t, till.LinkPending, ls[0].Status, "the paid link waits for its webhook")
}

// Stripe says a link expired unpaid: the link ends, and the cashier's next
// link for the same amount is a new session, not the dead one again.
func TestExpiredPhoneLinkGivesWayToANewSession(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	id := p.ticket(t)
	old := p.link(t, id)
	meta := map[string]string{"salon_id": p.salon.String(), "till_payment_id": old.ID.String()}

	other := newPhoneShop(t, env)
	outcome, err := env.Srv.Till.ExpireLink(bg, other.account, old.SessionID, meta)
	require.NoError(t, err)
	require.Equal(t, "unknown till link", outcome, "another salon's account cannot end the link")
	outcome, err = env.Srv.Till.ExpireLink(bg, p.account, old.SessionID, meta)
	require.NoError(t, err)
	require.Equal(t, "till link expired", outcome)
	pending, err := pendingLinks(env, bg, p.salon, id)
	require.NoError(t, err)
	require.Empty(t, pending)

	l := p.link(t, id)
	require.NotEqual(t, old.ID, l.ID)
	calls := env.Stripe.CallsOn(p.account, "/v1/checkout/sessions")
	require.Len(t, calls, 2)
	require.NotEqual(t, calls[0].IdempotencyKey, calls[1].IdempotencyKey, "Stripe is asked for a new session")
	require.Empty(t, env.Stripe.CallsOn(p.account, expirePath(old)), "an expired session needs no expiring")
	outcome, err = env.Srv.Till.ExpireLink(bg, p.account, old.SessionID, meta)
	require.NoError(t, err)
	require.Equal(t, "till link already expired", outcome, "a replayed event changes nothing")
}

// pendingLinks are the ticket's phone links not paid yet, as its page lists them.
func pendingLinks(env *testkit.Areas, ctx context.Context, salonID, ticketID uuid.UUID) ([]till.Link, error) {
	links, err := env.Srv.Till.Links(ctx, salonID, ticketID)
	return slices.DeleteFunc(links, func(l till.Link) bool { return l.Status != till.LinkPending }), err
}
