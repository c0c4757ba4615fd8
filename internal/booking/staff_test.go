package booking_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/team"
)

// onlineBookings counts the salon's online bookings of an email.
func (s shop) onlineBookings(email string) int {
	var n int
	require.NoError(s.t, s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT count(*) FROM bookings WHERE tenant_id = $1 AND email = $2`,
			s.salon.ID, email).Scan(&n)
	}))
	return n
}

func TestAFormNamingSomeoneWhoDoesNotDoTheServiceIsRefusedNotBookedWithSomeoneElse(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	// Inès works here but does not do the « Soin éclat »; Nora does.
	ines, err := s.env.Srv.Team.Save(context.Background(), s.salon.ID, uuid.Nil, team.MemberInput{Name: "Inès", Color: 3})
	require.NoError(t, err)

	for _, staff := range []string{ines.String(), "not-an-id", uuid.NewString()} {
		email := "wrong-staff-" + s.salon.Slug + "@example.com"
		p := s.book(s.at("10:00"), email, map[string][]string{"staff": {staff}})
		require.Equal(t, 409, p.Status, "staff %q", staff)
		require.Contains(t, p.Text(".alert.bad"), "ne fait pas cette prestation")
		require.Equal(t, 0, s.onlineBookings(email), "nothing booked, with Nora or anyone")
		require.NotZero(t, p.Doc.Find(".slots a").Length(), "the times are shown again to choose")
	}

	// The details page of a time with her is not a page at all.
	c := s.web.NewClient()
	require.Equal(t, 404, c.Get(s.servicePath()+"/book?start="+url.QueryEscape(s.at("10:00").Format(time.RFC3339))+"&staff="+ines.String()).Status)

	// With Nora, who does it, the same form books.
	email := "right-staff-" + s.salon.Slug + "@example.com"
	p := s.book(s.at("10:00"), email, map[string][]string{"staff": {s.staff.String()}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, 1, s.onlineBookings(email))
}
