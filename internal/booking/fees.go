package booking

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/stripe/stripe-go/v76"

	"github.com/carnet-salon/carnet/internal/activity"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/urls"
)

// Fee outcomes staff see.
const (
	FeeCharged  = "charged"
	FeeLinkSent = "link_sent" // the bank wants the client: a payment link was emailed
	FeeDeclined = "declined"
)

type feeJob struct {
	paymentID      uuid.UUID
	amount, fee    int64
	account        string
	customer, card string
	booking        dbq.Booking
	lang           i18n.Lang // the client's: the payment page speaks it
}

// ChargeFee charges the salon's no-show fee to the card the client saved
// (card imprint, or a deposit kept with consent), without the client. If
// the bank asks for the client (3-D Secure), they are emailed a payment
// link. The attempt and its outcome are recorded either way.
func (b *Booking) ChargeFee(ctx context.Context, sal salon.Salon, appointmentID uuid.UUID) (string, error) {
	if b.Stripe == nil {
		return "", apperr.New(apperr.Conflict, "fee.no_stripe")
	}
	job, err := b.prepareFee(ctx, sal, appointmentID)
	if err != nil {
		return "", err
	}
	meta := map[string]string{"salon_id": sal.ID.String(), "payment_id": job.paymentID.String()}
	ch, cerr := b.Stripe.ChargeSavedCard(ctx, job.account, job.customer, job.card, job.amount, job.fee, sal.Currency,
		sal.Name+" · frais de non-présentation", "fee-"+job.paymentID.String(), meta)
	switch {
	case cerr == nil && ch.Status == "succeeded":
		return FeeCharged, b.settleFeeRow(ctx, sal.ID, job.paymentID, "succeeded", ch.PaymentIntentID, "")
	case cerr == nil && ch.Status == "processing":
		return FeeCharged, nil // the webhook settles it
	case cerr == nil, errors.Is(cerr, payment.ErrAuthenticationRequired):
		return FeeLinkSent, b.sendFeeLink(ctx, sal, job, ch.PaymentIntentID)
	case errors.Is(cerr, payment.ErrCardDeclined):
		return FeeDeclined, b.settleFeeRow(ctx, sal.ID, job.paymentID, "failed", ch.PaymentIntentID, cerr.Error())
	}
	_ = b.settleFeeRow(context.WithoutCancel(ctx), sal.ID, job.paymentID, "failed", "", cerr.Error())
	return "", fmt.Errorf("booking: charge fee: %w", cerr)
}

func (b *Booking) prepareFee(ctx context.Context, sal salon.Salon, appointmentID uuid.UUID) (feeJob, error) {
	var j feeJob
	err := b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		bk, err := tx.BookingOfAppointment(ctx, dbq.BookingOfAppointmentParams{TenantID: sal.ID, AppointmentID: appointmentID})
		if err != nil {
			return err
		}
		status, err := tx.AppointmentStatus(ctx, dbq.AppointmentStatusParams{TenantID: sal.ID, ID: appointmentID})
		if err != nil {
			return err
		}
		if status != "no_show" && status != "cancelled" {
			return apperr.New(apperr.Conflict, "fee.not_missed")
		}
		pol, err := policyTx(ctx, tx, sal.ID, true)
		if err != nil {
			return err
		}
		pol = pol.accepted(bk)
		if pol.Settings.NoShowFeeCents <= 0 {
			return apperr.New(apperr.Conflict, "fee.none_set")
		}
		cs, err := tx.CustomerStripeGet(ctx, dbq.CustomerStripeGetParams{TenantID: sal.ID, CustomerID: bk.CustomerID})
		if store.IsNotFound(err) || (err == nil && cs.PaymentMethodID == nil) {
			return apperr.New(apperr.Conflict, "fee.no_card")
		}
		if err != nil {
			return err
		}
		if err := noFeeYet(ctx, tx, sal.ID, appointmentID); err != nil {
			return err
		}
		acct, err := tx.SalonStripeGet(ctx, sal.ID)
		if err != nil {
			return err
		}
		j = feeJob{amount: pol.Settings.NoShowFeeCents, fee: payment.Fee(pol.Settings.NoShowFeeCents, pol.FeePercentBP, pol.FeeFixedCents),
			account: acct.AccountID, customer: cs.StripeCustomerID, card: *cs.PaymentMethodID, booking: bk}
		p, err := tx.PaymentCreate(ctx, dbq.PaymentCreateParams{TenantID: sal.ID, AppointmentID: appointmentID, BookingID: &bk.ID,
			Kind: "no_show_fee", AmountCents: j.amount, FeeCents: j.fee, Currency: sal.Currency, Status: "pending"})
		j.paymentID = p.ID
		if err != nil {
			return err
		}
		j.lang, err = message.ClientLangTx(ctx, tx, sal.ID, appointmentID)
		return err
	})
	return j, err
}

