package booking_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
)

func TestAnAbandonedPaymentReleasesTheSlotAfterTheHoldTime(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "prepayment"})
	email := "abandon-" + s.salon.Slug + "@example.com"
	p := s.book(s.at("11:00"), email, nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	bk := s.bookingByEmail(email)
	session := s.sessionOf(bk)
	slots := func() string {
		return s.web.NewClient().Get(s.servicePath() + "?date=" + s.day().Format("2006-01-02")).Text(".slots")
	}
	require.NotContains(t, slots(), "11:00")

	s.env.Clock.Advance(14 * time.Minute)
	n, err := s.env.Srv.Booking.ReleaseExpiredOf(t.Context(), s.salon.ID)
	require.NoError(t, err)
	require.Zero(t, n, "still within the 15 minutes")

	s.env.Clock.Advance(2 * time.Minute)
	n, err = s.env.Srv.Booking.ReleaseExpiredOf(t.Context(), s.salon.ID)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	st, appt := s.statusOf(bk)
	require.Equal(t, "expired", st)
	require.Equal(t, "cancelled", appt)
	require.Contains(t, slots(), "11:00", "the slot is free again")
	require.NotEmpty(t, s.env.Stripe.CallsOn(s.account, "/v1/checkout/sessions/"+session+"/expire"), "Stripe's page is closed too")

	// The client paid at the last second anyway: the money is not lost, the
	// visit comes back because nobody took the time.
	code, _ := s.post(s.paid(session, "pi_late"), "whsec_test_connect")
	require.Equal(t, 200, code)
	s.waitStatus(bk, "confirmed")
	_, appt = s.statusOf(bk)
	require.Equal(t, "booked", appt)
}

func TestALatePaymentForATimeTakenMeanwhileIsRefunded(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t, shopOptions{mode: "prepayment"})
	first := "first-" + s.salon.Slug + "@example.com"
	at := s.at("15:00") // read once: the hold's 16 minutes may cross midnight
	s.bookDirect(at, first)
	bk := s.bookingByEmail(first)
	session := s.sessionOf(bk)
	s.env.Clock.Advance(16 * time.Minute)
	_, err := s.env.Srv.Booking.ReleaseExpiredOf(t.Context(), s.salon.ID)
	require.NoError(t, err)

	second := "second-" + s.salon.Slug + "@example.com"
	s.bookDirect(at, second) // the released time is booked by someone else

	s.receive(s.paid(session, "pi_too_late"))
	s.waitStatus(bk, "cancelled")
	require.Eventually(t, func() bool { return len(s.env.Stripe.CallsOn(s.account, "/v1/refunds")) == 1 }, 10*time.Second, 50*time.Millisecond)
	refund := s.env.Stripe.CallsOn(s.account, "/v1/refunds")[0]
	require.Equal(t, "pi_too_late", refund.Form.Get("payment_intent"))
	require.Equal(t, "5000", refund.Form.Get("amount"))
	require.Equal(t, s.account, refund.Account)
}

// TestFiftyClientsRacingForOneSlotOnThePublicPageLetExactlyOneHoldIt: 50
// visitors submit the same time at once; the slot is re-checked and the
// database refuses overlaps, so exactly one gets it.
func TestFiftyClientsRacingForOneSlotOnThePublicPageLetExactlyOneHoldIt(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	const racers = 50
	start := s.at("10:00")
	var warm sync.WaitGroup
	for range 8 {
		warm.Add(1)
		go func() { defer warm.Done(); s.web.NewClient().Get(s.servicePath()) }()
	}
	warm.Wait()

	policy := s.shownPolicy(s.web.NewClient(), start)
	type result struct{ status int }
	results := make([]result, racers)
	reqs := make([]*http.Request, racers)
	gate := make(chan struct{})
	var wg sync.WaitGroup
	for i := range racers {
		c := s.web.NewClient()
		form := bookForm(start, fmt.Sprintf("racer%d-%s@example.com", i, s.salon.Slug))
		form.Set("phone", fmt.Sprintf("06 12 34 %02d %02d", i/100, i%100))
		form.Set("_csrf", c.CSRF())
		form.Set("policy_hash", policy)
		req, err := http.NewRequest("POST", s.web.URL+s.servicePath()+"/book", strings.NewReader(form.Encode()))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		reqs[i] = req
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			resp, err := c.Do(reqs[i])
			if err == nil {
				results[i].status = resp.Status
			}
		}()
	}
	close(gate)
	wg.Wait()
	won, lost := 0, 0
	for i, r := range results {
		switch r.status {
		case 303:
			won++
		case 409:
			lost++
		default:
			t.Fatalf("racer %d answered %d", i, r.status)
		}
	}
	require.Equal(t, 1, won)
	require.Equal(t, racers-1, lost)
	day, err := s.env.Srv.Agenda.Day(t.Context(), s.sal, s.day())
	require.NoError(t, err)
	require.Len(t, day.Columns[0].Appointments, 1)
}

