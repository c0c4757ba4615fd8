package booking_test

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestUntilStripeIsReadyPaidServicesAreBookedByPhoneOrWithoutPayment(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit", notConnected: true})
	page := s.web.NewClient().Get("/b/" + s.salon.Slug)
	require.Contains(t, page.Text(".service-item"), "Réservation par téléphone")
	require.Equal(t, 0, page.Doc.Find("a.service-item").Length(), "no way to book it online")
	require.Equal(t, 404, s.web.NewClient().Get(s.servicePath()).Status)

	// The owner chooses to take these bookings without payment meanwhile.
	require.NoError(t, s.env.Srv.Salons.UpdateSettings(context.Background(), s.salon.ID, salon.SettingsInput{Country: "FR", Name: "Institut Paiement",
		TimeZone: "Europe/Paris", Currency: "EUR", Locale: "fr", SlotStep: 15 * time.Minute, MinNotice: 60 * time.Minute, MaxHorizonDays: 60,
		CancellationWindow: 24 * time.Hour, NoShowFeeCents: 2000, DefaultRule: payment.Rule{Mode: payment.ModeNone},
		BookWithoutPayment: true, CancelRefund: "refund", DepositName: "acompte"}))
	email := "nopay-" + s.salon.Slug + "@example.com"
	p := s.book(s.at("10:00"), email, nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	u, err := url.Parse(p.Location())
	require.NoError(t, err)
	require.Contains(t, u.Path, "/m/", "straight to the booking's page, no Stripe")
	st, appt := s.statusOf(s.bookingByEmail(email))
	require.Equal(t, "confirmed", st)
	require.Equal(t, "booked", appt)
	require.Empty(t, s.env.Stripe.CallsOn(s.account, "/v1/checkout/sessions"))
	require.Contains(t, s.env.Mail.WaitSubject(t, email, "Rendez-vous confirmé").Text, "Rien à payer en ligne")
}

func TestAPaymentIntentEventArrivingFirstConfirmsAndTheSessionEventChangesNothing(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "order-" + s.salon.Slug + "@example.com"
	require.Equal(t, 303, s.book(s.at("12:00"), email, nil).Status)
	bk := s.bookingByEmail(email)
	meta := map[string]string{"salon_id": s.salon.ID.String(), "booking_id": bk.ID.String()}
	pi := s.event("payment_intent.succeeded", map[string]any{"id": "pi_first", "object": "payment_intent", "status": "succeeded",
		"amount": 1500, "currency": "eur", "metadata": meta})
	code, _ := s.post(pi, testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	s.waitStatus(bk, "confirmed")

	// A stale "expired" and the late "completed" arrive afterwards.
	expired := s.event("checkout.session.expired", map[string]any{"id": s.sessionOf(bk), "object": "checkout.session", "mode": "payment",
		"status": "expired", "payment_status": "unpaid", "metadata": map[string]string{}})
	code, _ = s.post(expired, testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	code, _ = s.post(s.paid(s.sessionOf(bk), "pi_first"), testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	require.Never(t, func() bool { st, appt := s.statusOf(bk); return st != "confirmed" || appt != "booked" },
		1500*1e6, 50*1e6, "the visit stays confirmed")
	require.Len(t, s.env.Mail.To(email), 1, "one confirmation, not two")
}

func TestAnEventFromAnotherSalonsAccountCannotConfirmABooking(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	other := newShop(t, shopOptions{mode: "deposit"})
	email := "victim-" + s.salon.Slug + "@example.com"
	require.Equal(t, 303, s.book(s.at("13:00"), email, nil).Status)
	bk := s.bookingByEmail(email)
	// The other salon's Stripe account sends a "paid" for this salon's session.
	code, _ := other.post(other.paid(s.sessionOf(bk), "pi_spoof"), testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	require.Never(t, func() bool { st, _ := s.statusOf(bk); return st != "awaiting_payment" }, 1500*1e6, 50*1e6)
}

func TestBookingSubmissionsAreRateLimitedPerAddressAndPerContact(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	c := s.web.NewClient()
	for i := 1; i <= 11; i++ {
		form := bookForm(s.at("10:00"), fmt.Sprintf("addr%d-%s", i, "not-an-email"))
		form.Set("phone", fmt.Sprintf("06 11 11 11 %02d", i))
		form.Set("policy_hash", s.shownPolicy(c, s.at("10:00")))
		p := c.Post(s.servicePath()+"/book", form)
		if i <= 10 {
			require.Equal(t, 422, p.Status, "attempt %d", i)
		} else {
			require.Equal(t, 429, p.Status)
		}
	}

	// One phone number from many addresses: 5 an hour.
	for i := 1; i <= 6; i++ {
		form := bookForm(s.at("10:00"), "same-contact")
		c := s.web.NewClient()
		form.Set("policy_hash", s.shownPolicy(c, s.at("10:00")))
		p := c.Post(s.servicePath()+"/book", form)
		if i <= 5 {
			require.Equal(t, 422, p.Status, "attempt %d", i)
		} else {
			require.Equal(t, 429, p.Status)
		}
	}
}