// noFeeYet refuses a second fee for the same visit: a double click or a retry
// must not charge the client twice.
func noFeeYet(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID) error {
	pays, err := tx.PaymentsOfAppointment(ctx, dbq.PaymentsOfAppointmentParams{TenantID: salonID, AppointmentID: appointmentID})
	if err != nil {
		return err
	}
	for _, p := range pays {
		if p.Kind == "no_show_fee" && p.Status != "failed" && p.Status != "canceled" {
			return apperr.New(apperr.Conflict, "fee.already")
		}
	}
	return nil
}

// settleFeeRow records a fee's outcome once; a fee that failed goes to the
// salon's feed and to the owners and managers who want to hear of it.
func (b *Booking) settleFeeRow(ctx context.Context, salonID, paymentID uuid.UUID, status, intent, failure string) error {
	return b.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		n, err := tx.PaymentSettle(ctx, dbq.PaymentSettleParams{TenantID: salonID, ID: paymentID, Status: status,
			PaymentIntentID: optional(intent), Failure: failure})
		if err != nil || n == 0 || status != "failed" {
			return err
		}
		p, err := tx.PaymentGet(ctx, dbq.PaymentGetParams{TenantID: salonID, ID: paymentID})
		if err != nil {
			return err
		}
		return activity.RecordTx(ctx, tx, b.BaseURL, activity.Event{SalonID: salonID, Kind: activity.PaymentFailed,
			AppointmentID: p.AppointmentID, AmountCents: p.AmountCents, Currency: p.Currency})
	})
}

// sendFeeLink turns a fee the bank refused off-session into a Checkout link
// the client pays themselves.
func (b *Booking) sendFeeLink(ctx context.Context, sal salon.Salon, j feeJob, intent string) error {
	cs, err := b.Stripe.Checkout(ctx, payment.CheckoutInput{Account: j.account, Customer: j.customer, AmountCents: j.amount,
		FeeCents: j.fee, Currency: sal.Currency, Description: sal.Name + " · " + i18n.Tr(j.lang, "lang.fee_description"),
		SuccessURL: b.BaseURL + urls.Salon(sal.Slug), CancelURL: b.BaseURL + urls.Salon(sal.Slug),
		Metadata:    map[string]string{"salon_id": sal.ID.String(), "payment_id": j.paymentID.String()},
		Idempotency: "fee-link-" + j.paymentID.String(), Locale: string(j.lang)})
	if err != nil {
		_ = b.settleFeeRow(context.WithoutCancel(ctx), sal.ID, j.paymentID, "failed", intent, "authentication_required")
		return fmt.Errorf("booking: fee link: %w", err)
	}
	return b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		if _, err := tx.PaymentSettle(ctx, dbq.PaymentSettleParams{TenantID: sal.ID, ID: j.paymentID, Status: "requires_action",
			PaymentIntentID: optional(intent), Failure: "authentication_required"}); err != nil {
			return err
		}
		if err := tx.PaymentSetSession(ctx, dbq.PaymentSetSessionParams{TenantID: sal.ID, ID: j.paymentID, CheckoutSessionID: &cs.ID}); err != nil {
			return err
		}
		return b.notifyTx(ctx, tx, clientNotice{SalonID: sal.ID, BookingID: j.booking.ID, What: "fee_link", PayURL: cs.URL, Amount: j.amount})
	})
}

// settleFee records the outcome of a fee's payment intent (charged off-session
// or paid through the emailed link).
func (b *Booking) settleFee(ctx context.Context, account string, pi *stripe.PaymentIntent, paymentID uuid.UUID) (string, error) {
	salonID, err := uuid.Parse(pi.Metadata["salon_id"])
	if err != nil {
		return "no salon", nil
	}
	if acct, err := b.account(ctx, salonID); err != nil || acct != account {
		return "unknown account", nil
	}
	err = b.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		return tx.PaymentForceSucceeded(ctx, dbq.PaymentForceSucceededParams{TenantID: salonID, ID: paymentID, PaymentIntentID: &pi.ID})
	})
	return "fee paid", err
}

// onPaymentFailed records a failed fee. A failed attempt inside a Checkout
// page is not final (the client tries another card), so booking payments
// wait for the session instead.
func (b *Booking) onPaymentFailed(ctx context.Context, account string, pi *stripe.PaymentIntent) (string, error) {
	paymentID, err := uuid.Parse(pi.Metadata["payment_id"])
	salonID, err2 := uuid.Parse(pi.Metadata["salon_id"])
	if err != nil || err2 != nil || pi.Metadata["booking_id"] != "" || pi.Status != stripe.PaymentIntentStatusRequiresPaymentMethod {
		return "ignored", nil
	}
	if acct, err := b.account(ctx, salonID); err != nil || acct != account {
		return "unknown account", nil
	}
	failure := ""
	if pi.LastPaymentError != nil {
		failure = string(pi.LastPaymentError.Code)
	}
	return "fee failed", b.settleFeeRow(ctx, salonID, paymentID, "failed", pi.ID, failure)
}
