package booking_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestADepositBookingIsPaidOnTheSalonsAccountAndConfirmedByTheWebhookOnce(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	ctx := context.Background()
	require.NoError(t, s.env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
		return tx.PlatformFeeSet(ctx, dbq.PlatformFeeSetParams{FeePercentBp: 150, FeeFixedCents: 30})
	}))

	// The client picks the first free time on the public page.
	c := s.web.NewClient()
	page := c.Get(s.servicePath() + "?date=" + s.day().Format("2006-01-02"))
	require.Equal(t, 200, page.Status)
	require.Contains(t, page.Text(".slots"), "09:00")
	details := c.Get(page.Doc.Find(".slots a").First().AttrOr("href", ""))
	require.Equal(t, 200, details.Status)
	require.Contains(t, details.Text(".policy"), "acompte de 15,00", "the policy names the advance and its amount")
	require.Contains(t, details.Text("button[type=submit]"), "15,00")

	email := "lea-" + s.salon.Slug + "@example.com"
	form := bookForm(s.at("09:00"), email)
	form.Set("policy_hash", details.Value("input[name=policy_hash]"))
	p := c.Post(s.servicePath()+"/book", form)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.True(t, strings.HasPrefix(p.Location(), "https://checkout.stripe.com/"), p.Location())

	call := s.lastSession()
	require.Equal(t, s.account, call.Account, "the session is on the salon's connected account")
	require.Equal(t, "payment", call.Form.Get("mode"))
	require.Equal(t, "1500", call.Form.Get("line_items[0][price_data][unit_amount]"), "30 % of 50 €")
	require.Equal(t, "eur", call.Form.Get("line_items[0][price_data][currency]"))
	require.Equal(t, "53", call.Form.Get("payment_intent_data[application_fee_amount]"), "1.5 % of 15 € rounded + 0.30 €")
	require.NotEmpty(t, call.IdempotencyKey)
	require.Contains(t, call.Form.Get("success_url"), "/b/"+s.salon.Slug+"/m/")

	bk := s.bookingByEmail(email)
	st, appt := s.statusOf(bk)
	require.Equal(t, "awaiting_payment", st)
	require.Equal(t, "pending", appt, "the slot is held while the client pays")
	require.NotContains(t, s.web.NewClient().Get(s.servicePath()+"?date="+s.day().Format("2006-01-02")).Text(".slots"), "09:00",
		"a held slot is not offered to anyone else")

	event := s.paid(s.sessionOf(bk), "pi_deposit_123")
	code, body := s.post(event, testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	require.Contains(t, body, `"duplicate":false`)
	s.waitStatus(bk, "confirmed")
	_, appt = s.statusOf(bk)
	require.Equal(t, "booked", appt)

	mail := s.env.Mail.Wait(t, email, 1)
	require.Contains(t, mail.Subject, "Rendez-vous confirmé chez Institut Paiement")
	require.Contains(t, mail.Text, "Payé en ligne : 15,00")
	ics := string(mail.Attachments["rendez-vous.ics"])
	require.Contains(t, ics, "BEGIN:VEVENT")
	require.Contains(t, ics, "DTSTART:"+s.at("09:00").UTC().Format("20060102T150405Z"))
	manage := mail.Link(t, "/m/")

	// The same event again changes nothing: recorded once, processed once.
	code, body = s.post(event, testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	require.Contains(t, body, `"duplicate":true`)
	var events, jobs int
	require.NoError(t, s.env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
		if err := tx.Raw().QueryRow(ctx, `SELECT count(*) FROM stripe_events WHERE payload::text LIKE '%'||$1||'%'`, "pi_deposit_123").Scan(&events); err != nil {
			return err
		}
		return tx.Raw().QueryRow(ctx, `SELECT count(*) FROM river.river_job WHERE kind = 'stripe.event' AND args->>'event_id' IN
			(SELECT id FROM stripe_events WHERE payload::text LIKE '%pi_deposit_123%')`).Scan(&jobs)
	}))
	require.Equal(t, 1, events)
	require.Equal(t, 1, jobs)

	u, err := url.Parse(manage)
	require.NoError(t, err)
	mp := s.web.NewClient().Get(u.Path)
	require.Equal(t, 200, mp.Status)
	require.Contains(t, mp.Text(".status-banner"), "confirmé")
	require.Contains(t, mp.Text(".payments"), "15,00")
	require.Contains(t, mp.Text(".payments"), "Réussi")
}

func TestWebhooksWithoutAValidSignatureAreRefused(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{})
	payload := s.paid("cs_forged", "pi_forged")
	code, _ := s.post(payload, "")
	require.Equal(t, 400, code)
	code, _ = s.post(payload, "whsec_not_ours")
	require.Equal(t, 400, code)
	var n int
	ctx := context.Background()
	require.NoError(t, s.env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
		return tx.Raw().QueryRow(ctx, `SELECT count(*) FROM stripe_events WHERE payload::text LIKE '%pi_forged%'`).Scan(&n)
	}))
	require.Zero(t, n, "nothing is recorded")
	code, _ = s.post(payload, testkit.StripeWebhookSecret)
	require.Equal(t, 200, code, "the platform endpoint's secret is accepted too")
}

func TestAStoredStripeEventKeepsThePaymentNotThePerson(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "privacy-" + s.salon.Slug + "@example.com"
	require.Equal(t, 303, s.book(s.at("11:00"), email, nil).Status)
	bk := s.bookingByEmail(email)
	ev := s.event("checkout.session.completed", map[string]any{"id": s.sessionOf(bk), "object": "checkout.session", "mode": "payment",
		"status": "complete", "payment_status": "paid", "payment_intent": "pi_privacy_" + s.salon.Slug, "amount_total": 1500,
		"customer_email": email, "metadata": map[string]string{},
		"customer_details": map[string]any{"email": email, "name": "Léa Martin", "phone": "+33612345678",
			"address": map[string]any{"line1": "12 rue des Lilas", "city": "Paris"}}})
	code, _ := s.post(ev, testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	s.waitStatus(bk, "confirmed")

	var stored string
	require.NoError(t, s.env.Srv.DB.Unscoped(t.Context(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(t.Context(), `SELECT payload::text FROM stripe_events WHERE account_id = $1 AND type = 'checkout.session.completed'`,
			s.account).Scan(&stored)
	}))
	require.Contains(t, stored, "pi_privacy_"+s.salon.Slug, "what the payment needs is kept")
	require.Contains(t, stored, `"amount_total": 1500`)
	for _, personal := range []string{email, "Léa", "Lilas", "612345678"} {
		require.NotContains(t, stored, personal)
	}
}
