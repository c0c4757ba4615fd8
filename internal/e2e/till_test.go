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

	"github.com/carnet-salon/carnet/internal/demo"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/till"
)

// TestFromAnOnlineBookingToAReceiptAndACreditNote walks the till at phone
// and desktop width: a client books online and pays the deposit; the
// receptionist opens the visit in the agenda, taps Encaisser, sees the
// deposit applied, takes part by cheque (reading the amount in words) and
// the rest in cash with change, closes, reads the receipt, and makes a
// credit note that refers to it.
func TestFromAnOnlineBookingToAReceiptAndACreditNote(t *testing.T) {
	for _, size := range []struct {
		name          string
		width, height int64
	}{{"phone", testkit.PhoneWidth, testkit.PhoneHeight}, {"desktop", testkit.DesktopWidth, testkit.DesktopHeight}} {
		t.Run(size.name, func(t *testing.T) {
			env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true})
			bctx := testkit.Browser(t, size.width, size.height)
			shot := func(name string) { testkit.Screenshot(t, bctx, "till-"+name+"-"+size.name) }
			visit, day := bookWithDeposit(t, env, bctx)
			zoesVisit := chromedp.CSS(`.appt[data-appointment="` + visit + `"]`)
			openTheDay(t, env, bctx)
			shot("caisse")

			// The visit in the agenda: Encaisser opens its ticket.
			testkit.Step(t, bctx,
				chromedp.Navigate(env.URL+"/app/agenda?date="+day),
				chromedp.WaitVisible(zoesVisit),
				chromedp.Click(zoesVisit),
				chromedp.WaitVisible(chromedp.CSS("#encaisser")),
			)
			shot("visit")
			testkit.Step(t, bctx, chromedp.Click(chromedp.CSS("#encaisser")), chromedp.WaitVisible(chromedp.CSS("#payment-form")))
			require.Contains(t, text(t, bctx, "#ticket-client"), "Zoé Fontaine")
			payments := text(t, bctx, "#payments")
			require.Contains(t, payments, "Acompte payé en ligne", "the deposit is applied")
			total, due := cents(text(t, bctx, "#total")), cents(text(t, bctx, "#due"))
			require.Positive(t, due)
			require.Less(t, due, total, "the deposit lowers what is due")
			require.Contains(t, payments, euros(total-due))
			require.False(t, visible(t, bctx, "#cheque-fields"), "no cheque checks for cash, the first method")
			shot("ticket")

			// Part by cheque: the checks appear, the typed amount reads in words.
			const chequeCents = 2000
			today := env.Clock.Now().In(paris(t)).Format(time.DateOnly)
			testkit.Step(t, bctx,
				chromedp.SetValue(chromedp.CSS("#method"), till.MethodCheque),
				chromedp.WaitVisible(chromedp.CSS("#cheque_number")),
				chromedp.SendKeys(chromedp.CSS("#amount"), "20"),
				waitText("#cheque-words .words", "vingt euros"),
				chromedp.SetValue(chromedp.CSS("#cheque_date"), today),
				chromedp.SendKeys(chromedp.CSS("#cheque_number"), "1234567"),
				chromedp.SendKeys(chromedp.CSS("#cheque_bank"), "La Banque Postale"),
				chromedp.SetValue(chromedp.CSS("#holder_id_type"), "id_card"),
				chromedp.SendKeys(chromedp.CSS("#holder_id_number"), "X4RTBPFW4"),
				chromedp.SetValue(chromedp.CSS("#holder_id_issued_on"), "2021-03-15"),
				chromedp.SendKeys(chromedp.CSS("#holder_id_issued_at"), "Lyon"),
				chromedp.Click(chromedp.CSS("input[name=cheque_signed]")),
			)
			require.Equal(t, "vingt euros", text(t, bctx, "#cheque-words .words"))
			shot("cheque")
			testkit.Step(t, bctx,
				chromedp.Click(chromedp.CSS("#payment-form button[type=submit]")),
				chromedp.WaitVisible(paymentLine("Chèque")),
			)
			due -= chequeCents
			require.Equal(t, due, cents(text(t, bctx, "#due")))

			// The rest in cash, with more than due: the change to give back.
			given := (due/1000 + 1) * 1000
			testkit.Step(t, bctx,
				chromedp.SetValue(chromedp.CSS("#method"), till.MethodCash),
				chromedp.WaitNotVisible(chromedp.CSS("#cheque-fields")),
				chromedp.SendKeys(chromedp.CSS("#amount"), euros(given)),
				chromedp.Click(chromedp.CSS("#payment-form button[type=submit]")),
				chromedp.WaitVisible(paymentLine("Espèces")),
			)
			require.Contains(t, text(t, bctx, "#payments"), fmt.Sprintf("reçu %s €, rendu %s €", euros(given), euros(given-due)))
			require.Zero(t, cents(text(t, bctx, "#due")))
			shot("paid")

			// Closed: the farewell thanks the client by name, then the receipt
			// with its number, VAT and payment methods.
			testkit.Step(t, bctx, chromedp.Click(chromedp.CSS("#close-ticket")), chromedp.WaitVisible(chromedp.CSS("#farewell-thanks")))
			require.Contains(t, text(t, bctx, "#farewell-thanks"), "Zoé")
			shot("farewell")
			testkit.Step(t, bctx, chromedp.Click(chromedp.CSS("#farewell-receipt")), chromedp.WaitVisible(chromedp.CSS("#receipt-number")))
			number := text(t, bctx, "#receipt-number")
			require.Contains(t, number, "Ticket n° ")
			receipt := text(t, bctx, "#receipt")
			for _, want := range []string{"TVA 20", "Acompte payé en ligne", "Chèque", euros(chequeCents), "Espèces", euros(total)} {
				require.Contains(t, receipt, want)
			}
			shot("receipt")

			// A credit note from the receipt refers to the ticket's number.
			testkit.Step(t, bctx,
				chromedp.Click(chromedp.CSS("input[name=line_id]")),
				chromedp.SetValue(chromedp.CSS("select[name=method]"), till.MethodCash),
				chromedp.Click(chromedp.CSS(`form[action$="/credit"] button[type=submit]`)),
				chromedp.WaitVisible(chromedp.Search(`//*[@id="refers-to"]`)),
			)
			n := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(number), "Ticket n°"))
			require.Contains(t, text(t, bctx, "#refers-to"), "ticket n° "+n)
			require.Contains(t, text(t, bctx, "#receipt"), euros(total), "the line given back")
			shot("credit")
		})
	}
}

