package booking_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestThePortalIsLinkedFromTheSalonPageTheBookingsPageAndEveryEmail(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	portal := "/b/" + s.salon.Slug + "/account"
	c := s.web.NewClient()
	require.Equal(t, 1, c.Get("/b/"+s.salon.Slug).Doc.Find(`a[href="`+portal+`"]`).Length(), "from the salon's page")

	email := "found-" + s.salon.Slug + "@example.com"
	p := s.book(s.at("10:00"), email, nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	manage := c.Get(pathOf(t, p.Location()))
	require.Equal(t, 200, manage.Status)
	require.Equal(t, 1, manage.Doc.Find(`a[href="`+portal+`"]`).Length(), "from the booking's own page")
	require.Equal(t, 1, c.Get(portal).Doc.Find(`a[href="`+portal+`"][aria-current="page"]`).Length())

	// The confirmation, and the cancellation, both close on the portal (at
	// the address of whichever server's worker sent them), before the
	// salon's contact details.
	confirmed := s.env.Mail.WaitSubject(t, email, "Rendez-vous confirmé")
	require.Regexp(t, `dans votre espace client : http://[^ ]+`+portal+`\s+Institut Paiement\s*$`, confirmed.Text)
	require.Regexp(t, `href="http://[^"]+`+portal+`"`, confirmed.HTML)
	require.Contains(t, confirmed.Text, "Rien à payer en ligne", "the message itself is untouched")

	cancel := c.Post(pathOf(t, p.Location())[:strings.Index(pathOf(t, p.Location()), "?")]+"/cancel", url.Values{})
	require.Equal(t, 303, cancel.Status, cancel.Text(".alert"))
	cancelled := s.env.Mail.WaitSubject(t, email, "Rendez-vous annulé")
	require.Regexp(t, `dans votre espace client : http://[^ ]+`+portal+`\s+Institut Paiement\s*$`, cancelled.Text)
	require.Regexp(t, `href="http://[^"]+`+portal+`"`, cancelled.HTML)
}

func TestABookingWhosePaymentNeverWentThroughIsNeverShownAsAVisit(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "never-" + s.salon.Slug + "@example.com"
	// The client reaches Stripe's page and leaves: the hold runs out.
	p := s.book(s.at("10:00"), email, nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	bk := s.bookingByEmail(email)
	s.env.Clock.Advance(16 * time.Minute)
	_, err := s.env.Srv.Booking.ReleaseExpiredOf(t.Context(), s.salon.ID)
	require.NoError(t, err)
	st, _ := s.statusOf(bk)
	require.Equal(t, "expired", st)

	// The salon's client record shows no visit.
	owner := s.web.Login(s.salon.OwnerEmail)
	rec := owner.Get("/app/clients/" + bk.CustomerID.String())
	require.Equal(t, 200, rec.Status)
	require.Zero(t, rec.Doc.Find("#visits ul.visits li").Length(), rec.Text("#visits"))

	// Nor does the client's portal.
	c := s.web.NewClient()
	c.Get("/b/" + s.salon.Slug + "/account")
	require.Equal(t, 303, c.Post("/b/"+s.salon.Slug+"/account", url.Values{"email": {email}}).Status)
	link, err := url.Parse(s.env.Mail.WaitSubject(t, email, "").Link(t, "/account/login/"))
	require.NoError(t, err)
	require.Equal(t, 303, c.Post(link.Path, nil).Status)
	home := c.Get("/b/" + s.salon.Slug + "/account")
	require.Equal(t, 200, home.Status)
	require.Zero(t, home.Doc.Find(".visit-card").Length(), home.Text(".visit-list"))
	require.Zero(t, home.Doc.Find(".past-visits li").Length())
}
