package booking

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// releaseTx frees a held slot whose payment did not complete: the visit is
// cancelled, the booking expired, its pending payment cancelled. Each step
// only moves rows still in the expected state, so a payment confirmed a
// moment earlier is never undone.
func releaseTx(ctx context.Context, tx store.Tx, salonID, bookingID, appointmentID uuid.UUID) error {
	n, err := tx.AppointmentReleaseHold(ctx, dbq.AppointmentReleaseHoldParams{TenantID: salonID, ID: appointmentID})
	if err != nil || n == 0 {
		return err
	}
	if _, err := tx.BookingSetStatus(ctx, dbq.BookingSetStatusParams{TenantID: salonID, ID: bookingID, Status: "expired",
		FromStatuses: []string{"awaiting_payment"}}); err != nil {
		return err
	}
	return cancelPendingPayments(ctx, tx, salonID, appointmentID)
}

func cancelPendingPayments(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID) error {
	pays, err := tx.PaymentsOfAppointment(ctx, dbq.PaymentsOfAppointmentParams{TenantID: salonID, AppointmentID: appointmentID})
	if err != nil {
		return err
	}
	for _, p := range pays {
		if p.Status == "pending" {
			if _, err := tx.PaymentSettle(ctx, dbq.PaymentSettleParams{TenantID: salonID, ID: p.ID, Status: "canceled"}); err != nil {
				return err
			}
		}
	}
	return nil
}

// GiveUp releases at once the hold of a client who came back from Stripe's
// page without paying: the time is free again for them or anyone, and the
// Stripe page is closed so it can no longer be paid. A booking already paid
// (or released) is left as it is; it reports whether a hold was released.
func (b *Booking) GiveUp(ctx context.Context, sal salon.Salon, token string) (bool, error) {
	v, err := b.Visit(ctx, sal, token)
	if err != nil {
		return false, err
	}
	if v.Booking.Status != "awaiting_payment" {
		return false, nil
	}
	err = b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		return releaseTx(ctx, tx, sal.ID, v.Booking.ID, v.Booking.AppointmentID)
	})
	if err != nil {
		return false, fmt.Errorf("booking: give up: %w", err)
	}
	if b.Stripe != nil && v.Booking.CheckoutSessionID != nil && v.Booking.StripeAccountID != nil {
		// Best effort, as for the sweeper: a payment that still arrives
		// brings the visit back if its time is free, or is refunded.
		_ = b.Stripe.ExpireCheckout(ctx, *v.Booking.StripeAccountID, *v.Booking.CheckoutSessionID)
	}
	return true, nil
}

// ReleaseExpired releases every hold whose time is up, in every salon, and
// closes their Stripe pages so they can no longer be paid. It returns how
// many it released.
func (b *Booking) ReleaseExpired(ctx context.Context) (int, error) {
	return b.releaseExpired(ctx, nil)
}

// releaseExpired sweeps one salon when only is set: tests running side by
// side, each with its own clock, must not release each other's holds.
func (b *Booking) releaseExpired(ctx context.Context, only *uuid.UUID) (int, error) {
	var due []dbq.BookingExpiredHoldsRow
	err := b.DB.Unscoped(ctx, func(tx store.Tx) error {
		var err error
		due, err = tx.BookingExpiredHolds(ctx, dbq.BookingExpiredHoldsParams{Now: b.Clock.Now(), TenantID: only})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("booking: expired holds: %w", err)
	}
	for _, h := range due {
		err := b.DB.WithTenant(ctx, h.TenantID, func(tx store.Tx) error {
			return releaseTx(ctx, tx, h.TenantID, h.ID, h.AppointmentID)
		})
		if err != nil {
			return 0, fmt.Errorf("booking: release hold %s: %w", h.ID, err)
		}
		if b.Stripe != nil && h.CheckoutSessionID != nil && h.StripeAccountID != nil {
			// Best effort: a session that cannot be expired still cannot confirm
			// a released hold without the webhook noticing (see settle).
			_ = b.Stripe.ExpireCheckout(ctx, *h.StripeAccountID, *h.CheckoutSessionID)
		}
	}
	return len(due), nil
}

// SweepArgs is the periodic job that releases expired holds.
type SweepArgs struct{}

// Kind names the job.
func (SweepArgs) Kind() string { return "booking_sweep_holds" }

// SweepWorker runs ReleaseExpired.
type SweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	Booking *Booking
}

// Work releases expired holds.
func (w *SweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	_, err := w.Booking.ReleaseExpired(ctx)
	return err
}

// SweepEvery is how often expired holds are looked for: a slot is free again
// at most this long after its 15 minutes are up.
const SweepEvery = 30 * time.Second
