package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/carnet-salon/carnet/internal/demo"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestAClientBooksOnTheDemoPageFromAPhonePaysAndIsConfirmed: a client books
// on /b/demo at phone size and is sent to Stripe to pay the deposit; once
// Stripe's webhook arrives, their page says confirmed and the visit is in
// the staff agenda.
func TestAClientBooksOnTheDemoPageFromAPhonePaysAndIsConfirmed(t *testing.T) {
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true})
	ctx := context.Background()
	require.NoError(t, demo.Seed(ctx, env.Srv.Accounts, env.Srv.DemoAreas()))
	sal, err := env.Srv.Salons.BySlug(ctx, demo.Slug)
	require.NoError(t, err)
	account := "acct_demo_" + uuid.NewString()[:8]
	connectDemo(t, env, sal, account)

	phone := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	testkit.Step(t, phone,
		chromedp.Navigate(env.URL+"/b/demo?lang=fr"),
		chromedp.WaitVisible(chromedp.CSS("a.service-item")),
	)
	testkit.Screenshot(t, phone, "public-salon-phone")
	testkit.Step(t, phone,
		chromedp.Click(chromedp.CSS("a.service-item")),
		chromedp.WaitVisible(chromedp.CSS(".slots a")),
	)
	testkit.Screenshot(t, phone, "public-times-phone")
	testkit.Step(t, phone,
		chromedp.Click(chromedp.CSS(".slots a")),
		chromedp.WaitVisible(chromedp.CSS("#first_name")),
		chromedp.SendKeys(chromedp.CSS("#first_name"), "Zoé"),
		chromedp.SendKeys(chromedp.CSS("#last_name"), "Fontaine"),
		chromedp.SendKeys(chromedp.CSS("#email"), "zoe@example.com"),
		chromedp.SendKeys(chromedp.CSS("#phone"), "06 98 76 54 32"),
		chromedp.Click(chromedp.CSS("input[name=accept_terms]")),
	)
	testkit.Screenshot(t, phone, "public-details-phone")
	testkit.Step(t, phone, chromedp.Click(chromedp.CSS("form button[type=submit]")))

	// The browser leaves for Stripe's hosted page.
	var checkout string
	require.Eventually(t, func() bool {
		checkout = bookingField(t, env, sal, "checkout_url")
		return checkout != ""
	}, 15*time.Second, 100*time.Millisecond)
	require.True(t, strings.HasPrefix(checkout, "https://checkout.stripe.com/"))
	require.Eventually(t, func() bool {
		loc, err := chromedp.Run(phone, chromedp.Evaluate[string](`window.location.href`))
		return err == nil && (strings.HasPrefix(loc, "https://checkout.stripe.com/") || strings.HasPrefix(loc, "chrome-error://"))
	}, 15*time.Second, 100*time.Millisecond, "the client is redirected to Stripe Checkout")
	require.Equal(t, "pending", appointmentStatus(t, env, sal))

	postPaid(t, env, account, bookingField(t, env, sal, "checkout_session_id"))
	require.Eventually(t, func() bool { return appointmentStatus(t, env, sal) == "booked" }, 15*time.Second, 100*time.Millisecond)

	// Back from Stripe on the booking's own page: confirmed.
	success := successURL(t, env, account)
	testkit.Step(t, phone, chromedp.Navigate(success), chromedp.WaitVisible(chromedp.CSS(".status-banner.ok")))
	require.Contains(t, testkit.Read(t, phone, chromedp.Text(chromedp.CSS(".status-banner"))), "confirmé")
	testkit.Screenshot(t, phone, "public-confirmed-phone")

	// The salon sees it in its agenda.
	day := bookingField(t, env, sal, "day")
	desk := testkit.Browser(t, testkit.DesktopWidth, testkit.DesktopHeight)
	testkit.Step(t, desk,
		chromedp.Navigate(env.URL+"/login?lang=fr"),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.OwnerEmail),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.OwnerPassword),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#today")), // the demo salon is set up: its home shows the day
		chromedp.Navigate(env.URL+"/app/agenda?date="+day),
		chromedp.WaitVisible(chromedp.CSS(".agenda-grid")),
	)
	require.Contains(t, testkit.Read(t, desk, chromedp.Text(chromedp.CSS(".agenda-grid"))), "Zoé Fontaine")
}

