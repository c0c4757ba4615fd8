package booking

import (
	"context"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// RefundArgs gives back what was paid for a cancelled booking. It is queued
// in the cancellation's own transaction: a cancellation that commits always
// has its refund coming, even if Stripe is down or the process dies right
// after; retries are safe because each payment is refunded under its own
// idempotency key and a refunded payment is skipped.
type RefundArgs struct {
	SalonID       uuid.UUID `json:"salon_id"`
	BookingID     uuid.UUID `json:"booking_id"`
	AppointmentID uuid.UUID `json:"appointment_id"`
	Reason        string    `json:"reason"`
}

// Kind names the job.
func (RefundArgs) Kind() string { return "booking_refund" }

// InsertOpts keeps one refund job per booking: a cancellation retried by a
// double click queues nothing more.
func (RefundArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 12, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// RefundWorker runs the refund.
type RefundWorker struct {
	river.WorkerDefaults[RefundArgs]
	Booking *Booking
}

// Work refunds every payment of the booking not refunded yet.
func (w *RefundWorker) Work(ctx context.Context, job *river.Job[RefundArgs]) error {
	a := job.Args
	return w.Booking.refundBooking(ctx, a.SalonID, dbq.Booking{ID: a.BookingID, AppointmentID: a.AppointmentID}, a.Reason)
}

func queueRefundTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, bk dbq.Booking, reason string) error {
	return tx.Enqueue(ctx, RefundArgs{SalonID: salonID, BookingID: bk.ID, AppointmentID: bk.AppointmentID, Reason: reason}, nil)
}
