package booking_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestAClientBackFromStripeWithoutPayingIsToldAndTheTimeIsFreedAtOnce(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "gaveup-" + s.salon.Slug + "@example.com"
	require.Equal(t, 303, s.book(s.at("11:00"), email, nil).Status)
	cancelURL, err := url.Parse(s.lastSession().Form.Get("cancel_url"))
	require.NoError(t, err)
	require.Equal(t, "1", cancelURL.Query().Get("gaveup"))

	c := s.web.NewClient()
	busy := c.Get(s.servicePath() + "?date=" + s.day().Format(time.DateOnly))
	require.NotContains(t, busy.Text("#times .slots"), "11:00", "held while the client is on Stripe's page")

	back := c.Get(cancelURL.Path + "?" + cancelURL.RawQuery)
	require.Equal(t, 200, back.Status)
	require.Contains(t, back.Text(".status-banner h1"), "Paiement abandonné")
	require.Contains(t, back.Text(".status-banner"), "rien n'a été prélevé")
	bk := s.bookingByEmail(email)
	st, appt := s.statusOf(bk)
	require.Equal(t, "expired", st, "released at once, not when the hold runs out")
	require.Equal(t, "cancelled", appt)
	require.Eventually(t, func() bool {
		return len(s.env.Stripe.CallsOn(s.account, "/v1/checkout/sessions/"+s.sessionOf(bk)+"/expire")) == 1
	}, 5*time.Second, 50*time.Millisecond, "Stripe's page is closed")

	free := c.Get(s.servicePath() + "?date=" + s.day().Format(time.DateOnly))
	require.Contains(t, free.Text("#times .slots"), "11:00", "the time is free again")
	retry := c.Get(back.Doc.Find(".status-banner a.retry").AttrOr("href", "none"))
	require.Equal(t, 200, retry.Status, "trying again leads to the same time")
	require.Equal(t, s.at("11:00").Format(time.RFC3339), retry.Value("input[name=start]"))
	other := c.Get(back.Doc.Find(".status-banner a.other-time").AttrOr("href", "none"))
	require.Equal(t, 200, other.Status)
	require.Contains(t, other.Text("#times .slots"), "11:00")

	again := c.Get(cancelURL.Path + "?" + cancelURL.RawQuery)
	require.Equal(t, 200, again.Status, "coming back twice changes nothing")
}

func TestARefusedTimeSaysWhyAndKeepsWhatTheClientTyped(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	require.Equal(t, 303, s.book(s.at("11:00"), "first-"+s.salon.Slug+"@example.com", nil).Status)

	// Someone else took 11:00 while this client typed.
	form := bookForm(s.at("11:00"), "second-"+s.salon.Slug+"@example.com")
	form.Set("first_name", "Inès")
	form.Set("note", "Peau sensible")
	form.Set("policy_hash", s.shownPolicy(s.web.NewClient(), s.at("10:00")))
	c := s.web.NewClient()
	p := c.Post(s.servicePath()+"/book", form)
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text(".alert"), "vient d'être pris")
	require.Equal(t, "Inès", p.Value("#first_name"))
	require.Equal(t, "second-"+s.salon.Slug+"@example.com", p.Value("#email"))
	require.Equal(t, "Peau sensible", p.Text("#note"))
	var times []string
	p.Doc.Find(".alternatives input[name=start]").Each(func(_ int, in *goquery.Selection) { times = append(times, in.AttrOr("value", "")) })
	require.NotEmpty(t, times)
	require.NotContains(t, times, s.at("11:00").Format(time.RFC3339))
	require.Contains(t, times, s.at("12:00").Format(time.RFC3339))
	require.Equal(t, s.at("12:00").Format(time.RFC3339), p.Value(".alternatives input[checked]"), "the nearest time after is chosen first")

	// Picking another time on that page books it, nothing typed again.
	form.Set("start", s.at("12:00").Format(time.RFC3339))
	require.Equal(t, 303, c.Post(s.servicePath()+"/book", form).Status)

	// A time that has passed is "passé", not "pris".
	start := s.at("15:00")
	s.env.Clock.Set(start.Add(10 * time.Minute))
	page := c.Get(s.servicePath() + "/book?start=" + url.QueryEscape(start.Format(time.RFC3339)))
	require.Equal(t, 409, page.Status)
	require.Contains(t, page.Text(".alert"), "déjà passé")
	require.NotContains(t, page.Text(".alert"), "pris")
	late := bookForm(start, "late-"+s.salon.Slug+"@example.com")
	late.Set("policy_hash", s.shownPolicy(c, s.at("10:00")))
	p = c.Post(s.servicePath()+"/book", late)
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text(".alert"), "déjà passé")
	require.Equal(t, "Léa", p.Value("#first_name"))
}

