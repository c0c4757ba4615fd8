package booking_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/activity"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// mailsQueued counts the emails queued for an address whose subject starts
// with prefix, sent or not yet: what a test needs to prove none was.
func (s shop) mailsQueued(to, prefix string) int {
	var n int
	require.NoError(s.t, s.env.Srv.DB.Unscoped(s.t.Context(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(s.t.Context(), `SELECT count(*) FROM river.river_job WHERE kind = 'mail.send'
			AND args->'message'->>'to' = $1 AND args->'message'->>'subject' LIKE $2`, to, prefix+"%").Scan(&n)
	}))
	return n
}

// feed is the home page's events as the owner reads them, newest first.
func feed(t *testing.T, owner *testkit.Client) *goquery.Selection {
	p := owner.Get("/app")
	require.Equal(t, 200, p.Status)
	return p.Doc.Find(".activity-feed li")
}

func TestTheOwnerHearsOfAnOnlineBookingByEmailAndOnTheHomePage(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	confirmedDeposit(t, s, "news-"+s.salon.Slug+"@example.com")
	bk := s.bookingByEmail("news-" + s.salon.Slug + "@example.com")
	when := activity.When(i18n.FR, s.at("11:00"))

	m := s.env.Mail.WaitSubject(t, s.salon.OwnerEmail, "Nouvelle réservation")
	require.Equal(t, "Nouvelle réservation : Léa Martin, "+when, m.Subject)
	require.Equal(t, "no-reply@carnet.test", strings.Trim(m.From, "<>"), "from Carnet's address")
	line := "Léa Martin a réservé en ligne Soin éclat le " + when + " avec Nora."
	visit := "/app/appointments/" + bk.AppointmentID.String()
	for _, part := range []string{m.Text, m.HTML} {
		require.Contains(t, part, line)
		require.Contains(t, part, "Montant : 15,00")
		require.Contains(t, part, visit)
		require.Contains(t, part, "/app/settings/notifications", "the way to stop these emails")
	}
	// Any test's worker may send it: the address is that server's own.
	link, err := url.Parse(m.Link(t, "/app/appointments/"))
	require.NoError(t, err)
	require.Equal(t, visit, link.Path)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(m.HTML))
	require.NoError(t, err)
	require.Equal(t, "Voir le rendez-vous", strings.TrimSpace(doc.Find("a[href$='"+visit+"']").First().Text()), "the visit is the button")

	owner := s.web.Login(s.salon.OwnerEmail)
	items := feed(t, owner)
	require.Equal(t, 1, items.Length())
	require.Contains(t, items.First().Text(), line)
	require.Equal(t, "/app/appointments/"+bk.AppointmentID.String(), items.First().Find("a").AttrOr("href", ""))

	other := s.env.NewSalon("Un autre salon")
	require.Zero(t, feed(t, s.web.Login(other.OwnerEmail)).Length(), "another salon sees nothing of it")
}

func TestTheOwnerHearsOfACancellationThenTheRefundNewestFirst(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	manage := confirmedDeposit(t, s, "bye-"+s.salon.Slug+"@example.com")
	require.Equal(t, 303, s.web.NewClient().Post(manage+"/cancel", nil).Status)
	s.refunds(1)

	m := s.env.Mail.WaitSubject(t, s.salon.OwnerEmail, "Rendez-vous annulé")
	require.Contains(t, m.Text, "Léa Martin a annulé son rendez-vous (Soin éclat, le "+activity.When(i18n.FR, s.at("11:00"))+" avec Nora).")
	r := s.env.Mail.WaitSubject(t, s.salon.OwnerEmail, "Remboursement effectué")
	require.Contains(t, r.Text, "Remboursement fait à Léa Martin")
	require.Contains(t, r.HTML, "Montant : 15,00")

	items := feed(t, s.web.Login(s.salon.OwnerEmail))
	var kinds []string
	items.Each(func(_ int, li *goquery.Selection) { kinds = append(kinds, li.AttrOr("class", "")) })
	require.Equal(t, []string{"event-refunded", "event-cancelled", "event-booked"}, kinds)
}

