package booking

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/activity"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// clientNotice says what to tell a client about their booking; notifyTx
// turns it into outbox messages in the transaction of the change.
type clientNotice struct {
	SalonID   uuid.UUID
	BookingID uuid.UUID
	What      string // confirmed | moved | cancelled | fee_link
	// PayURL is Stripe's page for a fee the bank wants the client to confirm.
	PayURL string
	Amount int64
	// Previous is where a moved visit was.
	Previous time.Time
	// ByClient: the client cancelled (from their manage link), not the salon.
	ByClient bool
}

// confirmation is the notice sent when a booking is confirmed.
func confirmation(salonID, bookingID uuid.UUID) clientNotice {
	return clientNotice{SalonID: salonID, BookingID: bookingID, What: "confirmed"}
}

// notifyTx puts the client's messages about their booking in the outbox,
// in the caller's transaction: the email in the client's language (their
// record's, whatever page they booked on), with the visit as a calendar file, and an SMS where the kind sends one.
// The manage link is minted when the message is sent (ManageLinkTx), so no
// working link waits in a job or in the outbox.
func (b *Booking) notifyTx(ctx context.Context, tx store.Tx, a clientNotice) error {
	bk, err := tx.BookingGet(ctx, dbq.BookingGetParams{TenantID: a.SalonID, ID: a.BookingID})
	if err != nil {
		return fmt.Errorf("booking: notify: %w", err)
	}
	v, err := loadVisit(ctx, tx, a.SalonID, bk)
	if err != nil {
		return fmt.Errorf("booking: notify: %w", err)
	}
	lang, err := message.ClientLangTx(ctx, tx, a.SalonID, bk.AppointmentID)
	if err != nil {
		return fmt.Errorf("booking: notify: %w", err)
	}
	n := message.Notice{SalonID: a.SalonID, AppointmentID: bk.AppointmentID, Email: bk.Email}
	now := b.Clock.Now()
	switch a.What {
	case "fee_link":
		n.Kind, n.Own = message.KindFeeLink, v.feeText(lang, a)
	case "moved":
		n.Kind = message.KindMoved
		n.Extra = append(n.Extra, i18n.Tr(lang, "booking.email.previous", dateTime(lang, a.Previous.In(v.salon.Location()))))
		seq, err := tx.BookingNextSequence(ctx, dbq.BookingNextSequenceParams{TenantID: a.SalonID, ID: bk.ID})
		if err != nil {
			return fmt.Errorf("booking: notify: %w", err)
		}
		n.Attachments = b.ics(lang, v, now, int(seq), false)
	case "cancelled":
		n.Kind = message.KindCancellation
		seq, err := tx.BookingNextSequence(ctx, dbq.BookingNextSequenceParams{TenantID: a.SalonID, ID: bk.ID})
		if err != nil {
			return fmt.Errorf("booking: notify: %w", err)
		}
		owed, err := owedOf(ctx, tx, a.SalonID, bk.AppointmentID)
		if err != nil {
			return fmt.Errorf("booking: notify: %w", err)
		}
		if owed > 0 {
			amount := money.New(owed, bk.Currency).Format(lang)
			n.Extra = append(n.Extra, i18n.Tr(lang, "booking.email.arrhes_double", amount, amount, money.New(2*owed, bk.Currency).Format(lang)))
		}
		n.Attachments = b.ics(lang, v, now, int(seq), true)
	default:
		n.Kind = message.KindConfirmation
		if bk.AmountDueCents > 0 {
			key := "booking.email.paid" // the advance named as the client accepted it:
			switch {
			case bk.PaymentMode == payment.ModeDeposit && v.depositName == salon.DepositArrhes:
				key = "booking.email.paid_arrhes"
			case bk.PaymentMode == payment.ModeDeposit:
				key = "booking.email.paid_acompte"
			}
			n.Extra = append(n.Extra, i18n.Tr(lang, key, money.New(bk.AmountDueCents, bk.Currency).Format(lang)))
		}
		if bk.PolicyText != "" {
			n.Extra = append(n.Extra, bk.PolicyText)
		}
		n.Attachments = b.ics(lang, v, now, int(bk.IcsSequence), false)
	}
	if err := message.AppointmentTx(ctx, tx, n); err != nil {
		return err
	}
	return b.tellSalonTx(ctx, tx, a, bk)
}

// tellSalonTx puts what the client was told in the salon's feed, and in the
// emails of the owners and managers who want it: a booking confirmed, moved
// or cancelled. A fee's payment link is the salon's own doing.
func (b *Booking) tellSalonTx(ctx context.Context, tx store.Tx, a clientNotice, bk dbq.Booking) error {
	kind := map[string]string{"confirmed": activity.Booked, "moved": activity.Moved, "cancelled": activity.Cancelled}[a.What]
	if kind == "" {
		return nil
	}
	e := activity.Event{SalonID: a.SalonID, Kind: kind, AppointmentID: bk.AppointmentID, ByClient: a.ByClient}
	if kind == activity.Booked {
		e.AmountCents, e.Currency = bk.AmountDueCents, bk.Currency
	}
	return activity.RecordTx(ctx, tx, b.BaseURL, e)
}

