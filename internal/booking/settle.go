package booking

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/stripe/stripe-go/v76"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Stripe events arrive late, twice and out of order. Every handler below
// reads the state from the object the event carries (is the session paid?)
// and moves rows only from the state it expects, so a replay or a late
// event changes nothing.

// target is the booking a Stripe object concerns, checked against the
// connected account the event came from: salon A's Stripe account can never
// settle salon B's booking.
type target struct {
	salonID, bookingID uuid.UUID
}

func (b *Booking) locate(ctx context.Context, account string, meta map[string]string, sessionID string) (target, bool, error) {
	var t target
	found := false
	err := b.DB.Unscoped(ctx, func(tx store.Tx) error {
		if sessionID != "" {
			row, err := tx.BookingLocate(ctx, &sessionID)
			if err == nil {
				t, found = target{salonID: row.TenantID, bookingID: row.ID}, true
			} else if !store.IsNotFound(err) {
				return err
			}
		}
		if !found {
			salonID, e1 := uuid.Parse(meta["salon_id"])
			bookingID, e2 := uuid.Parse(meta["booking_id"])
			if e1 != nil || e2 != nil {
				return nil
			}
			t, found = target{salonID: salonID, bookingID: bookingID}, true
		}
		acct, err := tx.SalonStripeGet(ctx, t.salonID)
		if store.IsNotFound(err) || (err == nil && acct.AccountID != account) {
			found = false
			return nil
		}
		return err
	})
	return t, found, err
}

// onCheckoutCompleted settles a completed Checkout Session: paid (deposit,
// prepayment) or card saved (imprint).
func (b *Booking) onCheckoutCompleted(ctx context.Context, account string, cs *stripe.CheckoutSession) (string, error) {
	if pid, err := uuid.Parse(cs.Metadata["payment_id"]); err == nil && cs.Metadata["booking_id"] == "" {
		// A fee paid through the link emailed after 3-D Secure was required.
		if cs.PaymentStatus != stripe.CheckoutSessionPaymentStatusPaid || cs.PaymentIntent == nil {
			return "fee not paid yet", nil
		}
		return b.settleFee(ctx, account, &stripe.PaymentIntent{ID: cs.PaymentIntent.ID, Metadata: cs.Metadata}, pid)
	}
	t, ok, err := b.locate(ctx, account, cs.Metadata, cs.ID)
	if err != nil || !ok {
		return "unknown booking", err
	}
	switch {
	case cs.Mode == stripe.CheckoutSessionModeSetup && cs.SetupIntent != nil:
		return b.settleCard(ctx, account, t, cs.SetupIntent.ID)
	case cs.PaymentStatus == stripe.CheckoutSessionPaymentStatusPaid && cs.PaymentIntent != nil:
		return b.settlePaid(ctx, account, t, cs.PaymentIntent.ID)
	}
	return "not paid yet", nil
}

// onPaymentIntent settles from a payment intent's own state: the path a
// late or reordered checkout event no longer matters for.
func (b *Booking) onPaymentIntent(ctx context.Context, account string, pi *stripe.PaymentIntent) (string, error) {
	if pi.Status != stripe.PaymentIntentStatusSucceeded {
		return b.onPaymentFailed(ctx, account, pi)
	}
	if pid, err := uuid.Parse(pi.Metadata["payment_id"]); err == nil && pi.Metadata["booking_id"] == "" {
		return b.settleFee(ctx, account, pi, pid)
	}
	t, ok, err := b.locate(ctx, account, pi.Metadata, "")
	if err != nil || !ok {
		return "unknown booking", err
	}
	return b.settlePaid(ctx, account, t, pi.ID)
}

// onSetupIntent settles a card imprint from the setup intent itself.
func (b *Booking) onSetupIntent(ctx context.Context, account string, si *stripe.SetupIntent) (string, error) {
	if si.Status != stripe.SetupIntentStatusSucceeded {
		return "setup not succeeded", nil
	}
	t, ok, err := b.locate(ctx, account, si.Metadata, "")
	if err != nil || !ok {
		return "unknown booking", err
	}
	return b.settleCard(ctx, account, t, si.ID)
}

// onCheckoutExpired releases the hold of a session nobody paid.
func (b *Booking) onCheckoutExpired(ctx context.Context, account string, cs *stripe.CheckoutSession) (string, error) {
	t, ok, err := b.locate(ctx, account, cs.Metadata, cs.ID)
	if err != nil || !ok {
		return "unknown booking", err
	}
	err = b.DB.WithTenant(ctx, t.salonID, func(tx store.Tx) error {
		bk, err := tx.BookingGet(ctx, dbq.BookingGetParams{TenantID: t.salonID, ID: t.bookingID})
		if err != nil {
			return err
		}
		return releaseTx(ctx, tx, t.salonID, bk.ID, bk.AppointmentID)
	})
	return "released", err
}

func (b *Booking) settlePaid(ctx context.Context, account string, t target, paymentIntentID string) (string, error) {
	bk, fresh, err := b.settle(ctx, t, paymentIntentID, "")
	if err != nil {
		return "", err
	}
	if bk.CardConsent && b.Stripe != nil {
		// The client agreed to keep the card: remember it for a no-show fee.
		if _, pm, label, err := b.Stripe.PaymentCard(ctx, account, paymentIntentID); err == nil && pm != "" {
			if err := b.saveCard(ctx, t.salonID, bk.CustomerID, pm, label); err != nil {
				return "", err
			}
		}
	}
	return b.confirm(ctx, t, bk, fresh)
}

