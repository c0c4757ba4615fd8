package booking

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
)

// LinkFor mints a new manage link for a visit booked online, for a client
// already known to be its owner (the client portal): from there, cancelling
// and rescheduling follow the salon's policy exactly as from the emailed
// link. A visit booked another way has no manage page: not found.
func (b *Booking) LinkFor(ctx context.Context, sal salon.Salon, appointmentID uuid.UUID) (string, error) {
	link := ""
	err := b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		var err error
		link, err = b.ManageLinkTx(ctx, tx, sal.ID, appointmentID)
		if err == nil && link == "" {
			return apperr.ErrNotFound
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("booking: link for: %w", err)
	}
	return link, nil
}
