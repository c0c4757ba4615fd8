package booking_test

import (
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
)

// TestTheTillAndACancellationRacingForADepositAgreeOnWhoHasIt: the visit is
// cancelled (by the salon, or by the client from their link) at the very
// moment the cashier opens its ticket. Either the ticket takes the deposit
// and the cancellation is refused, promising the client nothing; or the
// cancellation refunds it and the till says the visit was cancelled and
// takes nothing. Never both, and never an error from the two waiting on
// each other.
func TestTheTillAndACancellationRacingForADepositAgreeOnWhoHasIt(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t, shopOptions{mode: "deposit"})
	tl := s.env.Srv.Till
	reg, err := tl.CreateRegister(t.Context(), s.salon.ID, "Comptoir")
	require.NoError(t, err)
	require.NoError(t, tl.OpenDay(t.Context(), s.salon.ID, reg, s.salon.OwnerID, 0))

	tillWon, cancelWon := 0, 0
	for round := range 24 {
		appt, token := s.confirmedDepositOn(t, round)
		byClient := round%2 == 1
		cancel := func() error {
			if byClient {
				_, err := s.env.Srv.Booking.CancelByClient(t.Context(), s.sal, token)
				return err
			}
			_, err := s.env.Srv.Booking.CancelBySalon(t.Context(), s.sal, appt)
			return err
		}
		start := make(chan struct{})
		var wg sync.WaitGroup
		var ticket uuid.UUID
		var tillErr, cancelErr error
		wg.Go(func() {
			<-start
			// The cancellation reads the visit before its transaction: the
			// till starts a little later in some rounds, so that both orders
			// of their transactions come up.
			time.Sleep(time.Duration(round%6) * time.Millisecond)
			ticket, tillErr = tl.OpenFromVisit(t.Context(), s.salon.ID, reg, appt, s.salon.OwnerID)
		})
		wg.Go(func() {
			<-start
			cancelErr = cancel()
		})
		close(start)
		wg.Wait()

		if tillErr == nil {
			tillWon++
			refused := "tillstripe.booking.deposit_at_till"
			if byClient {
				refused += "_client"
			}
			require.Equal(t, refused, errKey(cancelErr), "round %d: the cancellation is refused (%v)", round, cancelErr)
			tk, err := tl.Ticket(t.Context(), s.salon.ID, ticket)
			require.NoError(t, err)
			require.Equal(t, int64(1500), tk.PaidCents(), "round %d: the deposit is on the ticket", round)
			require.Equal(t, "confirmed", s.bookingStatusOf(appt), "round %d: the booking stands", round)
			continue
		}
		cancelWon++
		require.NoError(t, cancelErr, "round %d: the till refused (%v), so the cancellation went through", round, tillErr)
		require.Equal(t, "till.visit.cancelled_paid", errKey(tillErr), "round %d: the till says the visit was cancelled (%v)", round, tillErr)
		require.Equal(t, "cancelled", s.bookingStatusOf(appt), "round %d", round)
	}
	t.Logf("%d tickets took the deposit, %d cancellations refunded it", tillWon, cancelWon)
	require.Len(t, s.refunds(cancelWon), cancelWon, "one refund per cancellation that went through, none for a deposit taken")
}

// confirmedDepositOn books 11:00 on the n-th day after the shop's day and
// pays its deposit by webhook; it returns the visit and its manage token.
func (s shop) confirmedDepositOn(t *testing.T, n int) (uuid.UUID, string) {
	t.Helper()
	email := "race-" + s.salon.Slug + "-" + uuid.NewString()[:8] + "@example.com"
	res := s.bookDirect(s.at("11:00").AddDate(0, 0, n), email)
	bk := s.bookingByEmail(email)
	s.receive(s.paid(s.sessionOf(bk), "pi_"+uuid.NewString()[:12]))
	s.waitStatus(bk, "confirmed")
	return bk.AppointmentID, res.ManageToken
}

func (s shop) bookingStatusOf(appointmentID uuid.UUID) string {
	var status string
	require.NoError(s.t, s.env.Srv.DB.WithTenant(s.t.Context(), s.salon.ID, func(tx store.Tx) error {
		return tx.Raw().QueryRow(s.t.Context(), `SELECT status FROM bookings WHERE tenant_id = $1 AND appointment_id = $2`,
			s.salon.ID, appointmentID).Scan(&status)
	}))
	return status
}

func errKey(err error) string {
	if e, ok := apperr.As(err); ok {
		return e.Key
	}
	return ""
}
