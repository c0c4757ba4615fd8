package booking_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
)

func TestAVisitBookedInsideTheWindowSaysBeforeAcceptanceThatItCannotBeCancelledFree(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	c := s.web.NewClient()
	detailsOf := func(start time.Time) string {
		page := c.Get(s.servicePath() + "/book?start=" + url.QueryEscape(start.Format(time.RFC3339)))
		require.Equal(t, 200, page.Status)
		return page.Text(".policy")
	}
	// Two days ahead, well outside the 24-hour window: free cancellation.
	start := s.at("11:00")
	require.Contains(t, detailsOf(start), "Annulation gratuite jusqu'à 24 h avant")
	require.NotContains(t, detailsOf(start), "ne pourra plus")

	// Five hours before the visit: the window has already begun.
	s.env.Clock.Set(start.Add(-5 * time.Hour))
	terms := detailsOf(start)
	require.Contains(t, terms, "Ce rendez-vous a lieu dans moins de 24 h : il ne pourra plus être annulé gratuitement.")
	require.NotContains(t, terms, "Annulation gratuite", "no promise that cannot be kept")

	email := "inside-" + s.salon.Slug + "@example.com"
	require.Equal(t, 303, s.book(start, email, nil).Status)
	var kept string
	bk := s.bookingByEmail(email)
	require.NoError(t, s.env.Srv.DB.Unscoped(t.Context(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(t.Context(), `SELECT policy_text FROM bookings WHERE id = $1`, bk.ID).Scan(&kept)
	}))
	require.Contains(t, kept, "ne pourra plus être annulé gratuitement", "the terms kept are the ones accepted")
}

func TestACardImprintNeverReadsAsAPayment(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "card_imprint", noShowFeeCents: 2000})
	email := "imprint-words-" + s.salon.Slug + "@example.com"
	panel, owner := imprinted(t, s, email)
	rows := owner.Get(panel).Text(".payments-list")
	require.Contains(t, rows, "Empreinte enregistrée")
	require.Contains(t, rows, "frais de 20,00\u00a0€ en cas d'absence", "what is at risk")
	require.NotContains(t, rows, "Réussi")
	require.NotRegexp(t, `(^|[^0-9])0,00`, rows, "no 0,00 € as if something was paid")

	manage, err := url.Parse(s.env.Mail.WaitSubject(t, email, "confirmé").Link(t, "/m/"))
	require.NoError(t, err)
	page := s.web.NewClient().Get(manage.Path)
	require.Contains(t, page.Text(".payments"), "Empreinte enregistrée")
	require.Contains(t, page.Text(".payments"), "frais de 20,00\u00a0€ en cas d'absence")
	require.NotContains(t, page.Text(".payments"), "Réussi")
	require.NotRegexp(t, `(^|[^0-9])0,00`, page.Text(".payments"))
}