func TestErrorPagesOnASalonsAddressAreTheSalonsAndSpeakToTheClient(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	c := s.web.NewClient()
	for _, path := range []string{"/b/" + s.salon.Slug + "/m/not-a-token", "/b/" + s.salon.Slug + "/s/not-a-service"} {
		p := c.Get(path)
		require.Equal(t, 404, p.Status, path)
		require.Contains(t, p.Text(".salon-bar"), "Institut Paiement", "the salon's own header")
		require.Contains(t, p.Text("h1"), "n'existe pas")
		back := p.Doc.Find(".client-error a.btn")
		require.Equal(t, "/b/"+s.salon.Slug, back.AttrOr("href", ""))
		require.Contains(t, back.Text(), "Retour à Institut Paiement")
		require.NotContains(t, p.Body, "Retour à l'accueil")
	}

	email := "twice-" + s.salon.Slug + "@example.com"
	p := s.book(s.at("11:00"), email, nil)
	require.Equal(t, 303, p.Status)
	u, err := url.Parse(p.Location())
	require.NoError(t, err)
	manage := u.Path
	require.Equal(t, 303, c.Post(manage+"/cancel", nil).Status)
	conflict := c.Post(manage+"/cancel", nil)
	require.Equal(t, 409, conflict.Status)
	require.Contains(t, conflict.Text(".salon-bar"), "Institut Paiement")
	require.Contains(t, conflict.Text("h1"), "ne peut plus être annulé")

	// Too many tries: the form comes back as typed, with the reason.
	var last *testkit.Page
	for i := 1; i <= 11; i++ {
		form := bookForm(s.at("10:00"), fmt.Sprintf("try%d-not-an-email", i))
		form.Set("phone", fmt.Sprintf("06 22 22 22 %02d", i))
		form.Set("note", "Essai numéro "+fmt.Sprint(i))
		form.Set("policy_hash", s.shownPolicy(c, s.at("10:00")))
		last = c.Post(s.servicePath()+"/book", form)
	}
	require.Equal(t, 429, last.Status)
	require.Contains(t, last.Text(".salon-bar"), "Institut Paiement")
	require.Contains(t, last.Text(".alert"), "Trop de tentatives")
	require.Equal(t, "Essai numéro 11", last.Text("#note"))
	require.Equal(t, "06 22 22 22 11", last.Value("#phone"))
	require.True(t, strings.HasPrefix(last.Value("input[name=start]"), s.at("10:00").Format("2006-01-02T15:04")), "the time is kept too")
}

func TestWhenPaymentsAreDownTheFormComesBackAsTypedWithA503(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	s.env.Stripe.Stub(s.account, func(call testkit.StripeCall) (int, string, bool) {
		if call.Path == "/v1/checkout/sessions" {
			return 500, `{"error":{"type":"api_error","message":"Stripe is down"}}`, true
		}
		return 0, "", false
	})
	form := bookForm(s.at("11:00"), "down-"+s.salon.Slug+"@example.com")
	form.Set("note", "Première visite")
	c := s.web.NewClient()
	form.Set("policy_hash", s.shownPolicy(c, s.at("11:00")))
	p := c.Post(s.servicePath()+"/book", form)
	require.Equal(t, 503, p.Status)
	require.Contains(t, p.Text(".salon-bar"), "Institut Paiement")
	require.Contains(t, p.Text(".alert"), "momentanément indisponible")
	require.Equal(t, "Léa", p.Value("#first_name"))
	require.Equal(t, "Première visite", p.Text("#note"))
	require.Equal(t, s.at("11:00").Format(time.RFC3339), p.Value("input[name=start]"))
	free := c.Get(s.servicePath() + "?date=" + s.day().Format(time.DateOnly))
	require.Contains(t, free.Text("#times .slots"), "11:00", "nothing was kept")
}

// Late in the evening, with no free time left that day, a refused time
// leaves nothing to pick: the form offers another day, not a button that
// would post no time and lose what the client typed.
func TestARefusedTimeWithNothingLeftThatDayOffersAnotherDayNotABookButton(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	c := s.web.NewClient()
	policy, start, evening := s.shownPolicy(c, s.at("10:00")), s.at("15:00"), s.day().Add(23*time.Hour+50*time.Minute)
	s.env.Clock.Set(evening)
	late := bookForm(start, "evening-"+s.salon.Slug+"@example.com")
	late.Set("policy_hash", policy)
	p := c.Post(s.servicePath()+"/book", late)
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text(".alert"), "déjà passé")
	require.Zero(t, p.Doc.Find(".alternatives input[name=start]").Length())
	require.Zero(t, p.Doc.Find(`form[action$="/book"] button[type=submit]`).Length())
	require.Equal(t, "Léa", p.Value("#first_name"))
}

// A client who gives up while Stripe fails (the browser closed, the request
// cancelled) must not leave the time blocked until the hold expires: the
// release outlives the request.
func TestAHoldIsReleasedEvenWhenTheClientsRequestIsGone(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	reqCtx, gone := context.WithCancel(context.Background())
	s.env.Stripe.Stub(s.account, func(call testkit.StripeCall) (int, string, bool) {
		if call.Path == "/v1/checkout/sessions" {
			gone()
			return 500, `{"error":{"type":"api_error","message":"Stripe is down"}}`, true
		}
		return 0, "", false
	})
	offer, err := s.env.Srv.Booking.Offer(context.Background(), s.sal)
	require.NoError(t, err)
	off, ok := offer.Find(s.service)
	require.True(t, ok)
	in := booking.Input{ServiceID: off.ID, Start: s.at("11:00"), FirstName: "Léa", LastName: "Martin",
		Email: "gone-" + s.salon.Slug + "@example.com", Phone: "06 12 34 56 78", AcceptTerms: true,
		PolicyHash: s.shownPolicy(s.web.NewClient(), s.at("11:00")), Lang: i18n.FR}
	_, err = s.env.Srv.Booking.Book(reqCtx, s.sal, off, in)
	require.Error(t, err)

	free := s.web.NewClient().Get(s.servicePath() + "?date=" + s.day().Format(time.DateOnly))
	require.Contains(t, free.Text("#times .slots"), "11:00", "the time is free again at once")
}
