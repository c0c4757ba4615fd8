package portal_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestRemovingTheCardStopsTheNoShowFeeAndDetachesItAtStripe(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Empreinte", "card_imprint")
	email := "card-" + s.salon.Slug + "@example.com"
	appt := s.imprinted(s.at("14:00"), email)
	id := s.customerOf(email)
	pm := s.savedCard(id)
	require.NotEmpty(t, pm, "the imprint saved a card")

	c := s.env.NewClient()
	home := s.signIn(c, email)
	require.Contains(t, home.Text(".card-label"), "Visa •••• 4242")

	p := c.Post(s.portal()+"/card/remove", nil)
	require.Equal(t, 303, p.Status)
	home = c.Follow(p)
	require.Contains(t, home.Text(".alert.ok"), "Votre carte a été retirée")
	require.Contains(t, home.Body, "Aucune carte enregistrée")
	require.Empty(t, s.savedCard(id), "Carnet no longer holds the card")

	detach := s.env.Stripe.CallsOn(s.account, "/v1/payment_methods/"+pm+"/detach")
	require.Len(t, detach, 1, "detached at Stripe")
	require.Equal(t, s.account, detach[0].Account, "on the salon's own account")
	require.NotEmpty(t, detach[0].IdempotencyKey)

	// The client does not come: the fee can no longer be charged.
	s.env.Clock.Set(s.at("14:20"))
	owner := s.env.Login(s.salon.OwnerEmail)
	panel := "/app/appointments/" + appt.String()
	require.Equal(t, 303, owner.Post(panel+"/status", url.Values{"status": {"no_show"}}).Status)
	fee := owner.Post(panel+"/fee", nil)
	require.Equal(t, 409, fee.Status)
	require.Empty(t, s.env.Stripe.CallsOn(s.account, "/v1/payment_intents"), "nothing was charged")
}

func TestACardIsForgottenEvenWhenStripeCannotDetachIt(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Panne", "card_imprint")
	email := "down-" + s.salon.Slug + "@example.com"
	s.imprinted(s.at("10:00"), email)
	id := s.customerOf(email)
	pm := s.savedCard(id)
	require.NotEmpty(t, pm)
	s.env.Stripe.Stub(s.account, func(c testkit.StripeCall) (int, string, bool) {
		if c.Path == "/v1/payment_methods/"+pm+"/detach" {
			return 400, `{"error":{"type":"invalid_request_error","message":"Stripe says no"}}`, true
		}
		return 0, "", false
	})

	c := s.env.NewClient()
	s.signIn(c, email)
	p := c.Post(s.portal()+"/card/remove", nil)
	require.Equal(t, 303, p.Status)
	require.Contains(t, c.Follow(p).Text(".alert.ok"), "Votre carte a été retirée")
	require.Empty(t, s.savedCard(id), "whatever Stripe answered, Carnet can no longer charge the card")
	require.Len(t, s.env.Stripe.CallsOn(s.account, "/v1/payment_methods/"+pm+"/detach"), 1)
}
