package booking_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/salon"
)

func TestASuspendedSalonsPageGivesItsPhoneAndAddressAndTakesNoBooking(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	set := shopSettings(2000, 24*time.Hour, salon.RefundOnCancel)
	set.Address, set.Phone = "12 rue des Lilas, 75011 Paris", "01 23 45 67 89"
	require.NoError(t, s.env.Srv.Salons.UpdateSettings(t.Context(), s.salon.ID, set))
	require.NoError(t, s.env.Srv.Admin.Suspend(t.Context(), adminActor(s), s.salon.ID, "Impayés"))

	page := s.web.NewClient().Get("/b/" + s.salon.Slug)
	require.Equal(t, 503, page.Status)
	require.Equal(t, "12 rue des Lilas, 75011 Paris", page.Text("#salon-unavailable .salon-address"))
	tel, _ := page.Doc.Find("#salon-unavailable a.salon-phone").Attr("href")
	require.Equal(t, "tel:01 23 45 67 89", tel)
	require.Zero(t, page.Doc.Find("form, a[href*='/s/']").Length(), "nothing to book")
	require.NotContains(t, page.Body, "Impayés")

	p := s.web.NewClient().Post(s.servicePath()+"/book", bookForm(s.at("11:00"), "late@example.com"))
	require.Equal(t, 503, p.Status, "a booking form posted during the suspension is refused")
}

func TestASuspendedSalonsClientsStillCancelWithTheRefundTheirTermsPromise(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "suspended-" + s.salon.Slug + "@example.com"
	manage := confirmedDeposit(t, s, email)
	require.NoError(t, s.env.Srv.Admin.Suspend(t.Context(), adminActor(s), s.salon.ID, "Impayés"))

	c := s.web.NewClient()
	page := c.Get(manage)
	require.Equal(t, 200, page.Status, "the visit's page still opens")
	require.Contains(t, page.Text("#salon-suspended"), "ne prend pas de réservations")
	require.Zero(t, page.Doc.Find("a[href$='/reschedule']").Length(), "nothing can be moved")
	require.Equal(t, 503, c.Get(manage+"/reschedule").Status)

	p := c.Post(manage+"/cancel", nil)
	require.Equal(t, 303, p.Status)
	after := c.Follow(p)
	require.Contains(t, after.Text(".status-banner"), "remboursé")
	refunds := s.refunds(1)
	require.Equal(t, "1500", refunds[0].Form.Get("amount"), "the deposit goes back, as the terms said")
	require.Equal(t, s.account, refunds[0].Account)
	require.Eventually(t, func() bool { return strings.Contains(c.Get(manage).Text(".payments"), "Remboursement") },
		10*time.Second, 50*time.Millisecond)
	s.env.Mail.WaitSubject(t, email, "Rendez-vous annulé")
	st, appt := s.statusOf(s.bookingByEmail(email))
	require.Equal(t, "cancelled", appt, st)
}

func TestASuspendedSalonsKeptPagesNeverOpenAnotherSalonsVisit(t *testing.T) {
	t.Parallel()
	a := newShop(t, shopOptions{mode: "none"})
	b := newShop(t, shopOptions{mode: "none"})
	email := "other-" + b.salon.Slug + "@example.com"
	p := b.book(b.at("10:00"), email, nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	u, err := url.Parse(p.Location())
	require.NoError(t, err)
	token := u.Path[strings.LastIndex(u.Path, "/")+1:]
	require.NoError(t, a.env.Srv.Admin.Suspend(t.Context(), adminActor(a), a.salon.ID, "Impayés"))

	c := a.web.NewClient()
	base := "/b/" + a.salon.Slug + "/m/" + token
	for _, path := range []string{base, base + "/status"} {
		require.Equal(t, 404, c.Get(path).Status, path)
	}
	require.Equal(t, 404, c.Post(base+"/cancel", nil).Status)
	st, appt := b.statusOf(b.bookingByEmail(email))
	require.Equal(t, "confirmed", st, "B's booking is untouched")
	require.Equal(t, "booked", appt)
}
