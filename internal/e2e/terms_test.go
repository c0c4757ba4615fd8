package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

var widths = []struct {
	name          string
	width, height int64
}{{"phone", testkit.PhoneWidth, testkit.PhoneHeight}, {"desktop", testkit.DesktopWidth, testkit.DesktopHeight}}

// termsSalon is a salon of its own (the demo salon is shared by the
// package's tests): open every day 09:00–19:00, one 60-minute service at
// 50 €, one staff member, free cancellation until 2 hours before, booked at
// least 4 hours ahead — so the first free time, whatever the hour the tests
// run, can still be moved or cancelled (it may be tomorrow morning); with a
// Stripe account, the service takes a 30 % deposit.
func termsSalon(t *testing.T, env *testkit.Env, account string) testkit.Salon {
	t.Helper()
	ctx := context.Background()
	s := env.NewSalon("Institut Horizon")
	week := availability.Daily(availability.Hours(9, 19))
	require.NoError(t, env.Srv.Salons.SetHours(ctx, s.ID, week))
	mode := "none"
	if account != "" {
		mode = "deposit"
	}
	require.NoError(t, env.Srv.Salons.UpdateSettings(ctx, s.ID, salon.SettingsInput{Country: "FR", Name: "Institut Horizon", TimeZone: "Europe/Paris",
		Currency: "EUR", Locale: "fr", SlotStep: 15 * time.Minute, MinNotice: 4 * time.Hour, MaxHorizonDays: 60, CancellationWindow: 2 * time.Hour,
		DefaultRule: payment.Rule{Mode: mode, DepositKind: payment.DepositPercent, DepositValue: 30}, CancelRefund: "refund", DepositName: "acompte"}))
	svc, err := env.Srv.Catalog.CreateService(ctx, s.ID, catalog.ServiceInput{Name: "Soin éclat", Duration: 60 * time.Minute, PriceCents: 5000,
		OnlineBookable: true})
	require.NoError(t, err)
	_, err = env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 2, Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	if account != "" {
		require.NoError(t, env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
			if err := tx.SalonStripeCreate(ctx, dbq.SalonStripeCreateParams{TenantID: s.ID, AccountID: account}); err != nil {
				return err
			}
			_, err := tx.SalonStripeSync(ctx, dbq.SalonStripeSyncParams{AccountID: account, ChargesEnabled: true, PayoutsEnabled: true, DetailsSubmitted: true})
			return err
		}))
	}
	return s
}

// bookFirstTime books the first free time of the salon's service in the
// browser, as a client does, and submits the form.
func bookFirstTime(t *testing.T, b context.Context, env *testkit.Env, slug, email, phone string) {
	t.Helper()
	testkit.Step(t, b,
		chromedp.Navigate(env.URL+"/b/"+slug+"?lang=fr"),
		chromedp.WaitVisible(chromedp.CSS("a.service-item")),
		chromedp.Click(chromedp.CSS("a.service-item")),
		chromedp.WaitVisible(chromedp.CSS(".slots a")),
		chromedp.Click(chromedp.CSS(".slots a")),
		chromedp.WaitVisible(chromedp.CSS("#first_name")),
		chromedp.SendKeys(chromedp.CSS("#first_name"), "Zoé"),
		chromedp.SendKeys(chromedp.CSS("#last_name"), "Fontaine"),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#phone"), phone),
		chromedp.Click(chromedp.CSS("input[name=accept_terms]")),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
	)
}

