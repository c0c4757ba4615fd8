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
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// openSalon is a salon open every day 09:00–19:00 that takes bookings 60
// days ahead without payment, with one service two people do.
func openSalon(t *testing.T, env *testkit.Env) (testkit.Salon, string) {
	ctx := context.Background()
	s := env.NewSalon("Institut Horizon")
	week := availability.Daily(availability.Hours(9, 19))
	require.NoError(t, env.Srv.Salons.SetHours(ctx, s.ID, week))
	require.NoError(t, env.Srv.Salons.UpdateSettings(ctx, s.ID, salon.SettingsInput{Country: "FR", Name: s.Name, TimeZone: "Europe/Paris",
		Currency: "EUR", Locale: "fr", SlotStep: 30 * time.Minute, MinNotice: 60 * time.Minute, MaxHorizonDays: 60, CancellationWindow: 24 * time.Hour,
		DefaultRule: payment.Rule{Mode: payment.ModeNone}, CancelRefund: "refund", DepositName: "acompte"}))
	svc, err := env.Srv.Catalog.CreateService(ctx, s.ID, catalog.ServiceInput{Name: "Soin éclat", Duration: 60 * time.Minute, PriceCents: 5000,
		OnlineBookable: true})
	require.NoError(t, err)
	for _, name := range []string{"Nora", "Inès"} {
		_, err := env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: name, Color: 2, Services: []uuid.UUID{svc}})
		require.NoError(t, err)
	}
	return s, svc.String()
}

func bookingsOf(t *testing.T, env *testkit.Env, s testkit.Salon, email string) int {
	var n int
	require.NoError(t, env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT count(*) FROM bookings WHERE tenant_id = $1 AND email = $2`, s.ID, email).Scan(&n)
	}))
	return n
}

// TestAClientReachesADayWeeksAheadAndATapTwiceOnBookBooksOnce: on a phone
// and on a computer, the client pages the date strip to the salon's last
// bookable weeks, picks a day and a time with anyone, then taps « Confirmer »
// three times: the button is disabled at the first tap and one visit is booked.
func TestAClientReachesADayWeeksAheadAndATapTwiceOnBookBooksOnce(t *testing.T) {
	env := testkit.NewEnv(t)
	s, service := openSalon(t, env)
	paris, _ := time.LoadLocation("Europe/Paris")
	now := env.Clock.Now().In(paris)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, paris)
	for _, size := range []struct {
		name          string
		width, height int64
	}{{"phone", testkit.PhoneWidth, testkit.PhoneHeight}, {"desktop", testkit.DesktopWidth, testkit.DesktopHeight}} {
		b := testkit.Browser(t, size.width, size.height)
		testkit.Step(t, b,
			chromedp.Navigate(env.URL+"/b/"+s.Slug+"/s/"+service+"?lang=fr"),
			chromedp.WaitVisible(chromedp.CSS(".date-strip a")),
		)
		for page := 1; page < 5; page++ { // 60 days: four pages later, the last one
			first := today.AddDate(0, 0, 14*page).Format(time.DateOnly)
			testkit.Step(t, b,
				chromedp.Click(chromedp.CSS(".date-pages a.later")),
				chromedp.WaitVisible(chromedp.CSS(`.date-strip a:first-child[href*="date=`+first+`"]`)),
			)
		}
		require.Zero(t, testkit.Read(t, b, chromedp.Evaluate[int](`document.querySelectorAll('.date-pages a.later').length`)),
			"no page past the horizon")
		testkit.Screenshot(t, b, "public-dates-last-page-"+size.name)

		// The third day of the last page, 58 days ahead: its times, then the form.
		heading := `document.querySelector('#times h3').textContent`
		before := testkit.Read(t, b, chromedp.Evaluate[string](heading))
		testkit.Step(t, b, chromedp.Click(chromedp.CSS(".date-strip a:nth-child(3)")))
		var day string
		require.Eventually(t, func() bool {
			day, _ = chromedp.Run(b, chromedp.Evaluate[string](heading))
			return day != before && day != ""
		}, 15*time.Second, 100*time.Millisecond, "the third day's times")
		testkit.Step(t, b, chromedp.WaitVisible(chromedp.CSS(".slots a")))
		testkit.Step(t, b,
			chromedp.Click(chromedp.CSS(".slots a")),
			chromedp.WaitVisible(chromedp.CSS("#first_name")),
		)
		require.Contains(t, testkit.Read(t, b, chromedp.Text(chromedp.CSS(".summary"))), strings.TrimSpace(day))
		email := fmt.Sprintf("twice-%s-%s@example.com", size.name, s.Slug)
		testkit.Step(t, b,
			chromedp.SendKeys(chromedp.CSS("#first_name"), "Zoé"),
			chromedp.SendKeys(chromedp.CSS("#last_name"), "Fontaine"),
			chromedp.SendKeys(chromedp.CSS("#email"), email),
			chromedp.SendKeys(chromedp.CSS("#phone"), "06 98 76 54 32"),
			chromedp.Click(chromedp.CSS("input[name=accept_terms]")),
		)
		testkit.Screenshot(t, b, "public-details-"+size.name)
		disabled := testkit.Read(t, b, chromedp.Evaluate[bool](`(() => {
			const b = document.querySelector('form button[type=submit]');
			b.click();
			const disabled = b.disabled;
			b.click();
			b.click();
			return disabled;
		})()`))
		require.True(t, disabled, "the button is disabled while the booking is sent")
		testkit.Step(t, b, chromedp.WaitVisible(chromedp.CSS(".status-banner.ok")))
		require.Contains(t, testkit.Read(t, b, chromedp.Text(chromedp.CSS("main"))), "Soin éclat")
		testkit.Screenshot(t, b, "public-booked-"+size.name)
		require.Equal(t, 1, bookingsOf(t, env, s, email), "one booking for three taps")
	}
}