func (b *Booking) settleCard(ctx context.Context, account string, t target, setupIntentID string) (string, error) {
	if b.Stripe == nil {
		return "payments off", nil
	}
	_, pm, label, err := b.Stripe.SavedCard(ctx, account, setupIntentID)
	if err != nil {
		return "", err
	}
	bk, fresh, err := b.settle(ctx, t, "", setupIntentID)
	if err != nil {
		return "", err
	}
	if err := b.saveCard(ctx, t.salonID, bk.CustomerID, pm, label); err != nil {
		return "", err
	}
	return b.confirm(ctx, t, bk, fresh)
}

// settle marks the booking's pending payment succeeded; fresh says this
// event is the one that brought it (not another event of a payment known).
func (b *Booking) settle(ctx context.Context, t target, paymentIntentID, setupIntentID string) (bk dbq.Booking, fresh bool, err error) {
	err = b.DB.WithTenant(ctx, t.salonID, func(tx store.Tx) error {
		var err error
		if bk, err = tx.BookingGet(ctx, dbq.BookingGetParams{TenantID: t.salonID, ID: t.bookingID}); err != nil {
			return err
		}
		pays, err := tx.PaymentsOfAppointment(ctx, dbq.PaymentsOfAppointmentParams{TenantID: t.salonID, AppointmentID: bk.AppointmentID})
		if err != nil {
			return err
		}
		for _, p := range pays {
			// Stripe says the money (or card) arrived: that holds even for a
			// payment a sweep cancelled a moment earlier.
			if p.BookingID != nil && *p.BookingID == bk.ID && p.Kind != "refund" && p.Status != "succeeded" {
				fresh = true
				if err := tx.PaymentForceSucceeded(ctx, dbq.PaymentForceSucceededParams{TenantID: t.salonID, ID: p.ID,
					PaymentIntentID: optional(paymentIntentID), SetupIntentID: optional(setupIntentID)}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return bk, fresh, err
}

// saveCard keeps the card the client agreed to save, on their record at
// this salon (the Stripe customer was created for this salon and client).
func (b *Booking) saveCard(ctx context.Context, salonID, customerID uuid.UUID, pm, label string) error {
	if pm == "" {
		return nil
	}
	return b.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		_, err := tx.CustomerStripeSetCard(ctx, dbq.CustomerStripeSetCardParams{TenantID: salonID, CustomerID: customerID,
			PaymentMethodID: &pm, CardLabel: label})
		return err
	})
}

// confirm books the held visit and sends the confirmation once. A payment
// that arrives after its hold was released brings the visit back if its time
// is still free; if someone took it meanwhile, the client is refunded.
func (b *Booking) confirm(ctx context.Context, t target, bk dbq.Booking, fresh bool) (string, error) {
	outcome := OutcomeConfirmed
	err := b.DB.WithTenant(ctx, t.salonID, func(tx store.Tx) error {
		if !fresh {
			// Another event of this payment got here first: what it found
			// is what happened, not "already confirmed".
			known, err := tx.PaymentOutcomeOf(ctx, dbq.PaymentOutcomeOfParams{TenantID: t.salonID, BookingID: &bk.ID})
			if err != nil || known != "" {
				outcome = known
				return err
			}
		}
		n, err := tx.AppointmentConfirmHold(ctx, dbq.AppointmentConfirmHoldParams{TenantID: t.salonID, ID: bk.AppointmentID})
		if err != nil {
			return err
		}
		if n == 0 {
			// The hold was no longer pending. The booking read before this
			// transaction may predate a sweep that committed while we waited
			// for the appointment's row, so both are read again here.
			status, err := tx.AppointmentStatus(ctx, dbq.AppointmentStatusParams{TenantID: t.salonID, ID: bk.AppointmentID})
			if err != nil {
				return err
			}
			current, err := tx.BookingGet(ctx, dbq.BookingGetParams{TenantID: t.salonID, ID: bk.ID})
			if err != nil {
				return err
			}
			if status == "cancelled" && current.Status == "expired" {
				return errSlotLost
			}
			if current.Status == "cancelled" && fresh {
				return errCancelledBeforePayment
			}
		}
		moved, err := tx.BookingSetStatus(ctx, dbq.BookingSetStatusParams{TenantID: t.salonID, ID: bk.ID, Status: "confirmed",
			FromStatuses: []string{"awaiting_payment", "expired"}})
		if err != nil || moved == 0 {
			outcome = "already confirmed"
			return err
		}
		if _, err := tx.PaymentSetOutcome(ctx, dbq.PaymentSetOutcomeParams{TenantID: t.salonID, BookingID: &bk.ID, Outcome: OutcomeConfirmed}); err != nil {
			return err
		}
		return b.notifyTx(ctx, tx, confirmation(t.salonID, bk.ID))
	})
	if err == errSlotLost {
		return b.revive(ctx, t, bk)
	}
	if err == errCancelledBeforePayment {
		// The visit was cancelled (by the salon over a closure, say) while the
		// client was still on Stripe's page: what they paid goes back.
		return b.lost(ctx, t, bk, OutcomeRefundedCancelled)
	}
	return outcome, err
}

// What a booking's online payment did, as kept on the payment and on the
// Stripe events that brought it.
const (
	OutcomeConfirmed            = "confirmed"
	OutcomeConfirmedAfterExpiry = "confirmed_after_expiry"
	OutcomeRefundedSlotTaken    = "refunded_slot_taken"
	OutcomeRefundedCancelled    = "refunded_cancelled"
)

var (
	errSlotLost               = fmt.Errorf("booking: hold released before payment")
	errCancelledBeforePayment = fmt.Errorf("booking: cancelled before payment")
)

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