// fitsWidth reports whether the page needs no sideways scrolling.
func fitsWidth(t *testing.T, b context.Context) bool {
	return testkit.Read(t, b, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`))
}

// TestAClientMovesTheirVisitSeesItFirstConfirmsAndIsToldItMoved: from the
// manage page, at phone and desktop widths, the client sees the visit they
// are moving, picks a time, confirms it on its own page, and gets « déplacé ».
func TestAClientMovesTheirVisitSeesItFirstConfirmsAndIsToldItMoved(t *testing.T) {
	env := testkit.NewEnv(t, testkit.EnvOptions{})
	s := termsSalon(t, env, "")
	for i, w := range widths {
		b := testkit.Browser(t, w.width, w.height)
		email := "move-" + w.name + "-" + s.Slug + "@example.com"
		bookFirstTime(t, b, env, s.Slug, email, fmt.Sprintf("06 98 76 54 %02d", 10+i))
		testkit.Step(t, b, chromedp.WaitVisible(chromedp.CSS(".status-banner.ok")),
			chromedp.Click(chromedp.CSS(`a[href$="/reschedule"]`)),
			chromedp.WaitVisible(chromedp.CSS(".current-visit")),
			chromedp.WaitVisible(chromedp.CSS("#times .slots a")),
		)
		current := testkit.Read(t, b, chromedp.Text(chromedp.CSS(".current-visit")))
		require.Contains(t, current, "Votre rendez-vous actuel", w.name)
		require.True(t, fitsWidth(t, b), w.name)
		testkit.Screenshot(t, b, "reschedule-times-"+w.name)

		testkit.Step(t, b, chromedp.Click(chromedp.CSS("#times .slots a:last-child")),
			chromedp.WaitVisible(chromedp.CSS(".reschedule-confirm")))
		oldTime := testkit.Read(t, b, chromedp.Text(chromedp.CSS(".old-time")))
		newTime := testkit.Read(t, b, chromedp.Text(chromedp.CSS(".new-time")))
		require.NotEqual(t, oldTime, newTime, w.name)
		require.True(t, strings.Contains(current, oldTime[len(oldTime)-5:]), "the time shown first is the one being moved")
		require.True(t, fitsWidth(t, b), w.name)
		testkit.Screenshot(t, b, "reschedule-confirm-"+w.name)

		testkit.Step(t, b, chromedp.Click(chromedp.CSS(".reschedule-confirm button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".status-banner.ok")))
		require.Contains(t, testkit.Read(t, b, chromedp.Text(chromedp.CSS(".status-banner"))), "déplacé", w.name)
		require.Contains(t, testkit.Read(t, b, chromedp.Text(chromedp.CSS(".facts"))), newTime[len(newTime)-5:], w.name)
		testkit.Screenshot(t, b, "reschedule-done-"+w.name)
		require.Contains(t, env.Mail.WaitSubject(t, email, "déplacé").Text, "a été déplacé")
	}
}

// TestAClientWhoGivesUpOnStripeIsToldAndCanPickAgain: back from Stripe's
// page without paying, at phone and desktop widths, the client reads that
// nothing was charged and the time is free, and picks again; a broken link
// on the salon's address keeps the salon's header and leads back to it.
func TestAClientWhoGivesUpOnStripeIsToldAndCanPickAgain(t *testing.T) {
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true})
	account := "acct_terms_" + uuid.NewString()[:8]
	s := termsSalon(t, env, account)
	for i, w := range widths {
		b := testkit.Browser(t, w.width, w.height)
		bookFirstTime(t, b, env, s.Slug, fmt.Sprintf("gaveup-%s-%s@example.com", w.name, s.Slug), fmt.Sprintf("06 98 76 55 %02d", 10+i))
		var cancelURL string
		require.Eventually(t, func() bool {
			calls := env.Stripe.CallsOn(account, "/v1/checkout/sessions")
			if len(calls) < i+1 {
				return false
			}
			cancelURL = calls[i].Form.Get("cancel_url")
			return true
		}, 15*time.Second, 100*time.Millisecond, "sent to Stripe")
		require.Eventually(t, func() bool {
			loc, err := chromedp.Run(b, chromedp.Evaluate[string](`window.location.href`))
			return err == nil && (strings.HasPrefix(loc, "https://checkout.stripe.com/") || strings.HasPrefix(loc, "chrome-error://"))
		}, 15*time.Second, 100*time.Millisecond, "the browser left for Stripe's page")

		testkit.Step(t, b, chromedp.Navigate(cancelURL), chromedp.WaitVisible(chromedp.CSS(".status-banner.bad")))
		banner := testkit.Read(t, b, chromedp.Text(chromedp.CSS(".status-banner")))
		require.Contains(t, banner, "Paiement abandonné", w.name)
		require.Contains(t, banner, "rien n'a été prélevé", w.name)
		require.True(t, fitsWidth(t, b), w.name)
		testkit.Screenshot(t, b, "gave-up-"+w.name)

		testkit.Step(t, b, chromedp.Click(chromedp.CSS(".status-banner a.retry")), chromedp.WaitVisible(chromedp.CSS("#first_name")))
		testkit.Step(t, b, chromedp.NavigateBack(), chromedp.WaitVisible(chromedp.CSS(".status-banner a.other-time")),
			chromedp.Click(chromedp.CSS(".status-banner a.other-time")), chromedp.WaitVisible(chromedp.CSS("#times .slots a")))

		testkit.Step(t, b, chromedp.Navigate(env.URL+"/b/"+s.Slug+"/m/not-a-link?lang=fr"), chromedp.WaitVisible(chromedp.CSS(".client-error")))
		require.Contains(t, testkit.Read(t, b, chromedp.Text(chromedp.CSS(".salon-bar"))), "Institut Horizon", w.name)
		require.Contains(t, testkit.Read(t, b, chromedp.Text(chromedp.CSS(".client-error a.btn"))), "Retour à Institut Horizon", w.name)
		require.True(t, fitsWidth(t, b), w.name)
		testkit.Screenshot(t, b, "client-404-"+w.name)
	}
}
