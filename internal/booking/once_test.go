package booking_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// filledForm opens the details page of a time as a visitor and fills it in
// the way the page asks: its policy, its one-time key.
func (s shop) filledForm(c *testkit.Client, start time.Time, email string) url.Values {
	page := c.Get(s.servicePath() + "/book?start=" + url.QueryEscape(start.Format(time.RFC3339)))
	require.Equal(s.t, 200, page.Status)
	form := bookForm(start, email)
	for _, name := range []string{"policy_hash", "request_key", "staff"} {
		form.Set(name, page.Value("input[name="+name+"]"))
	}
	return form
}

// pathOf is the path and query of an absolute URL.
func pathOf(t *testing.T, raw string) string {
	u, err := url.Parse(raw)
	require.NoError(t, err)
	return u.RequestURI()
}

// visits counts the salon's appointments of a client's email, whatever their staff.
func (s shop) visits(email string) int {
	var n int
	require.NoError(s.t, s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT count(*) FROM appointments a JOIN customers c ON c.id = a.customer_id
			WHERE a.tenant_id = $1 AND c.email = $2 AND a.status <> 'cancelled'`, s.salon.ID, email).Scan(&n)
	}))
	return n
}

func TestTheSameBookingFormSentTwiceBooksOnceWhoeverAnyoneWouldPick(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	// Two people do the service: "anyone" could put a second sending with Inès.
	_, err := s.env.Srv.Team.Save(context.Background(), s.salon.ID, uuid.Nil, team.MemberInput{Name: "Inès", Color: 3,
		Services: []uuid.UUID{s.service}})
	require.NoError(t, err)

	c := s.web.NewClient()
	email := "twice-" + s.salon.Slug + "@example.com"
	form := s.filledForm(c, s.at("10:00"), email)
	require.NotEmpty(t, form.Get("request_key"), "the form carries its one-time key")
	require.Empty(t, form.Get("staff"), "anyone")

	first := c.Post(s.servicePath()+"/book", form)
	require.Equal(t, 303, first.Status, first.Text(".alert"))
	again := c.Post(s.servicePath()+"/book", form) // back, and send again
	require.Equal(t, 303, again.Status, again.Text(".alert"))
	require.Equal(t, 1, s.onlineBookings(email))
	require.Equal(t, 1, s.visits(email), "one visit in the agenda, not one per staff member")

	// Both answers lead to the same booking, shown as booked.
	one, two := c.Get(pathOf(t, first.Location())), c.Get(pathOf(t, again.Location()))
	require.Equal(t, 200, two.Status)
	require.Equal(t, one.Text(".status-banner"), two.Text(".status-banner"))
	require.Contains(t, two.Text("main"), "Soin éclat")
	s.env.Mail.WaitSubject(t, email, "Rendez-vous confirmé")
	require.Never(t, func() bool { return len(s.env.Mail.To(email)) > 1 }, time.Second, 50*time.Millisecond, "one confirmation email")
}

func TestTheSameBookingFormSentFromManyTapsAtOnceBooksOnce(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	for _, name := range []string{"Inès", "Maëlle"} {
		_, err := s.env.Srv.Team.Save(context.Background(), s.salon.ID, uuid.Nil, team.MemberInput{Name: name, Color: 3,
			Services: []uuid.UUID{s.service}})
		require.NoError(t, err)
	}
	c := s.web.NewClient()
	email := "taps-" + s.salon.Slug + "@example.com"
	form := s.filledForm(c, s.at("11:00"), email)
	form.Set("_csrf", c.CSRF())
	body := form.Encode()

	const taps = 4 // the contact limit allows 5 sendings an hour; the next form is the 5th
	var wg sync.WaitGroup
	start := make(chan struct{})
	statuses := make([]int, taps)
	for i := range taps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPost, s.web.URL+s.servicePath()+"/book", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			<-start
			resp, err := c.Do(req)
			if err == nil {
				statuses[i] = resp.Status
			}
		}()
	}
	close(start)
	wg.Wait()
	for i, st := range statuses {
		require.Equal(t, 303, st, "tap %d", i)
	}
	require.Equal(t, 1, s.onlineBookings(email))
	require.Equal(t, 1, s.visits(email))

	// A new form (the client wants a second visit) books again.
	other := s.filledForm(c, s.at("15:00"), email)
	require.NotEqual(t, form.Get("request_key"), other.Get("request_key"))
	require.Equal(t, 303, c.Post(s.servicePath()+"/book", other).Status)
	require.Equal(t, 2, s.onlineBookings(email))
}

func TestADepositFormSentTwiceOpensOnePaymentAndLeadsBackToIt(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	c := s.web.NewClient()
	email := "twice-pay-" + s.salon.Slug + "@example.com"
	form := s.filledForm(c, s.at("12:00"), email)
	first := c.Post(s.servicePath()+"/book", form)
	require.Equal(t, 303, first.Status, first.Text(".alert"))
	require.True(t, strings.HasPrefix(first.Location(), "https://checkout.stripe.com/"), first.Location())
	again := c.Post(s.servicePath()+"/book", form)
	require.Equal(t, 303, again.Status, again.Text(".alert"))
	require.Equal(t, first.Location(), again.Location(), "the same payment page")
	require.Len(t, s.env.Stripe.CallsOn(s.account, "/v1/checkout/sessions"), 1)
	require.Equal(t, 1, s.onlineBookings(email))
}

func TestTheSameTimeBookedFromTwoTabsBooksOnceButAFriendsBookingIsItsOwn(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	_, err := s.env.Srv.Team.Save(context.Background(), s.salon.ID, uuid.Nil, team.MemberInput{Name: "Inès", Color: 3,
		Services: []uuid.UUID{s.service}})
	require.NoError(t, err)

	// The same browser opens the form of 10:00 in two tabs and sends both.
	c := s.web.NewClient()
	email := "tabs-" + s.salon.Slug + "@example.com"
	tab1, tab2 := s.filledForm(c, s.at("10:00"), email), s.filledForm(c, s.at("10:00"), email)
	require.Equal(t, 303, c.Post(s.servicePath()+"/book", tab1).Status)
	require.Equal(t, 303, c.Post(s.servicePath()+"/book", tab2).Status)
	require.Equal(t, 1, s.onlineBookings(email))
	require.Equal(t, 1, s.visits(email))

	// From the same phone, the same time for a friend, with Inès (anyone).
	friend := "friend-" + s.salon.Slug + "@example.com"
	form := s.filledForm(c, s.at("10:00"), friend)
	form.Set("first_name", "Chloé")
	form.Set("phone", "07 98 76 54 32")
	p := c.Post(s.servicePath()+"/book", form)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, 1, s.onlineBookings(friend), "a booking of her own")
	require.Equal(t, 1, s.onlineBookings(email))

	// Cancelled, then booked again from the same form: a new booking, not
	// the page of the cancelled one.
	manage := pathOf(t, p.Location())
	manage = manage[:strings.Index(manage, "?")]
	require.Equal(t, 303, c.Post(manage+"/cancel", url.Values{}).Status)
	again := c.Post(s.servicePath()+"/book", form)
	require.Equal(t, 303, again.Status, again.Text(".alert"))
	require.NotEqual(t, pathOf(t, p.Location()), pathOf(t, again.Location()))
	require.Equal(t, 2, s.onlineBookings(friend))
	require.Equal(t, 1, s.visits(friend), "one live visit")
}

// A second tap can land on the manage page before Stripe's page exists; the
// banner that refreshes itself offers the way to pay as soon as it does.
func TestTheWaitingBannerOffersTheWayToPay(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	c := s.web.NewClient()
	first := c.Post(s.servicePath()+"/book", s.filledForm(c, s.at("12:00"), "banner-"+s.salon.Slug+"@example.com"))
	require.Equal(t, 303, first.Status, first.Text(".alert"))
	u, err := url.Parse(s.lastSession().Form.Get("success_url"))
	require.NoError(t, err)
	status := s.web.NewClient().Get(u.Path + "/status")
	require.Equal(t, 200, status.Status)
	require.Equal(t, first.Location(), status.Doc.Find("#status a.pay-now").AttrOr("href", ""))
}
