package booking_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// imprinted books 14:00 with a card imprint, confirms it by webhook and marks
// the client a no-show once 14:00 has passed; it returns the appointment's panel path.
func imprinted(t *testing.T, s shop, email string) (string, *testkit.Client) {
	t.Helper()
	refused := s.book(s.at("14:00"), email, nil)
	require.Equal(t, 422, refused.Status, "no card saved without its own consent box")
	require.Contains(t, refused.FieldError("save_card"), "empreinte")

	p := s.book(s.at("14:00"), email, url.Values{"save_card": {"1"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	call := s.lastSession()
	require.Equal(t, "setup", call.Form.Get("mode"), "nothing is charged now: the card is saved")
	require.Empty(t, call.Form.Get("line_items[0][price_data][unit_amount]"))
	require.NotEmpty(t, call.Form.Get("customer"), "one Stripe customer per salon per client")

	bk := s.bookingByEmail(email)
	ev := s.event("checkout.session.completed", map[string]any{"id": s.sessionOf(bk), "object": "checkout.session", "mode": "setup",
		"status": "complete", "setup_intent": "seti_" + s.salon.Slug, "metadata": map[string]string{}})
	code, _ := s.post(ev, testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	s.waitStatus(bk, "confirmed")

	s.env.Clock.Set(s.at("14:20")) // 14:00 has come, the client has not
	owner := s.web.Login(s.salon.OwnerEmail)
	panel := "/app/appointments/" + bk.AppointmentID.String()
	require.Equal(t, 303, owner.Post(panel+"/status", url.Values{"status": {"no_show"}}).Status)
	return panel, owner
}

func TestANoShowFeeIsChargedToTheSavedCard(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "card_imprint", noShowFeeCents: 2500})
	panel, owner := imprinted(t, s, "noshow-"+s.salon.Slug+"@example.com")
	// The salon raises its fee after the booking: this client accepted 25 €.
	require.NoError(t, s.env.Srv.Salons.UpdateSettings(t.Context(), s.salon.ID, shopSettings(4000, 24*time.Hour, salon.RefundOnCancel)))
	page := owner.Get(panel)
	require.Contains(t, page.Text("#appointment-panel"), "Carte enregistrée")
	require.Contains(t, page.Text("#appointment-panel button.danger"), "25,00", "the fee the client accepted")

	s.env.Stripe.Stub(s.account, func(c testkit.StripeCall) (int, string, bool) {
		if c.Method == "POST" && c.Path == "/v1/payment_intents" {
			return 200, `{"id":"pi_fee_ok","object":"payment_intent","status":"succeeded","amount":2500,"currency":"eur"}`, true
		}
		return 0, "", false
	})
	p := owner.Post(panel+"/fee", nil)
	require.Equal(t, 303, p.Status)
	require.Contains(t, owner.Follow(p).Text(".alert.ok"), "Frais prélevés")
	charge := s.env.Stripe.CallsOn(s.account, "/v1/payment_intents")
	require.Len(t, charge, 1)
	require.Equal(t, "2500", charge[0].Form.Get("amount"))
	require.Equal(t, "true", charge[0].Form.Get("off_session"))
	require.Equal(t, s.account, charge[0].Account)
	require.Contains(t, owner.Get(panel).Text(".payments-list"), "Frais d'absence")

	again := owner.Post(panel+"/fee", nil)
	require.Equal(t, 409, again.Status, "never charged twice")
	require.Len(t, s.env.Stripe.CallsOn(s.account, "/v1/payment_intents"), 1)
}

func TestWhenTheBankWantsTheClientAPaymentLinkIsEmailed(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "card_imprint", noShowFeeCents: 2500})
	email := "3ds-" + s.salon.Slug + "@example.com"
	panel, owner := imprinted(t, s, email)
	s.env.Stripe.Stub(s.account, func(c testkit.StripeCall) (int, string, bool) {
		if c.Method == "POST" && c.Path == "/v1/payment_intents" {
			return 402, `{"error":{"type":"card_error","code":"authentication_required","message":"This payment requires authentication.",
				"payment_intent":{"id":"pi_needs_3ds","object":"payment_intent","status":"requires_payment_method"}}}`, true
		}
		return 0, "", false
	})
	p := owner.Post(panel+"/fee", nil)
	require.Equal(t, 303, p.Status)
	require.Contains(t, owner.Follow(p).Text(".alert.ok"), "lien de paiement")
	link := s.lastSession()
	require.Equal(t, "payment", link.Form.Get("mode"))
	require.Equal(t, "2500", link.Form.Get("line_items[0][price_data][unit_amount]"))
	mail := s.env.Mail.WaitSubject(t, email, "frais de rendez-vous manqué")
	require.True(t, strings.Contains(mail.Text, "https://checkout.stripe.com/"), mail.Text)
	require.Contains(t, owner.Get(panel).Text(".payments-list"), "Lien de paiement envoyé")
}

func TestErasingAClientDeletesTheirCustomerAndCardAtStripe(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "card_imprint", noShowFeeCents: 2500})
	email := "erase-" + s.salon.Slug + "@example.com"
	_, owner := imprinted(t, s, email)
	bk := s.bookingByEmail(email)
	var stripeCustomer string
	require.NoError(t, s.env.Srv.DB.WithTenant(t.Context(), s.salon.ID, func(tx store.Tx) error {
		return tx.Raw().QueryRow(t.Context(), `SELECT stripe_customer_id FROM customer_stripe WHERE customer_id = $1`, bk.CustomerID).Scan(&stripeCustomer)
	}))
	record := "/app/clients/" + bk.CustomerID.String()
	require.Contains(t, owner.Get(record+"/erase").Text("#erase-gone"), "carte enregistrée sur votre compte Stripe")

	p := owner.Post(record+"/erase", url.Values{"confirm_name": {"Léa Martin"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Eventually(t, func() bool {
		calls := s.env.Stripe.CallsOn(s.account, "/v1/customers/"+stripeCustomer)
		return len(calls) == 1 && calls[0].Method == "DELETE"
	}, 10*time.Second, 50*time.Millisecond, "the Stripe customer is deleted on the salon's account")
}
