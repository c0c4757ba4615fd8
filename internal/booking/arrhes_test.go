package booking_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// ledgerOf lists the reason and amount of each entry of a client's account.
func (s shop) ledgerOf(customerID string) map[string]int64 {
	out := map[string]int64{}
	require.NoError(s.t, s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		rows, err := tx.Raw().Query(context.Background(), `SELECT reason, amount_cents FROM customer_ledger WHERE tenant_id = $1 AND customer_id = $2`,
			s.salon.ID, customerID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var reason string
			var cents int64
			if err := rows.Scan(&reason, &cents); err != nil {
				return err
			}
			out[reason] += cents
		}
		return rows.Err()
	}))
	return out
}

func TestASalonCancellingArrhesRefundsThemAndOwesTheClientAsMuchAgain(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit", arrhes: true})
	email := "arrhes-" + s.salon.Slug + "@example.com"
	manage := confirmedDeposit(t, s, email)
	bk := s.bookingByEmail(email)
	require.Contains(t, s.env.Mail.WaitSubject(t, email, "confirmé").Text, "Payé en ligne : 15,00\u00a0€ d'arrhes.")
	// The salon renames its advances afterwards: this booking was made with arrhes.
	set := shopSettings(2000, 24*time.Hour, salon.RefundOnCancel)
	require.NoError(t, s.env.Srv.Salons.UpdateSettings(context.Background(), s.salon.ID, set))

	owner := s.web.Login(s.salon.OwnerEmail)
	panel := owner.Get("/app/appointments/" + bk.AppointmentID.String())
	require.Contains(t, panel.Text(".payments-list"), "Arrhes", "the panel uses the word the client accepted")
	require.NotContains(t, panel.Text(".payments-list"), "Acompte")

	p := owner.Post("/app/appointments/"+bk.AppointmentID.String()+"/status", url.Values{"status": {"cancelled"}})
	require.Equal(t, 303, p.Status)
	require.Contains(t, owner.Follow(p).Text(".alert.ok"), "double des arrhes")

	refunds := s.refunds(1)
	require.Equal(t, "1500", refunds[0].Form.Get("amount"), "the arrhes paid go back to the card")
	require.Equal(t, map[string]int64{"arrhes_double": 1500}, s.ledgerOf(bk.CustomerID.String()),
		"the same amount again is owed to the client, on their account")

	mail := s.env.Mail.WaitSubject(t, email, "Rendez-vous annulé")
	require.Contains(t, mail.Text, "Vos arrhes de 15,00\u00a0€ vous sont remboursées")
	require.Contains(t, mail.Text, "le salon vous doit 15,00\u00a0€ de plus")
	require.Contains(t, mail.Text, "(30,00\u00a0€)")

	c := s.web.NewClient()
	page := c.Get(manage)
	require.Contains(t, page.Text(".status-banner"), "Vos arrhes de 15,00\u00a0€ vous sont remboursées")
	require.Contains(t, page.Text(".status-banner"), "le salon vous doit 15,00\u00a0€ de plus")
	require.Contains(t, page.Text(".payments"), "Arrhes")

	panel = owner.Get("/app/appointments/" + bk.AppointmentID.String())
	require.Contains(t, panel.Text(".arrhes-owed"), "15,00\u00a0€", "the salon sees the debt it must settle")
	record := owner.Get("/app/clients/" + bk.CustomerID.String())
	require.Contains(t, record.Text("#account .balance"), "15,00\u00a0€")
	require.Contains(t, record.Text("#account .ledger"), "Arrhes : double dû par le salon")

	require.Equal(t, 409, owner.Post("/app/appointments/"+bk.AppointmentID.String()+"/status", url.Values{"status": {"cancelled"}}).Status,
		"cancelling twice owes nothing more")
	// A wrong second refund or credit would be a job of the salon's: wait for them all.
	s.env.WaitJobs(s.salon.ID.String(), s.account, email)
	require.Len(t, s.env.Stripe.CallsOn(s.account, "/v1/refunds"), 1)
	require.Equal(t, map[string]int64{"arrhes_double": 1500}, s.ledgerOf(bk.CustomerID.String()))
}

