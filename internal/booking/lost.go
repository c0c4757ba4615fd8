package booking

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/urls"
)

// KindPaymentReturned is the message telling a client that what they paid
// came too late for their visit and goes back to them.
const KindPaymentReturned = "payment_returned"

// lost gives back a payment that arrived for a visit the client can no
// longer have: its time was taken after the hold ran out, or the salon
// cancelled it while the client was on Stripe's page. One transaction keeps
// the outcome on the payment, cancels the booking, queues the refund (a job,
// retried until Stripe takes it) and tells the client by email and SMS, with
// the way to pick another time. The event that set the outcome does all of
// it; another event of the same payment finds it set and does nothing.
func (b *Booking) lost(ctx context.Context, t target, bk dbq.Booking, outcome string) (string, error) {
	err := b.DB.WithTenant(ctx, t.salonID, func(tx store.Tx) error {
		n, err := tx.PaymentSetOutcome(ctx, dbq.PaymentSetOutcomeParams{TenantID: t.salonID, BookingID: &bk.ID, Outcome: outcome})
		if err != nil || n == 0 {
			return err
		}
		if _, err := tx.BookingSetStatus(ctx, dbq.BookingSetStatusParams{TenantID: t.salonID, ID: bk.ID, Status: "cancelled",
			FromStatuses: []string{"awaiting_payment", "expired"}}); err != nil {
			return err
		}
		if err := queueRefundTx(ctx, tx, t.salonID, bk, outcome); err != nil {
			return err
		}
		return b.tellLostTx(ctx, tx, t, bk, outcome)
	})
	if err != nil {
		return "", fmt.Errorf("booking: %s: %w", outcome, err)
	}
	return outcome, nil
}

// tellLostTx puts the client's email and SMS in the outbox. The booking's
// address gets the email whatever the record says of service emails: the
// client paid from it and must hear their money is coming back.
func (b *Booking) tellLostTx(ctx context.Context, tx store.Tx, t target, read dbq.Booking, outcome string) error {
	bk, err := tx.BookingGet(ctx, dbq.BookingGetParams{TenantID: t.salonID, ID: read.ID})
	if err != nil {
		return err
	}
	v, err := loadVisit(ctx, tx, t.salonID, bk)
	if err != nil {
		return err
	}
	a, err := tx.MessageAppointment(ctx, dbq.MessageAppointmentParams{TenantID: t.salonID, ID: bk.AppointmentID})
	if err != nil {
		return err
	}
	lang, err := message.ClientLangTx(ctx, tx, t.salonID, bk.AppointmentID)
	if err != nil {
		return err
	}
	paid, err := paidOnline(ctx, tx, t.salonID, bk)
	if err != nil {
		return err
	}
	body, sms := lostTexts(lang, v, paid, outcome, b.BaseURL+urls.Salon(v.salon.Slug))
	consent := message.Consent{EmailTransactional: true, SMSTransactional: a.SmsTransactional}
	d := message.Draft{SalonID: t.salonID, CustomerID: &bk.CustomerID, AppointmentID: &bk.AppointmentID, Kind: KindPaymentReturned,
		Purpose: message.Transactional, Lang: lang, Channel: message.Email, To: bk.Email,
		Subject: i18n.Tr(lang, "lost.subject", v.salon.Name), Body: body}
	if _, err := message.EnqueueTx(ctx, tx, d, consent); err != nil {
		return err
	}
	d.Channel, d.To, d.Subject, d.Body = message.SMS, a.Phone, "", sms
	_, err = message.EnqueueTx(ctx, tx, d, consent)
	return err
}

// lostTexts says in plain words what happened, what comes back and where to
// book again: the email's body and the SMS.
func lostTexts(lang i18n.Lang, v visit, paid int64, outcome, again string) (body, sms string) {
	when := dateTime(lang, v.appt.StartsAt.In(v.salon.Location()))
	amount := money.New(paid, v.booking.Currency).Format(lang)
	why := "slot_taken" // the catalogue's lost.why.* and lost.sms.*
	if outcome == OutcomeRefundedCancelled {
		why = "cancelled"
	}
	back, short := i18n.Tr(lang, "lost.refund", amount), i18n.Tr(lang, "lost.sms.refund", amount)
	if paid == 0 {
		back = i18n.Tr(lang, "lost.nothing_charged")
		short = back
	}
	body = i18n.Tr(lang, "email.greeting", v.appt.FirstName) + "\n\n" +
		i18n.Tr(lang, "lost.why."+why, v.service, when) + "\n\n" + back + "\n\n" +
		i18n.Tr(lang, "lost.again") + i18n.Colon(lang) + again
	return body, i18n.Tr(lang, "lost.sms."+why, v.salon.Name, when, short, again)
}

// paidOnline is what the client paid for the booking online, refunds aside.
func paidOnline(ctx context.Context, tx store.Tx, salonID uuid.UUID, bk dbq.Booking) (int64, error) {
	pays, err := tx.PaymentsOfAppointment(ctx, dbq.PaymentsOfAppointmentParams{TenantID: salonID, AppointmentID: bk.AppointmentID})
	if err != nil {
		return 0, err
	}
	var paid int64
	for _, p := range pays {
		if p.BookingID != nil && *p.BookingID == bk.ID && p.Kind != "refund" && p.Status == "succeeded" && p.PaymentIntentID != nil {
			paid += p.AmountCents
		}
	}
	return paid, nil
}
