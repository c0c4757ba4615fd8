package till

import (
	"context"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// DepositTakenTx reports whether a visit's online deposit or prepayment was
// applied to a ticket: from then on it is the till's money, given back only
// by a credit note, never by the booking's refund as well. It first locks
// the visit's payments, so a ticket taking the deposit at the same moment
// (its foreign key shares the row) is seen, or waits for the caller.
func DepositTakenTx(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID) (bool, error) {
	if _, err := tx.TillDepositLock(ctx, dbq.TillDepositLockParams{TenantID: salonID, AppointmentID: appointmentID}); err != nil {
		return false, err
	}
	return tx.TillDepositTaken(ctx, dbq.TillDepositTakenParams{TenantID: salonID, AppointmentID: appointmentID})
}
