package message

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Notice is an automatic message about a visit, put in the outbox by the
// change it follows (a booking confirmed or cancelled, a reminder due).
type Notice struct {
	SalonID       uuid.UUID
	AppointmentID uuid.UUID
	Kind          string // KindConfirmation, KindReminder, KindCancellation, or KindFeeLink with Own
	Email         string // "": the client's email on their record
	// Extra paragraphs end the email (what was paid online, the policy the
	// client accepted): facts of the booking no template rewords.
	Extra       []string
	Attachments []mail.Attachment // the visit's .ics (never a working link)
	// Own is a wording of the caller's instead of a template (a fee's
	// payment link): sent by email only.
	Own *Text
}

// AppointmentTx puts a visit's messages in the outbox, in the caller's
// transaction: the email, and an SMS when the kind sends one (confirmation,
// cancellation; a reminder when the salon asks for it). Each respects the
// client's preferences: a refused or unreachable channel is kept as skipped.
// Where the template says {lien}, the manage link is minted when sending.
func AppointmentTx(ctx context.Context, tx store.Tx, n Notice) error {
	a, err := tx.MessageAppointment(ctx, dbq.MessageAppointmentParams{TenantID: n.SalonID, ID: n.AppointmentID})
	if err != nil {
		return fmt.Errorf("message: %s: %w", n.Kind, err)
	}
	lang := langOf(a.Lang) // the client's, whoever wrote the visit and in whatever language
	to := n.Email
	if to == "" {
		to = a.BookingEmail
	}
	if to == "" {
		to = a.Email
	}
	start := a.StartsAt.In(zone(a.TimeZone))
	v := vars{VarFirstName: a.FirstName, VarLastName: a.LastName, VarSalon: a.SalonName, VarDate: day(lang, start),
		VarTime: clockTime(start), VarService: a.Services, VarStaff: a.StaffName, VarAddress: a.Address, VarLink: linkMarker}
	consent := Consent{EmailTransactional: a.EmailTransactional, EmailMarketing: a.EmailMarketing,
		SMSTransactional: a.SmsTransactional, SMSMarketing: a.SmsMarketing}
	if a.BookingEmail != "" && n.Kind != KindReminder {
		// The client booked online with this address and paid or accepted
		// terms there: the receipt, the policy and the manage link go to it
		// whatever the record says about service emails.
		consent.EmailTransactional = true
	}
	d := Draft{SalonID: n.SalonID, CustomerID: &a.CustomerID, AppointmentID: &a.ID, Kind: n.Kind, Purpose: Transactional, Lang: lang}

	email := d
	email.Channel, email.To, email.Attachments = Email, to, n.Attachments
	if n.Own != nil {
		email.Subject, email.Body = n.Own.Subject, n.Own.Body
	} else {
		t, err := templateTx(ctx, tx, n.SalonID, n.Kind, lang, Email)
		if err != nil {
			return err
		}
		email.Subject, email.Body = render(t.Subject, v), render(t.Body, v)
	}
	if len(n.Extra) > 0 {
		email.Body = tidy(email.Body + "\n\n" + strings.Join(n.Extra, "\n\n"))
	}
	if _, err := EnqueueTx(ctx, tx, email, consent); err != nil {
		return err
	}
	if n.Own != nil || (n.Kind == KindReminder && !a.ReminderSms) {
		return nil
	}
	sms := d
	sms.Channel, sms.To = SMS, a.Phone
	t, err := templateTx(ctx, tx, n.SalonID, n.Kind, lang, SMS)
	if err != nil {
		return err
	}
	sms.Body = render(t.Body, v)
	_, err = EnqueueTx(ctx, tx, sms, consent)
	return err
}

// PortalAccessTx tells a client, in their language, their client portal is
// open, with the sign-in link the caller minted. It goes by email, or by SMS
// to a client without an email address.
func PortalAccessTx(ctx context.Context, tx store.Tx, salonID, customerID uuid.UUID, link string) error {
	return portalTx(ctx, tx, KindPortalAccess, salonID, customerID, link)
}

// PortalLoginTx sends a client the sign-in link to their portal they asked
// for (minted by the caller), in their language, by email, or by SMS when
// they have no email.
func PortalLoginTx(ctx context.Context, tx store.Tx, salonID, customerID uuid.UUID, link string) error {
	return portalTx(ctx, tx, KindPortalLogin, salonID, customerID, link)
}

// The link is written into the message as it waits in the outbox (the
// caller minted it: it is short-lived and single-use); the history never
// shows it, and it is masked once the message is sent.
func portalTx(ctx context.Context, tx store.Tx, kind string, salonID, customerID uuid.UUID, link string) error {
	if link == "" {
		return fmt.Errorf("message: %s without a link", kind)
	}
	c, err := tx.MessageCustomer(ctx, dbq.MessageCustomerParams{TenantID: salonID, ID: customerID})
	if err != nil {
		return fmt.Errorf("message: %s: %w", kind, err)
	}
	lang := langOf(c.Lang)
	channel, to := Email, c.Email
	if to == "" && c.Phone != "" {
		channel, to = SMS, c.Phone
	}
	t, err := templateTx(ctx, tx, salonID, kind, lang, channel)
	if err != nil {
		return err
	}
	v := vars{VarFirstName: c.FirstName, VarLastName: c.LastName, VarSalon: c.SalonName, VarAddress: c.Address, VarLink: link}
	d := Draft{SalonID: salonID, CustomerID: &c.ID, Channel: channel, Kind: kind, Purpose: Transactional, To: to, Lang: lang,
		Body: render(t.Body, v)}
	if channel == Email {
		d.Subject = render(t.Subject, v)
	}
	consent := consentOf(c)
	if kind == KindPortalLogin {
		// The client just asked for this link: refusing service emails is
		// not refusing the one message they requested.
		consent.EmailTransactional, consent.SMSTransactional = true, true
	}
	_, err = EnqueueTx(ctx, tx, d, consent)
	return err
}

func consentOf(c dbq.MessageCustomerRow) Consent {
	return Consent{EmailTransactional: c.EmailTransactional, EmailMarketing: c.EmailMarketing,
		SMSTransactional: c.SmsTransactional, SMSMarketing: c.SmsMarketing}
}

// ClientLangTx is the language of the client a visit is for, which every
// message about it is written in (the booking area's own texts too).
func ClientLangTx(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID) (i18n.Lang, error) {
	l, err := tx.MessageClientLang(ctx, dbq.MessageClientLangParams{TenantID: salonID, ID: appointmentID})
	if err != nil {
		return "", fmt.Errorf("message: client language: %w", err)
	}
	return langOf(l), nil
}

// templateTx is the salon's wording of a message, or Carnet's.
func templateTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, kind string, lang i18n.Lang, channel string) (Text, error) {
	def, ok := Default(kind, lang, channel)
	if !ok {
		return Text{}, apperr.ErrNotFound
	}
	row, err := tx.MessageTemplateGet(ctx, dbq.MessageTemplateGetParams{TenantID: salonID, Kind: kind, Lang: string(lang), Channel: channel})
	if store.IsNotFound(err) {
		return def, nil
	}
	if err != nil {
		return Text{}, fmt.Errorf("message: template: %w", err)
	}
	return Text{Subject: row.Subject, Body: row.Body}, nil
}

// zone is a salon's time zone (UTC if the stored name is unknown).
func zone(name string) *time.Location { return clock.Zone(name) }
