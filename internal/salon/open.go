package salon

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
)

// ErrSuspended is a booking refused because the platform suspended the
// salon, seen inside the booking's own transaction.
var ErrSuspended = errors.New("salon: suspended")

// TakesBookingsTx says, inside a booking's transaction, whether the salon
// still takes bookings. Its public pages learn a suspension within seconds
// (BySlug's cache, per instance), but no booking goes through once the
// suspension is committed: the status is read and held until the booking
// commits, so a suspension waits for a booking under way and a later one
// is refused.
func TakesBookingsTx(ctx context.Context, tx store.Tx, salonID uuid.UUID) error {
	status, err := tx.TenantStatusForBooking(ctx, salonID)
	if err != nil {
		return fmt.Errorf("salon: status for a booking: %w", err)
	}
	if status == StatusSuspended {
		return ErrSuspended
	}
	return nil
}