// bookWithDeposit books the demo's first service on its public page and
// pays the deposit through Stripe's webhook; it returns the visit and its day.
func bookWithDeposit(t *testing.T, env *testkit.Env, bctx context.Context) (string, string) {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, demo.Seed(ctx, env.Srv.Accounts, env.Srv.DemoAreas()))
	sal, err := env.Srv.Salons.BySlug(ctx, demo.Slug)
	require.NoError(t, err)
	connectDemo(t, env, sal, "acct_till_"+uuid.NewString()[:8])
	// The demo salon is the package's: it keeps the first account any test
	// connected, and Stripe's events come from that one.
	var account string
	require.NoError(t, env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
		return tx.Raw().QueryRow(ctx, `SELECT account_id FROM salon_stripe WHERE tenant_id = $1`, sal.ID).Scan(&account)
	}))
	// The demo salon is the package's: each run books as a client of its own,
	// and finds its booking by that client, never by "the latest".
	email := "zoe-" + uuid.NewString()[:8] + "@example.com"
	testkit.Step(t, bctx,
		chromedp.Navigate(env.URL+"/b/demo?lang=fr"),
		chromedp.Click(chromedp.CSS("a.service-item")),
		chromedp.Click(chromedp.CSS(".slots a")),
		chromedp.SendKeys(chromedp.CSS("#first_name"), "Zoé"),
		chromedp.SendKeys(chromedp.CSS("#last_name"), "Fontaine"),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#phone"), "06 98 76 54 32"),
		chromedp.Click(chromedp.CSS("input[name=accept_terms]")),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
	)
	session := func() string { return clientsBooking(t, env, sal, email, "b.checkout_session_id") }
	require.Eventually(t, func() bool { return session() != "" }, 15*time.Second, 100*time.Millisecond)
	postPaid(t, env, account, session())
	require.Eventually(t, func() bool { id, _ := paidVisit(t, env, sal, email); return id != "" }, 15*time.Second, 100*time.Millisecond)

	// The owner set the till up beforehand (its own screens have their tests).
	require.NoError(t, env.Srv.Till.SaveSettings(ctx, sal.ID, till.SettingsInput{SIRET: "73282932000074", VATNumber: "FR44732829320", LowStock: 3}))
	_, err = env.Srv.Till.CreateRegister(ctx, sal.ID, "Comptoir")
	require.NoError(t, err)
	return paidVisit(t, env, sal, email)
}

// paidVisit is the client's visit whose deposit was paid, and its day in the
// salon's zone.
func paidVisit(t *testing.T, env *testkit.Env, sal salon.Salon, email string) (string, string) {
	t.Helper()
	if clientsBooking(t, env, sal, email, "b.status") != "confirmed" {
		return "", ""
	}
	return clientsBooking(t, env, sal, email, "a.id::text"), clientsBooking(t, env, sal, email,
		"to_char(a.starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD')")
}

// clientsBooking reads one column of the online booking made by the client
// with this email ("" while there is none).
func clientsBooking(t *testing.T, env *testkit.Env, sal salon.Salon, email, column string) string {
	t.Helper()
	var v string
	require.NoError(t, env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT coalesce(max(`+column+`), '')
			FROM bookings b JOIN appointments a ON a.id = b.appointment_id JOIN customers c ON c.id = b.customer_id
			WHERE b.tenant_id = $1 AND c.email = $2`, sal.ID, email).Scan(&v)
	}))
	return v
}

// openTheDay signs the demo owner in and opens the register's day with a float.
func openTheDay(t *testing.T, env *testkit.Env, bctx context.Context) {
	t.Helper()
	testkit.Step(t, bctx,
		chromedp.Navigate(env.URL+"/login?lang=fr"),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.OwnerEmail),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.OwnerPassword),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#today")),
		chromedp.Navigate(env.URL+"/app/till"),
		chromedp.SendKeys(chromedp.CSS(`form[action$="/open"] input[name=float]`), "100"),
		chromedp.Click(chromedp.CSS(`form[action$="/open"] button[type=submit]`)),
		// Another run's register may already show its close form: wait until
		// no register is left to open.
		chromedp.WaitNotPresent(chromedp.CSS(`form[action$="/open"]`)),
	)
}
