package booking

import (
	"context"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// revive handles a payment completed after its hold was released: the visit
// is booked again if its time is still free; otherwise the money goes back
// to the client and they are told. Nothing the client paid is ever lost.
func (b *Booking) revive(ctx context.Context, t target, bk dbq.Booking) (string, error) {
	err := b.DB.WithTenant(ctx, t.salonID, func(tx store.Tx) error {
		appt, err := tx.AppointmentGet(ctx, dbq.AppointmentGetParams{TenantID: t.salonID, ID: bk.AppointmentID})
		if err != nil {
			return err
		}
		if err := tx.AppointmentLockStaff(ctx, appt.StaffID.String()); err != nil {
			return err
		}
		if _, err := tx.AppointmentRevive(ctx, dbq.AppointmentReviveParams{TenantID: t.salonID, ID: bk.AppointmentID}); err != nil {
			return err
		}
		moved, err := tx.BookingSetStatus(ctx, dbq.BookingSetStatusParams{TenantID: t.salonID, ID: bk.ID, Status: "confirmed",
			FromStatuses: []string{"expired"}})
		if err != nil || moved == 0 {
			// Another event of the same payment revived it first: one
			// confirmation is enough.
			return err
		}
		if _, err := tx.PaymentSetOutcome(ctx, dbq.PaymentSetOutcomeParams{TenantID: t.salonID, BookingID: &bk.ID,
			Outcome: OutcomeConfirmedAfterExpiry}); err != nil {
			return err
		}
		return b.notifyTx(ctx, tx, confirmation(t.salonID, bk.ID))
	})
	if err == nil {
		return OutcomeConfirmedAfterExpiry, nil
	}
	if !store.IsSlotTaken(err) {
		return "", err
	}
	return b.lost(ctx, t, bk, OutcomeRefundedSlotTaken)
}
