package booking_test

import (
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// confirmedDeposit books 11:00 with a deposit and confirms it by webhook; it
// returns the client's manage path.
func confirmedDeposit(t *testing.T, s shop, email string) string {
	t.Helper()
	return confirmedDepositAt(t, s, email, "11:00", "pi_"+s.salon.Slug)
}

// confirmedDepositAt is confirmedDeposit at another time, paid by another intent.
func confirmedDepositAt(t *testing.T, s shop, email, hhmm, intent string) string {
	t.Helper()
	require.Equal(t, 303, s.book(s.at(hhmm), email, nil).Status)
	bk := s.bookingByEmail(email)
	code, _ := s.post(s.paid(s.sessionOf(bk), intent), testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	s.waitStatus(bk, "confirmed")
	u, err := url.Parse(s.env.Mail.Wait(t, email, 1).Link(t, "/m/"))
	require.NoError(t, err)
	return u.Path
}

func TestCancellingInTimeRefundsTheDeposit(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "intime-" + s.salon.Slug + "@example.com"
	manage := confirmedDeposit(t, s, email)
	c := s.web.NewClient()
	page := c.Get(manage)
	require.Contains(t, page.Text(".card"), "Annulation ou changement gratuit jusqu'au")

	p := c.Post(manage+"/cancel", nil)
	require.Equal(t, 303, p.Status)
	after := c.Follow(p)
	require.Contains(t, after.Text(".status-banner"), "Rendez-vous annulé")
	require.Contains(t, after.Text(".status-banner"), "remboursé")

	refunds := s.refunds(1)
	require.Equal(t, "pi_"+s.salon.Slug, refunds[0].Form.Get("payment_intent"))
	require.Equal(t, "1500", refunds[0].Form.Get("amount"))
	require.Equal(t, s.account, refunds[0].Account)
	require.Eventually(t, func() bool { return strings.Contains(c.Get(manage).Text(".payments"), "Remboursement") },
		10*time.Second, 50*time.Millisecond, "the refund shows on the client's page")
	s.env.Mail.WaitSubject(t, email, "Rendez-vous annulé")

	p = c.Post(manage+"/cancel", nil)
	require.Equal(t, 409, p.Status, "cancelling twice changes nothing")
	require.Len(t, s.env.Stripe.CallsOn(s.account, "/v1/refunds"), 1)
}

func TestCancellingInTimeKeepsTheDepositAsCreditWhenTheSalonSaysSo(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit", cancelCredit: true})
	email := "credit-" + s.salon.Slug + "@example.com"
	c := s.web.NewClient()
	terms := c.Get(s.servicePath() + "/book?start=" + url.QueryEscape(s.at("11:00").Format(time.RFC3339)))
	require.Contains(t, terms.Text("body"), "reste à votre crédit", "the client is told before paying")
	manage := confirmedDeposit(t, s, email)

	p := c.Post(manage+"/cancel", nil)
	require.Equal(t, 303, p.Status)
	require.Contains(t, c.Follow(p).Text(".status-banner"), "reste à votre crédit")
	require.Empty(t, s.env.Stripe.CallsOn(s.account, "/v1/refunds"), "nothing goes back to the card")

	bk := s.bookingByEmail(email)
	owner := s.web.Login(s.salon.OwnerEmail)
	record := owner.Get("/app/clients/" + bk.CustomerID.String())
	require.Equal(t, 200, record.Status)
	require.Contains(t, record.Text("#account .balance"), "15,00\u00a0€", "the deposit is on the client's account")
	require.Contains(t, record.Text("#account .ledger"), "Acompte gardé en avoir")

	require.Equal(t, 409, c.Post(manage+"/cancel", nil).Status, "cancelling twice changes nothing")
	require.Equal(t, 1, strings.Count(owner.Get("/app/clients/"+bk.CustomerID.String()).Text("#account .ledger"), "Acompte gardé en avoir"),
		"credited once")
}

func TestCancellingLateKeepsTheDeposit(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "late-" + s.salon.Slug + "@example.com"
	manage := confirmedDeposit(t, s, email)
	// Twelve hours before the visit, well inside the 24-hour window.
	s.env.Clock.Set(s.at("11:00").Add(-12 * time.Hour))
	c := s.web.NewClient()
	require.Contains(t, c.Get(manage).Text(".card"), "délai d'annulation gratuite est passé")
	p := c.Post(manage+"/cancel", nil)
	require.Equal(t, 303, p.Status)
	require.Contains(t, c.Follow(p).Text(".status-banner"), "le salon conserve")
	require.Empty(t, s.env.Stripe.CallsOn(s.account, "/v1/refunds"), "nothing is refunded")
}

func TestTheSalonCancellingRefundsInFull(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "prepayment"})
	email := "salon-cancels-" + s.salon.Slug + "@example.com"
	require.Equal(t, 303, s.book(s.at("11:00"), email, nil).Status)
	bk := s.bookingByEmail(email)
	code, _ := s.post(s.paid(s.sessionOf(bk), "pi_full_"+s.salon.Slug), testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	s.waitStatus(bk, "confirmed")

	owner := s.web.Login(s.salon.OwnerEmail)
	p := owner.Post("/app/appointments/"+bk.AppointmentID.String()+"/status", url.Values{"status": {"cancelled"}})
	require.Equal(t, 303, p.Status)
	require.Contains(t, owner.Follow(p).Text(".alert.ok"), "remboursé intégralement")
	refunds := s.refunds(1)
	require.Equal(t, "5000", refunds[0].Form.Get("amount"))
	panel := owner.Get("/app/appointments/" + bk.AppointmentID.String())
	require.Eventually(t, func() bool {
		panel = owner.Get("/app/appointments/" + bk.AppointmentID.String())
		return strings.Contains(panel.Text(".payments-list"), "Remboursement")
	}, 10*time.Second, 50*time.Millisecond)
	require.Contains(t, panel.Text(".payments-list"), "Prépaiement")
}

func TestARefundStripeRefusesIsRetriedUntilItGoesThrough(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "retry-" + s.salon.Slug + "@example.com"
	manage := confirmedDeposit(t, s, email)
	var mu sync.Mutex
	refused := 0
	s.env.Stripe.Stub(s.account, func(call testkit.StripeCall) (int, string, bool) {
		mu.Lock()
		defer mu.Unlock()
		if call.Path != "/v1/refunds" || refused == 1 {
			return 0, "", false
		}
		refused++
		return 500, `{"error":{"type":"api_error","message":"Stripe is down"}}`, true
	})

	c := s.web.NewClient()
	p := c.Post(manage+"/cancel", nil)
	require.Equal(t, 303, p.Status, "the client's cancellation stands while Stripe is down")
	require.Contains(t, c.Follow(p).Text(".status-banner"), "Rendez-vous annulé")

	// Refused once, then Stripe answers: the same refund, under the same key.
	require.Eventually(t, func() bool { return len(s.env.Stripe.CallsOn(s.account, "/v1/refunds")) >= 2 }, 15*time.Second, 100*time.Millisecond)
	calls := s.env.Stripe.CallsOn(s.account, "/v1/refunds")
	require.Equal(t, calls[0].IdempotencyKey, calls[len(calls)-1].IdempotencyKey)
	require.Eventually(t, func() bool { return strings.Contains(c.Get(manage).Text(".payments"), "Remboursement") },
		10*time.Second, 50*time.Millisecond)
	require.Never(t, func() bool { return len(s.env.Stripe.CallsOn(s.account, "/v1/refunds")) > 2 }, 2*time.Second, 100*time.Millisecond,
		"once refunded, nothing more is sent")
}

func TestAVisitTheClientCancelledCannotBeRefundedAgainByTheSalon(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit", cancelCredit: true})
	email := "twice-" + s.salon.Slug + "@example.com"
	manage := confirmedDeposit(t, s, email)
	require.Equal(t, 303, s.web.NewClient().Post(manage+"/cancel", nil).Status)

	// A panel the salon opened before: it says cancel.
	bk := s.bookingByEmail(email)
	owner := s.web.Login(s.salon.OwnerEmail)
	p := owner.Post("/app/appointments/"+bk.AppointmentID.String()+"/status", url.Values{"status": {"cancelled"}})
	require.Equal(t, 409, p.Status)
	require.Never(t, func() bool { return len(s.env.Stripe.CallsOn(s.account, "/v1/refunds")) > 0 }, time.Second, 100*time.Millisecond,
		"the deposit stays as the credit the client was given, not refunded on top")
}

func TestRescheduleWithinTheWindowMovesTheVisit(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "move-" + s.salon.Slug + "@example.com"
	manage := confirmedDeposit(t, s, email)
	c := s.web.NewClient()
	page := c.Get(manage + "/reschedule?date=" + s.day().Format("2006-01-02"))
	require.Equal(t, 200, page.Status)
	p := c.Post(manage+"/reschedule", url.Values{"start": {s.at("16:30").Format(time.RFC3339)}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Contains(t, c.Follow(p).Text(".facts"), "16:30")
	require.Contains(t, s.web.NewClient().Get(s.servicePath()+"?date="+s.day().Format("2006-01-02")).Text(".slots"), "11:00",
		"the old time is free again")
}

func TestTheTermsAcceptedAtBookingHoldWhenTheSalonChangesItsPolicy(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "terms-" + s.salon.Slug + "@example.com"
	manage := confirmedDeposit(t, s, email)

	// After the booking, the salon widens its window past the visit's time
	// and keeps deposits as credit from now on.
	require.NoError(t, s.env.Srv.Salons.UpdateSettings(t.Context(), s.salon.ID, shopSettings(2000, 72*time.Hour, salon.CreditOnCancel)))
	c := s.web.NewClient()
	require.Contains(t, c.Get(manage).Text(".card"), "Annulation ou changement gratuit jusqu'au", "still within the 24 hours accepted")

	p := c.Post(manage+"/cancel", nil)
	require.Equal(t, 303, p.Status)
	require.Contains(t, c.Follow(p).Text(".status-banner"), "remboursé", "refunded, as accepted, not kept as credit")
	require.Equal(t, "1500", s.refunds(1)[0].Form.Get("amount"))

	// A booking made now follows the new terms: 72 hours before a visit two
	// days away is already past, so cancelling keeps the deposit.
	later := confirmedDepositAt(t, s, "terms-later-"+s.salon.Slug+"@example.com", "14:00", "pi_later_"+s.salon.Slug)
	require.NotContains(t, c.Get(later).Text(".card"), "Annulation ou changement gratuit")
}
