package booking

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/stripe/stripe-go/v76"

	"github.com/carnet-salon/carnet/internal/activity"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/till"
)

// refundBooking gives back every succeeded payment of a booking and cancels
// it. Each refund is recorded before Stripe is called and keyed by the
// payment it returns, so a retry never refunds twice.
func (b *Booking) refundBooking(ctx context.Context, salonID uuid.UUID, bk dbq.Booking, reason string) error {
	var todo []dbq.Payment
	err := b.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		// A deposit a ticket took meanwhile is the till's to give back.
		taken, err := till.DepositTakenTx(ctx, tx, salonID, bk.AppointmentID)
		if err != nil {
			return err
		}
		pays, err := tx.PaymentsOfAppointment(ctx, dbq.PaymentsOfAppointmentParams{TenantID: salonID, AppointmentID: bk.AppointmentID})
		if err != nil {
			return err
		}
		if taken {
			pays = nil
		}
		refunded := map[uuid.UUID]bool{}
		for _, p := range pays {
			if p.Kind == "refund" && p.RefundsPaymentID != nil && p.Status != "failed" {
				refunded[*p.RefundsPaymentID] = true
			}
		}
		for _, p := range pays {
			if p.Status == "succeeded" && p.PaymentIntentID != nil && p.AmountCents > 0 && p.Kind != "refund" && !refunded[p.ID] {
				todo = append(todo, p)
			}
		}
		_, err = tx.BookingSetStatus(ctx, dbq.BookingSetStatusParams{TenantID: salonID, ID: bk.ID, Status: "cancelled",
			FromStatuses: []string{"awaiting_payment", "confirmed", "expired"}})
		return err
	})
	if err != nil {
		return fmt.Errorf("booking: refund %s: %w", reason, err)
	}
	for _, p := range todo {
		if err := b.refund(ctx, salonID, p); err != nil {
			return err
		}
	}
	return nil
}

func (b *Booking) refund(ctx context.Context, salonID uuid.UUID, p dbq.Payment) error {
	if b.Stripe == nil || p.PaymentIntentID == nil {
		return errors.New("booking: refund without Stripe")
	}
	account, err := b.account(ctx, salonID)
	if err != nil {
		return err
	}
	id, rerr := b.Stripe.Refund(ctx, account, *p.PaymentIntentID, p.AmountCents, "refund-"+p.ID.String())
	status, failure := "succeeded", ""
	var serr *stripe.Error
	if rerr != nil {
		status, failure = "failed", rerr.Error()
		if errors.As(rerr, &serr) {
			failure = string(serr.Code)
		}
	}
	err = b.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if _, err := tx.PaymentCreate(ctx, dbq.PaymentCreateParams{TenantID: salonID, AppointmentID: p.AppointmentID, BookingID: p.BookingID,
			Kind: "refund", AmountCents: p.AmountCents, Currency: p.Currency, Status: status, Failure: failure,
			RefundID: optional(id), RefundsPaymentID: &p.ID}); err != nil || rerr != nil {
			return err
		}
		return activity.RecordTx(ctx, tx, b.BaseURL, activity.Event{SalonID: salonID, Kind: activity.Refunded,
			AppointmentID: p.AppointmentID, AmountCents: p.AmountCents, Currency: p.Currency})
	})
	if err != nil {
		return fmt.Errorf("booking: record refund: %w", err)
	}
	if rerr != nil {
		return fmt.Errorf("booking: refund payment %s: %w", p.ID, rerr)
	}
	return nil
}

func (b *Booking) account(ctx context.Context, salonID uuid.UUID) (string, error) {
	var acct string
	err := b.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		row, err := tx.SalonStripeGet(ctx, salonID)
		acct = row.AccountID
		return err
	})
	return acct, err
}
