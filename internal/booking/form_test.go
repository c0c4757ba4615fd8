package booking_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
)

// The time a client books is the one the slot button carried: anything else
// was never offered, and no booking is made.
func TestABookingFormWithAStartThatIsNotATimeIsNotFound(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{})
	email := "pas-une-heure@example.com"
	p := s.book(s.at("10:00"), email, url.Values{"start": {"demain 10h"}})
	require.Equal(t, 404, p.Status)
	var n int
	require.NoError(t, s.env.Srv.DB.Unscoped(t.Context(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(t.Context(), `SELECT count(*) FROM bookings WHERE tenant_id = $1 AND email = $2`, s.salon.ID, email).Scan(&n)
	}))
	require.Zero(t, n, "no booking was made")
}

// A refused booking form comes back with what the client typed, boxes ticked.
func TestARefusedBookingFormComesBackAsTyped(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{})
	p := s.book(s.at("10:00"), "pas-un-email", url.Values{"note": {"Peau sensible"}})
	require.Equal(t, 422, p.Status)
	require.NotEmpty(t, p.FieldError("email"))
	require.Equal(t, "pas-un-email", p.Value("#email"))
	require.Equal(t, "Peau sensible", p.Text("#note"))
	require.Equal(t, 1, p.Doc.Find("#accept_terms[checked]").Length(), "the accepted terms stay ticked")
}
