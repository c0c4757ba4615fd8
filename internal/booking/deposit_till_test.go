package booking_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
)

// Once the till applied the visit's deposit to a ticket, neither the client's
// manage page nor the salon's agenda can cancel and refund it again: the
// ticket's credit note is the one way back, and both are told so.
func TestDepositTakenAtTheTillIsNotRefundedByCancelling(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "till-" + s.salon.Slug + "@example.com"
	manage := confirmedDeposit(t, s, email)
	bk := s.bookingByEmail(email)
	tl := s.env.Srv.Till
	reg, err := tl.CreateRegister(t.Context(), s.salon.ID, "Comptoir")
	require.NoError(t, err)
	require.NoError(t, tl.OpenDay(t.Context(), s.salon.ID, reg, s.salon.OwnerID, 0))
	ticket, err := tl.OpenFromVisit(t.Context(), s.salon.ID, reg, bk.AppointmentID, s.salon.OwnerID)
	require.NoError(t, err)
	tk, err := tl.Ticket(t.Context(), s.salon.ID, ticket)
	require.NoError(t, err)
	require.Equal(t, int64(1500), tk.PaidCents(), "the deposit is on the ticket")

	c := s.web.NewClient()
	p := c.Post(manage+"/cancel", nil)
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text("main"), "déjà été utilisé en caisse")

	_, err = s.env.Srv.Booking.CancelBySalon(t.Context(), s.sal, bk.AppointmentID)
	require.True(t, apperr.Is(err, apperr.Conflict), "%v", err)
	e, _ := apperr.As(err)
	require.Equal(t, "tillstripe.booking.deposit_at_till", e.Key)

	require.Equal(t, "confirmed", s.bookingByEmail(email).Status, "the booking stands")
	require.Empty(t, s.env.Stripe.CallsOn(s.account, "/v1/refunds"), "nothing refunded")
}

// A visit cancelled after its deposit was paid cannot be charged at the
// till: the cashier is told the cancellation settled that money, and no
// ticket takes it.
func TestTheTillTakesNothingFromAVisitCancelledAfterItsDeposit(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t, shopOptions{mode: "deposit"})
	tl := s.env.Srv.Till
	reg, err := tl.CreateRegister(t.Context(), s.salon.ID, "Comptoir")
	require.NoError(t, err)
	require.NoError(t, tl.OpenDay(t.Context(), s.salon.ID, reg, s.salon.OwnerID, 0))
	appt, _ := s.confirmedDepositOn(t, 0)
	_, err = s.env.Srv.Booking.CancelBySalon(t.Context(), s.sal, appt)
	require.NoError(t, err)

	_, err = tl.OpenFromVisit(t.Context(), s.salon.ID, reg, appt, s.salon.OwnerID)
	require.Equal(t, "till.visit.cancelled_paid", errKey(err), "%v", err)
	open, err := tl.OpenTickets(t.Context(), s.salon.ID)
	require.NoError(t, err)
	require.Empty(t, open, "no ticket holds the refunded deposit")
	require.Len(t, s.refunds(1), 1, "the deposit goes back to the client")
}