// A payment whose webhook read the booking just before the sweeper released
// it must not confirm a booking whose visit is gone from the agenda.
func TestAPaymentRacingTheSweeperBringsTheVisitBack(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t, shopOptions{mode: "deposit"})
	email := "race-" + s.salon.Slug + "@example.com"
	day := s.day() // read once: the hold's 16 minutes may cross midnight
	require.Contains(t, s.freeTimes(day), "11:00", "free before the booking")
	s.bookDirect(s.at("11:00"), email)
	readByWebhook := s.bookingByEmail(email)
	require.Equal(t, "awaiting_payment", readByWebhook.Status)

	s.env.Clock.Advance(16 * time.Minute)
	_, err := s.env.Srv.Booking.ReleaseExpiredOf(t.Context(), s.salon.ID)
	require.NoError(t, err)
	st, appt := s.statusOf(readByWebhook)
	require.Equal(t, "expired", st)
	require.Equal(t, "cancelled", appt)

	outcome, err := s.env.Srv.Booking.ConfirmAfterReading(t.Context(), s.salon.ID, readByWebhook)
	require.NoError(t, err)
	require.Equal(t, "confirmed_after_expiry", outcome)
	st, appt = s.statusOf(readByWebhook)
	require.Equal(t, "confirmed", st)
	require.Equal(t, "booked", appt, "the paid visit is back in the agenda")
	require.NotContains(t, s.freeTimes(day), "11:00")

	// The payment's other event, racing the first, finds it revived already.
	_, err = s.env.Srv.Booking.ReviveAfterReading(t.Context(), s.salon.ID, readByWebhook)
	require.NoError(t, err)
	var confirmations int
	require.NoError(t, s.env.Srv.DB.WithTenant(t.Context(), s.salon.ID, func(tx store.Tx) error {
		return tx.Raw().QueryRow(t.Context(), `SELECT count(*) FROM messages WHERE appointment_id = $1 AND kind = 'confirmation' AND channel = 'email'`,
			readByWebhook.AppointmentID).Scan(&confirmations)
	}))
	require.Equal(t, 1, confirmations, "the client is confirmed once")
}

// The sweeper itself runs over every salon. Not parallel: no other test's
// holds are in flight while it sweeps.
func TestTheSweeperReleasesHoldsInEverySalon(t *testing.T) {
	shops := []shop{newAreaShop(t, shopOptions{mode: "prepayment"}), newAreaShop(t, shopOptions{mode: "prepayment"})}
	for _, s := range shops {
		res := s.bookDirect(s.at("10:00"), "sweep-"+s.salon.Slug+"@example.com")
		require.Contains(t, res.RedirectURL, "checkout", "held while the client pays on Stripe")
	}

	shops[0].env.Clock.Advance(16 * time.Minute)
	n, err := shops[0].env.Srv.Booking.ReleaseExpired(t.Context())
	require.NoError(t, err)
	require.GreaterOrEqual(t, n, 2)
	for _, s := range shops {
		st, appt := s.statusOf(s.bookingByEmail("sweep-" + s.salon.Slug + "@example.com"))
		require.Equal(t, "expired", st, s.salon.Slug)
		require.Equal(t, "cancelled", appt, s.salon.Slug)
	}
}