func connectDemo(t *testing.T, env *testkit.Env, sal salon.Salon, account string) {
	ctx := context.Background()
	require.NoError(t, env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
		if err := tx.SalonStripeCreate(ctx, dbq.SalonStripeCreateParams{TenantID: sal.ID, AccountID: account}); err != nil {
			return err
		}
		_, err := tx.SalonStripeSync(ctx, dbq.SalonStripeSyncParams{AccountID: account, ChargesEnabled: true, PayoutsEnabled: true, DetailsSubmitted: true})
		return err
	}))
	require.NoError(t, env.Srv.Salons.UpdateSettings(ctx, sal.ID, salon.SettingsInput{Name: sal.Name, TimeZone: sal.TimeZone, Country: sal.Country, Currency: "EUR",
		Locale: "fr", SlotStep: 15 * time.Minute, MinNotice: 120 * time.Minute, MaxHorizonDays: 90, CancellationWindow: 24 * time.Hour, NoShowFeeCents: 1500,
		DefaultRule: payment.Rule{Mode: payment.ModeDeposit, DepositKind: payment.DepositPercent, DepositValue: 30}, CancelRefund: "refund", DepositName: "acompte"}))
}

func bookingField(t *testing.T, env *testkit.Env, sal salon.Salon, field string) string {
	var v string
	q := map[string]string{
		"checkout_url":        `SELECT coalesce(max(checkout_url), '') FROM bookings WHERE tenant_id = $1`,
		"checkout_session_id": `SELECT coalesce(max(checkout_session_id), '') FROM bookings WHERE tenant_id = $1`,
		"day": `SELECT to_char(a.starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') FROM bookings b
			JOIN appointments a ON a.id = b.appointment_id WHERE b.tenant_id = $1`,
	}[field]
	require.NoError(t, env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), q, sal.ID).Scan(&v)
	}))
	return v
}

func appointmentStatus(t *testing.T, env *testkit.Env, sal salon.Salon) string {
	var v string
	require.NoError(t, env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT a.status FROM bookings b JOIN appointments a ON a.id = b.appointment_id
			WHERE b.tenant_id = $1`, sal.ID).Scan(&v)
	}))
	return v
}

// successURL is where Stripe sends the client back after paying.
func successURL(t *testing.T, env *testkit.Env, account string) string {
	calls := env.Stripe.CallsOn(account, "/v1/checkout/sessions")
	require.NotEmpty(t, calls)
	return calls[len(calls)-1].Form.Get("success_url")
}

// postPaid sends Stripe's signed checkout.session.completed for the session.
func postPaid(t *testing.T, env *testkit.Env, account, session string) {
	obj, _ := json.Marshal(map[string]any{"id": session, "object": "checkout.session", "mode": "payment", "status": "complete",
		"payment_status": "paid", "payment_intent": "pi_e2e_" + uuid.NewString()[:12], "metadata": map[string]string{}})
	payload, _ := json.Marshal(map[string]any{"id": "evt_" + uuid.NewString()[:12], "object": "event", "api_version": stripe.APIVersion,
		"type": "checkout.session.completed", "account": account, "created": time.Now().Unix(), "data": map[string]any{"object": json.RawMessage(obj)}})
	signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: testkit.StripeConnectWebhookSecret})
	req, err := http.NewRequest("POST", env.URL+"/webhooks/stripe", strings.NewReader(string(payload)))
	require.NoError(t, err)
	req.Header.Set("Stripe-Signature", signed.Header)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
}