// CalendarTx is the calendar file of a visit booked online, for a message
// the agenda sends about a change (moved, cancelled): the same UID, its
// sequence raised. A visit booked another way has none (nil).
func (b *Booking) CalendarTx(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID, cancelled bool) ([]mail.Attachment, error) {
	bk, err := tx.BookingOfAppointment(ctx, dbq.BookingOfAppointmentParams{TenantID: salonID, AppointmentID: appointmentID})
	if store.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("booking: calendar: %w", err)
	}
	seq, err := tx.BookingNextSequence(ctx, dbq.BookingNextSequenceParams{TenantID: salonID, ID: bk.ID})
	if err != nil {
		return nil, fmt.Errorf("booking: calendar: %w", err)
	}
	v, err := loadVisit(ctx, tx, salonID, bk)
	if err != nil {
		return nil, fmt.Errorf("booking: calendar: %w", err)
	}
	lang, err := message.ClientLangTx(ctx, tx, salonID, appointmentID)
	if err != nil {
		return nil, fmt.Errorf("booking: calendar: %w", err)
	}
	return b.ics(lang, v, b.Clock.Now(), int(seq), cancelled), nil
}

// ManageLinkTx mints a new manage link for the online booking of a visit,
// or "" for a visit booked another way. The outbox calls it as it sends a
// message about the visit.
func (b *Booking) ManageLinkTx(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID) (string, error) {
	bk, err := tx.BookingOfAppointment(ctx, dbq.BookingOfAppointmentParams{TenantID: salonID, AppointmentID: appointmentID})
	if store.IsNotFound(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	t, err := tx.TenantGet(ctx, salonID)
	if err != nil {
		return "", err
	}
	raw, hash := secret.NewToken()
	if err := tx.BookingLinkAdd(ctx, dbq.BookingLinkAddParams{TokenHash: hash, TenantID: salonID, BookingID: bk.ID}); err != nil {
		return "", err
	}
	return b.manageURL(salon.FromRow(t), raw), nil
}

// visit gathers what a booking message says beyond its template.
type visit struct {
	salon   salon.Salon
	address string
	booking dbq.Booking
	appt    dbq.AppointmentGetRow
	service string
	// depositName is what the advance is called: the word the client
	// accepted, or the salon's for bookings made before it was kept.
	depositName string
}

func loadVisit(ctx context.Context, tx store.Tx, salonID uuid.UUID, bk dbq.Booking) (visit, error) {
	t, err := tx.TenantGet(ctx, salonID)
	if err != nil {
		return visit{}, err
	}
	appt, err := tx.AppointmentGet(ctx, dbq.AppointmentGetParams{TenantID: salonID, ID: bk.AppointmentID})
	if err != nil {
		return visit{}, err
	}
	lines, err := tx.AppointmentServicesOf(ctx, dbq.AppointmentServicesOfParams{TenantID: salonID, AppointmentID: appt.ID})
	if err != nil {
		return visit{}, err
	}
	set, err := tx.SalonSettingsGet(ctx, salonID)
	if err != nil {
		return visit{}, err
	}
	v := visit{salon: salon.FromRow(t), address: set.Address, booking: bk, appt: appt, depositName: set.DepositName}
	if bk.DepositName != nil {
		v.depositName = *bk.DepositName
	}
	for i, l := range lines {
		if i > 0 {
			v.service += " + "
		}
		v.service += l.Name
	}
	return v, nil
}

// ics is the visit as a calendar file: always the same UID, the booking's
// sequence (raised by each change sent), the salon as organiser. It carries
// no manage link: job arguments hold it, and they are no place for a working link.
// Its file name is in the client's language, as the email it comes with.
func (b *Booking) ics(lang i18n.Lang, v visit, now time.Time, seq int, cancelled bool) []mail.Attachment {
	data := ICS(Event{UID: v.appt.ID.String() + "@carnet", Summary: v.service + " · " + v.salon.Name, Location: v.address,
		Start: v.appt.StartsAt, End: v.appt.EndsAt, Stamp: now, Sequence: seq, Cancelled: cancelled,
		OrganizerName: v.salon.Name, OrganizerEmail: b.Sender, Attendee: v.booking.Email})
	return []mail.Attachment{{Name: i18n.Tr(lang, "lang.ics_name"), ContentType: "text/calendar", Data: data}}
}

// feeText asks the client to pay a fee their bank wants them to confirm.
func (v visit) feeText(lang i18n.Lang, a clientNotice) *message.Text {
	when := dateTime(lang, v.appt.StartsAt.In(v.salon.Location()))
	body := i18n.Tr(lang, "email.greeting", v.appt.FirstName) + "\n\n" +
		i18n.Tr(lang, "booking.email.fee.body", money.New(a.Amount, v.booking.Currency).Format(lang), v.service, when) + "\n\n" +
		i18n.Tr(lang, "booking.email.fee.action") + i18n.Colon(lang) + a.PayURL
	return &message.Text{Subject: i18n.Tr(lang, "booking.email.fee.subject", v.salon.Name), Body: body}
}

func dateTime(lang i18n.Lang, t time.Time) string {
	return i18n.Tr(lang, "booking.when", weekday(lang, t), t.Day(), month(lang, t), t.Format("15:04"))
}

var (
	frDays   = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	frMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
)

func weekday(lang i18n.Lang, t time.Time) string {
	if lang == i18n.EN {
		return t.Weekday().String()
	}
	return frDays[t.Weekday()]
}

func month(lang i18n.Lang, t time.Time) string {
	if lang == i18n.EN {
		return t.Month().String()
	}
	return frMonths[t.Month()-1]
}