func TestTheOwnerHearsOfARescheduleAndOfTheSalonsOwnCancellation(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	manage := confirmedDeposit(t, s, "moves-"+s.salon.Slug+"@example.com")
	bk := s.bookingByEmail("moves-" + s.salon.Slug + "@example.com")
	p := s.web.NewClient().Post(manage+"/reschedule", url.Values{"start": {s.at("16:30").Format(time.RFC3339)}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	m := s.env.Mail.WaitSubject(t, s.salon.OwnerEmail, "Rendez-vous déplacé")
	require.Contains(t, m.Text, "Léa Martin a déplacé son rendez-vous (Soin éclat) au "+activity.When(i18n.FR, s.at("16:30"))+" avec Nora.")

	owner := s.web.Login(s.salon.OwnerEmail)
	require.Equal(t, 303, owner.Post("/app/appointments/"+bk.AppointmentID.String()+"/status", url.Values{"status": {"cancelled"}}).Status)
	c := s.env.Mail.WaitSubject(t, s.salon.OwnerEmail, "Rendez-vous annulé")
	require.Contains(t, c.Text, "Le rendez-vous de Léa Martin (Soin éclat, le "+activity.When(i18n.FR, s.at("16:30"))+" avec Nora) a été annulé par le salon.")
}

func TestTheOwnerHearsOfADeclinedPayment(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "card_imprint", noShowFeeCents: 2500})
	when := activity.When(i18n.FR, s.at("14:00")) // imprinted moves the clock past the visit
	panel, owner := imprinted(t, s, "declined-"+s.salon.Slug+"@example.com")
	s.env.Stripe.Stub(s.account, func(c testkit.StripeCall) (int, string, bool) {
		if c.Method == "POST" && c.Path == "/v1/payment_intents" {
			return 402, `{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined.",
				"payment_intent":{"id":"pi_declined","object":"payment_intent","status":"requires_payment_method"}}}`, true
		}
		return 0, "", false
	})
	require.Equal(t, 303, owner.Post(panel+"/fee", nil).Status)
	m := s.env.Mail.WaitSubject(t, s.salon.OwnerEmail, "Paiement refusé")
	require.Contains(t, m.Text, "Le paiement de Léa Martin pour son rendez-vous (Soin éclat, le "+when+" avec Nora) a été refusé.")
	require.Contains(t, m.Text, "Montant : 25,00")
	require.Equal(t, "event-payment_failed", feed(t, owner).First().AttrOr("class", ""))
}

func TestEachEventIsSwitchedInTheSettingsAndManagersOptIn(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	owner := s.web.Login(s.salon.OwnerEmail)
	require.Equal(t, "/app/settings/notifications", owner.Get("/app/settings").Doc.Find("#notifications-link").AttrOr("href", ""),
		"the switches are found from the settings")
	require.Equal(t, 303, owner.Post("/app/settings/notifications", url.Values{"events": {"cancelled", "refunded"}}).Status)
	page := owner.Get("/app/settings/notifications")
	require.Contains(t, page.Text(".alert"), "enregistrés")
	require.False(t, page.Doc.Find(`input[value=booked]`).Is(":checked"), "booked is off")
	require.True(t, page.Doc.Find(`input[value=cancelled]`).Is(":checked"))

	manager := "manager-" + s.salon.Slug + "@example.com"
	owner.Post("/app/team/invitations", url.Values{"email": {manager}, "role": {"manager"}})
	link, err := url.Parse(s.env.Mail.Wait(t, manager, 1).Link(t, "/invite/"))
	require.NoError(t, err)
	mc := s.web.NewClient()
	require.Equal(t, 303, mc.Post(link.Path, url.Values{"name": {"Manon"}, "password": {"le-secret-de-manon"}}).Status)
	require.Zero(t, mc.Get("/app/settings/notifications").Doc.Find(`input[name=events]:checked`).Length(), "a manager starts with none")
	require.Equal(t, 303, mc.Post("/app/settings/notifications", url.Values{"events": {"booked"}}).Status)

	manage := confirmedDeposit(t, s, "switch-"+s.salon.Slug+"@example.com")
	s.env.Mail.WaitSubject(t, manager, "Nouvelle réservation")
	require.Zero(t, s.mailsQueued(s.salon.OwnerEmail, "Nouvelle réservation"), "the owner turned bookings off")

	require.Equal(t, 303, s.web.NewClient().Post(manage+"/cancel", nil).Status)
	s.env.Mail.WaitSubject(t, s.salon.OwnerEmail, "Rendez-vous annulé")
	require.Zero(t, s.mailsQueued(manager, "Rendez-vous annulé"), "the manager did not ask for cancellations")
	require.Equal(t, 1, feed(t, owner).Filter(".event-booked").Length(), "the feed shows every event whatever the emails")
	require.Equal(t, 1, feed(t, owner).Filter(".event-cancelled").Length())
}

func TestTheDemoSalonsEventsEmailNobody(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	require.NoError(t, s.env.Srv.DB.Unscoped(t.Context(), func(tx store.Tx) error { return tx.TenantMarkDemo(t.Context(), s.salon.ID) }))
	email := "demo-" + s.salon.Slug + "@example.com"
	require.Equal(t, 303, s.book(s.at("11:00"), email, nil).Status)
	bk := s.bookingByEmail(email)
	code, _ := s.post(s.paid(s.sessionOf(bk), "pi_demo_"+s.salon.Slug), testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	s.waitStatus(bk, "confirmed")
	require.Equal(t, 1, feed(t, s.web.Login(s.salon.OwnerEmail)).Length(), "the demo's feed shows its bookings")
	require.Zero(t, s.mailsQueued(s.salon.OwnerEmail, ""), "and emails nobody")
}
