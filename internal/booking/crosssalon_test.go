package booking_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestPublicRoutesNeverCrossSalons(t *testing.T) {
	t.Parallel()
	a := newShop(t, shopOptions{mode: "none"})
	// Salon B lives in the same database; only its ids are aimed at A's address.
	b := newShop(t, shopOptions{mode: "none"})
	email := "bclient-" + b.salon.Slug + "@example.com"
	p := b.book(b.at("10:00"), email, nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	u, err := url.Parse(p.Location())
	require.NoError(t, err)
	token := u.Path[strings.LastIndex(u.Path, "/")+1:]
	require.Equal(t, 200, b.web.NewClient().Get(u.Path).Status, "B's link works on B")

	c := a.web.NewClient()
	for _, path := range []string{
		"/b/" + a.salon.Slug + "/m/" + token,
		"/b/" + a.salon.Slug + "/m/" + token + "/status",
		"/b/" + a.salon.Slug + "/m/" + token + "/reschedule",
		"/b/" + a.salon.Slug + "/m/" + token + "/reschedule/confirm?start=" + url.QueryEscape(b.at("12:00").Format(time.RFC3339)),
		"/b/" + a.salon.Slug + "/s/" + b.service.String(),
		"/b/" + a.salon.Slug + "/s/" + b.service.String() + "/slots",
		"/b/" + a.salon.Slug + "/s/" + b.service.String() + "/book?start=2030-01-01T10:00:00Z",
	} {
		page := c.Get(path)
		require.Equal(t, 404, page.Status, path)
		require.NotContains(t, page.Body, "Martin", path)
	}
	for _, path := range []string{"/b/" + a.salon.Slug + "/m/" + token + "/cancel", "/b/" + a.salon.Slug + "/m/" + token + "/reschedule",
		"/b/" + a.salon.Slug + "/s/" + b.service.String() + "/book"} {
		require.Equal(t, 404, c.Post(path, bookForm(b.at("11:00"), "x@example.com")).Status, path)
	}
	st, appt := b.statusOf(b.bookingByEmail(email))
	require.Equal(t, "confirmed", st, "B's booking is untouched")
	require.Equal(t, "booked", appt)
}

func TestASuspendedSalonsPageSaysItIsUnavailable(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	require.NoError(t, s.env.Srv.Admin.Suspend(t.Context(), adminActor(s), s.salon.ID, "Impayés"))
	for _, path := range []string{"/b/" + s.salon.Slug, s.servicePath()} {
		page := s.web.NewClient().Get(path)
		require.Equal(t, 503, page.Status)
		require.Contains(t, page.Text(".card"), "indisponible")
		require.NotContains(t, page.Body, "Impayés", "the platform's reason stays private")
	}
}
