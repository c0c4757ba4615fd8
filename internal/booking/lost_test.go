package booking_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// lateForTakenTime books 15:00 with prepayment, lets the hold run out, has
// someone else book 15:00, then pays the first booking late.
func lateForTakenTime(t *testing.T, s shop, first string) (dbq.Booking, string) {
	at := s.at("15:00") // read once: the hold's 16 minutes may cross midnight
	require.Equal(t, 303, s.book(at, first, nil).Status)
	bk := s.bookingByEmail(first)
	session := s.sessionOf(bk)
	s.env.Clock.Advance(16 * time.Minute)
	_, err := s.env.Srv.Booking.ReleaseExpiredOf(t.Context(), s.salon.ID)
	require.NoError(t, err)
	require.Equal(t, 303, s.book(at, "second-"+s.salon.Slug+"@example.com", nil).Status)
	code, _ := s.post(s.paid(session, "pi_lost_"+s.salon.Slug), "whsec_test_connect")
	require.Equal(t, 200, code)
	s.waitStatus(bk, "cancelled")
	return bk, session
}

func (s shop) stripeOutcomes() map[string]string {
	out := map[string]string{}
	require.NoError(s.t, s.env.Srv.DB.Unscoped(s.t.Context(), func(tx store.Tx) error {
		rows, err := tx.Raw().Query(s.t.Context(), `SELECT type, outcome FROM stripe_events WHERE account_id = $1 AND processed_at IS NOT NULL`, s.account)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var typ, outcome string
			if err := rows.Scan(&typ, &outcome); err != nil {
				return err
			}
			out[typ] = outcome
		}
		return rows.Err()
	}))
	return out
}

func TestAClientPaidForATimeTakenMeanwhileIsRefundedAndToldWhereToBookAgain(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "prepayment"})
	first := "late-" + s.salon.Slug + "@example.com"
	bk, _ := lateForTakenTime(t, s, first)
	refund := s.refunds(1)[0]
	require.Equal(t, "5000", refund.Form.Get("amount"))

	m := s.env.Mail.WaitSubject(t, first, "remboursé")
	require.Equal(t, "Votre paiement vous est remboursé · Institut Paiement", m.Subject)
	again := "/b/" + s.salon.Slug // after the address of whichever test's server sent it
	for _, part := range []string{m.Text, m.HTML} {
		require.Contains(t, part, "Bonjour Léa")
		require.Contains(t, part, "réservé par une autre personne entre-temps")
		require.Contains(t, part, "50,00")
		require.Contains(t, part, "5 à 10 jours")
	}
	link, err := url.Parse(m.Link(t, again))
	require.NoError(t, err)
	require.Equal(t, again, link.Path)
	require.Contains(t, m.Text, "Choisir un autre horaire : "+link.String())
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(m.HTML))
	require.NoError(t, err)
	button := doc.Find("a").FilterFunction(func(_ int, a *goquery.Selection) bool { return a.AttrOr("href", "") == link.String() })
	require.Equal(t, "Choisir un autre horaire", strings.TrimSpace(button.First().Text()), "the way back is the email's button")

	var smsBody, smsStatus string
	require.Eventually(t, func() bool {
		err := s.env.Srv.DB.WithTenant(t.Context(), s.salon.ID, func(tx store.Tx) error {
			return tx.Raw().QueryRow(t.Context(), `SELECT body, status FROM messages WHERE appointment_id = $1 AND channel = 'sms'
				AND kind = 'payment_returned'`, bk.AppointmentID).Scan(&smsBody, &smsStatus)
		})
		return err == nil && smsStatus == "sent"
	}, 15*time.Second, 50*time.Millisecond, "the SMS goes out too")
	require.Contains(t, smsBody, "le créneau a été pris entre-temps")
	require.Contains(t, smsBody, again)

	require.Equal(t, "refunded_slot_taken", s.stripeOutcomes()["checkout.session.completed"], "the stored event says what happened")

	// The owner sees it beside the payment in the agenda.
	p := s.web.Login(s.salon.OwnerEmail).Get("/app/appointments/" + bk.AppointmentID.String())
	require.Equal(t, 200, p.Status)
	require.Contains(t, p.Text(".payments-list .payment-outcome"), "le créneau avait été pris entre-temps : remboursé")
}

// Stripe sends the same payment as several events: the second one reports
// what the first did, refunds nothing more and tells the client nothing more.
func TestTheSecondEventOfALatePaymentSaysTheSameAndSendsNothingMore(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "prepayment"})
	first := "twice-" + s.salon.Slug + "@example.com"
	bk, _ := lateForTakenTime(t, s, first)
	s.refunds(1)
	s.env.Mail.WaitSubject(t, first, "remboursé")

	pi := s.event("payment_intent.succeeded", map[string]any{"id": "pi_lost_" + s.salon.Slug, "object": "payment_intent",
		"status": "succeeded", "amount": 5000, "currency": "eur",
		"metadata": map[string]string{"salon_id": s.salon.ID.String(), "booking_id": bk.ID.String()}})
	code, _ := s.post(pi, "whsec_test_connect")
	require.Equal(t, 200, code)
	require.Eventually(t, func() bool { return s.stripeOutcomes()["payment_intent.succeeded"] != "" }, 15*time.Second, 50*time.Millisecond)
	require.Equal(t, "refunded_slot_taken", s.stripeOutcomes()["payment_intent.succeeded"], "not « already confirmed »")
	// A wrong second refund or email would be a job queued by the event's: wait for them all.
	s.env.WaitJobs(s.salon.ID.String(), first)
	require.Len(t, s.env.Stripe.CallsOn(s.account, "/v1/refunds"), 1)
	var told int
	require.NoError(t, s.env.Srv.DB.WithTenant(t.Context(), s.salon.ID, func(tx store.Tx) error {
		return tx.Raw().QueryRow(t.Context(), `SELECT count(*) FROM messages WHERE appointment_id = $1 AND kind = 'payment_returned'`,
			bk.AppointmentID).Scan(&told)
	}))
	require.Equal(t, 2, told, "one email and one SMS")
}

// The salon cancels while the client is on Stripe's page: the payment that
// arrives afterwards goes back, the client hears why, and the agenda says so.
func TestAClientWhosePaidVisitWasCancelledMeanwhileIsToldAndTheEventSaysSo(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "cancelled-" + s.salon.Slug + "@example.com"
	require.Equal(t, 303, s.book(s.at("11:00"), email, nil).Status)
	bk := s.bookingByEmail(email)
	_, err := s.env.Srv.Booking.CancelBySalon(t.Context(), s.sal, bk.AppointmentID)
	require.NoError(t, err)

	code, _ := s.post(s.paid(s.sessionOf(bk), "pi_gone_"+s.salon.Slug), "whsec_test_connect")
	require.Equal(t, 200, code)
	require.Equal(t, "1500", s.refunds(1)[0].Form.Get("amount"))
	m := s.env.Mail.WaitSubject(t, email, "remboursé")
	require.Contains(t, m.Text, "alors que ce rendez-vous venait d'être annulé par le salon")
	require.Contains(t, m.Text, "15,00")
	require.Contains(t, m.Text, "Choisir un autre horaire : ")
	require.Equal(t, "refunded_cancelled", s.stripeOutcomes()["checkout.session.completed"])
	p := s.web.Login(s.salon.OwnerEmail).Get("/app/appointments/" + bk.AppointmentID.String())
	require.Contains(t, p.Text(".payments-list .payment-outcome"), "Arrivé après l'annulation du rendez-vous : remboursé")
}