func TestASalonCancellingAnAcompteOwesNothingMore(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "acompte-" + s.salon.Slug + "@example.com"
	confirmedDeposit(t, s, email)
	bk := s.bookingByEmail(email)
	require.Contains(t, s.env.Mail.WaitSubject(t, email, "confirmé").Text, "Payé en ligne : 15,00\u00a0€ d'acompte.")
	owner := s.web.Login(s.salon.OwnerEmail)
	p := owner.Post("/app/appointments/"+bk.AppointmentID.String()+"/status", url.Values{"status": {"cancelled"}})
	require.Equal(t, 303, p.Status)
	require.Contains(t, owner.Follow(p).Text(".alert.ok"), "remboursé intégralement")
	s.refunds(1)
	require.Empty(t, s.ledgerOf(bk.CustomerID.String()))
	mail := s.env.Mail.WaitSubject(t, email, "Rendez-vous annulé")
	require.NotContains(t, mail.Text, "arrhes")
	require.Contains(t, owner.Get("/app/appointments/"+bk.AppointmentID.String()).Text(".payments-list"), "Acompte")
}

func TestArrhesKeptAsCreditAreCalledArrhesOnTheClientsAccount(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit", arrhes: true, cancelCredit: true})
	email := "arrhes-credit-" + s.salon.Slug + "@example.com"
	manage := confirmedDeposit(t, s, email)
	c := s.web.NewClient()
	require.Equal(t, 303, c.Post(manage+"/cancel", nil).Status)
	bk := s.bookingByEmail(email)
	require.Equal(t, map[string]int64{"arrhes_credit": 1500}, s.ledgerOf(bk.CustomerID.String()),
		"the client cancelled in time: no double, the arrhes stay as credit")
	record := s.web.Login(s.salon.OwnerEmail).Get("/app/clients/" + bk.CustomerID.String())
	require.Contains(t, record.Text("#account .ledger"), "Arrhes gardées en avoir")
	require.NotContains(t, record.Text("#account .ledger"), "Acompte")
}

// The salon cancels (a closure, say) while the client is still on Stripe's
// page; the payment that arrives afterwards goes straight back.
func TestAPaymentForAVisitTheSalonCancelledMeanwhileIsRefunded(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit", arrhes: true})
	email := "meanwhile-" + s.salon.Slug + "@example.com"
	require.Equal(t, 303, s.book(s.at("11:00"), email, nil).Status)
	bk := s.bookingByEmail(email)
	out, err := s.env.Srv.Booking.CancelBySalon(context.Background(), s.sal, bk.AppointmentID)
	require.NoError(t, err)
	require.Zero(t, out.Owed, "nothing was paid yet")

	code, _ := s.post(s.paid(s.sessionOf(bk), "pi_meanwhile_"+s.salon.Slug), testkit.StripeConnectWebhookSecret)
	require.Equal(t, 200, code)
	require.Equal(t, "1500", s.refunds(1)[0].Form.Get("amount"), "what the client paid goes back")
	st, appt := s.statusOf(bk)
	require.Equal(t, "cancelled", st)
	require.Equal(t, "cancelled", appt)
}

// Marking a visit cancelled once its time has come records what happened;
// it is not the salon breaking its word, so no double is owed.
func TestArrhesAreNotOwedDoubleForAVisitWhoseTimeHasCome(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit", arrhes: true})
	email := "past-" + s.salon.Slug + "@example.com"
	confirmedDeposit(t, s, email)
	bk := s.bookingByEmail(email)
	s.env.Clock.Set(s.at("11:30"))
	owner := s.web.Login(s.salon.OwnerEmail)
	require.Equal(t, 303, owner.Post("/app/appointments/"+bk.AppointmentID.String()+"/status", url.Values{"status": {"cancelled"}}).Status)
	s.refunds(1)
	require.Empty(t, s.ledgerOf(bk.CustomerID.String()))
}
