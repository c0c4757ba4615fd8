package booking

import (
	"context"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// ConfirmAfterReading runs the confirmation step of a webhook with the
// booking as that webhook read it earlier, to replay a sweep that committed
// between the read and the confirmation.
func (b *Booking) ConfirmAfterReading(ctx context.Context, salonID uuid.UUID, read dbq.Booking) (string, error) {
	return b.confirm(ctx, target{salonID: salonID, bookingID: read.ID}, read, true)
}

// ReleaseExpiredOf is the sweeper limited to one salon.
func (b *Booking) ReleaseExpiredOf(ctx context.Context, salonID uuid.UUID) (int, error) {
	return b.releaseExpired(ctx, &salonID)
}

// ReviveAfterReading runs the revival of a paid, released hold, as a second
// event of the same payment would once the first has revived it.
func (b *Booking) ReviveAfterReading(ctx context.Context, salonID uuid.UUID, read dbq.Booking) (string, error) {
	return b.revive(ctx, target{salonID: salonID, bookingID: read.ID}, read)
}
