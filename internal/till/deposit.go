package till

import (
	"context"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// DepositTakenTx reports whether a visit's online deposit or prepayment was
// applied to a ticket: from then on it is the till's money, given back only
// by a credit note, never by the booking's refund as well.
//
// It first locks the visit, as opening its ticket does before taking the
// deposit, and the caller holds it until it commits: of a cancellation and
// a ticket racing for the deposit, the second waits for the first and sees
// what it did — the cancellation a deposit taken, the ticket a visit
// cancelled. (Locking the visit's payments instead took the two locks in
// opposite orders, and Postgres killed one of them.)
func DepositTakenTx(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID) (bool, error) {
	if _, err := lockVisitTx(ctx, tx, salonID, appointmentID); err != nil {
		return false, err
	}
	return tx.TillDepositTaken(ctx, dbq.TillDepositTakenParams{TenantID: salonID, AppointmentID: appointmentID})
}

// lockVisitTx is the visit, locked until the transaction ends.
func lockVisitTx(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID) (dbq.TillVisitRow, error) {
	return tx.TillVisit(ctx, dbq.TillVisitParams{TenantID: salonID, ID: appointmentID})
}

// notBillableTx is the till's answer for a visit it cannot charge. A visit
// cancelled after the client paid online says where that money went: the
// cancellation settled it, the ticket does not take it.
func notBillableTx(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID, status string) error {
	if status == "cancelled" {
		paid, err := tx.TillVisitPaidOnline(ctx, dbq.TillVisitPaidOnlineParams{TenantID: salonID, AppointmentID: appointmentID})
		if err != nil {
			return err
		}
		if len(paid) > 0 {
			return apperr.New(apperr.Conflict, "till.visit.cancelled_paid")
		}
	}
	return apperr.New(apperr.Conflict, "till.visit.not_billable")
}
