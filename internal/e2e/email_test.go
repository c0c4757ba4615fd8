package e2e

import (
	"context"
	"encoding/base64"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestEveryEmailReadsOnAPhoneWithoutScrollingSideways receives each kind of
// email through the SMTP sink — a booking's confirmation, a cancellation, a
// reminder, a message written by the salon (an offer, with a link far longer
// than a phone is wide), a portal sign-in link, a password reset, an
// invitation — and opens its HTML part in Chromium posing as a 390 px phone:
// nothing is wider than the screen.
func TestEveryEmailReadsOnAPhoneWithoutScrollingSideways(t *testing.T) {
	env := testkit.NewEnv(t)
	s, service := openSalon(t, env)
	bg := context.Background()
	require.NoError(t, env.Srv.Salons.UpdateSettings(bg, s.ID, salon.SettingsInput{Country: "FR", Name: "Institut de beauté et de bien-être Horizon",
		TimeZone: "Europe/Paris", Currency: "EUR", Locale: "fr", Phone: "01 23 45 67 89", Email: "contact@horizon.test",
		Address:  "Centre commercial des Quatre-Chemins, galerie marchande niveau 2, 123 boulevard du Général-de-Gaulle, 92100 Boulogne-Billancourt",
		SlotStep: 30 * time.Minute, MinNotice: 60 * time.Minute, MaxHorizonDays: 60, CancellationWindow: 24 * time.Hour, DefaultRule: payment.Rule{Mode: payment.ModeNone}, CancelRefund: "refund", DepositName: "acompte"}))
	email := "marie-charlotte.de-la-fontaine-" + s.Slug + "@example.com"
	mails := map[string]testkit.Mail{}

	// A booking's confirmation.
	paris, _ := time.LoadLocation("Europe/Paris")
	n := env.Clock.Now().In(paris).AddDate(0, 0, 2)
	start := time.Date(n.Year(), n.Month(), n.Day(), 10, 0, 0, 0, paris).Format(time.RFC3339)
	visitor := env.NewClient()
	path := "/b/" + s.Slug + "/s/" + service + "/book"
	details := visitor.Get(path + "?start=" + url.QueryEscape(start))
	require.Equal(t, 200, details.Status)
	p := visitor.Post(path, url.Values{"start": {start}, "first_name": {"Marie-Charlotte"}, "last_name": {"de La Fontaine"},
		"email": {email}, "phone": {"06 12 34 56 78"}, "accept_terms": {"1"}, "policy_hash": {details.Value("input[name=policy_hash]")}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	mails["confirmation"] = env.Mail.WaitSubject(t, email, "confirmé")

	// Another client books and cancels from the link in their confirmation.
	other := "jean-baptiste.de-saint-exupery-" + s.Slug + "@example.com"
	p = visitor.Post(path, url.Values{"start": {start}, "first_name": {"Jean-Baptiste"}, "last_name": {"de Saint-Exupéry"},
		"email": {other}, "phone": {"06 98 76 54 32"}, "accept_terms": {"1"}, "policy_hash": {details.Value("input[name=policy_hash]")}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	manage := strings.TrimPrefix(env.Mail.WaitSubject(t, other, "confirmé").Link(t, "/m/"), env.URL)
	require.Less(t, visitor.Post(manage+"/cancel", url.Values{}).Status, 400)
	mails["cancellation"] = env.Mail.WaitSubject(t, other, "annulé")

	// A message the salon writes: an offer, with a long link and a long word.
	var client customer.Customer
	require.NoError(t, env.Srv.DB.WithTenant(bg, s.ID, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(bg, `UPDATE customers SET email_marketing = true WHERE tenant_id = $1 AND email = $2 RETURNING id`, s.ID, email)
		if err == nil {
			err = tx.Raw().QueryRow(bg, `SELECT id FROM customers WHERE tenant_id = $1 AND email = $2`, s.ID, email).Scan(&client.ID)
		}
		return err
	}))
	owner := env.Login(s.OwnerEmail)
	long := "https://horizon.example.com/offres/noel/" + strings.Repeat("soin-eclat-visage-", 8) + "?utm_source=carnet&utm_campaign=" + strings.Repeat("x", 60)
	p = owner.Post("/app/clients/"+client.ID.String()+"/messages", url.Values{"channel": {"email"}, "purpose": {"marketing"},
		"subject": {"Noël chez Horizon"}, "body": {"Bonjour {prenom},\n\n" + strings.Repeat("Supercalifragilistique", 6) + "\n\nNos offres : " + long}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	mails["offer"] = env.Mail.WaitSubject(t, email, "Noël chez Horizon")

	// A sign-in link to the client portal.
	had := len(env.Mail.To(email))
	require.Equal(t, 303, env.NewClient().Post("/b/"+s.Slug+"/account", url.Values{"email": {email}}).Status)
	mails["portal"] = env.Mail.Wait(t, email, had+1)

	// The platform's own: a password reset and an invitation.
	require.Equal(t, 200, env.NewClient().Post("/password/forgot", url.Values{"email": {s.OwnerEmail}}).Status)
	mails["reset"] = env.Mail.WaitSubject(t, s.OwnerEmail, i18n.Tr(i18n.FR, "email.reset.subject"))
	invited := "nouvelle-collaboratrice-" + s.Slug + "@example.com"
	require.Equal(t, 303, owner.Post("/app/team/invitations", url.Values{"email": {invited}, "role": {"staff"}}).Status)
	mails["invitation"] = env.Mail.Wait(t, invited, 1)

	// The reminder, the day before.
	visit, _ := time.Parse(time.RFC3339, start)
	env.Clock.Set(visit.Add(-23 * time.Hour))
	_, err := env.Srv.Messages.SendDueReminders(bg)
	require.NoError(t, err)
	mails["reminder"] = env.Mail.WaitSubject(t, email, "Rappel")

	ctx := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	// A phone's browser lays a page without a viewport out 980 px wide.
	testkit.Step(t, ctx, chromedp.EmulateViewport(testkit.PhoneWidth, testkit.PhoneHeight, chromedp.EmulateScale(3), chromedp.EmulateMobile))
	for name, m := range mails {
		require.NotEmpty(t, m.HTML, name)
		testkit.Step(t, ctx, chromedp.Navigate("data:text/html;charset=utf-8;base64,"+base64.StdEncoding.EncodeToString([]byte(m.HTML))))
		testkit.Screenshot(t, ctx, "email-"+name)
		width := testkit.Read(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		require.LessOrEqual(t, width, testkit.PhoneWidth, "%s: the email is wider than the phone", name)
	}
}
