package booking

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/money"
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
	What      string // confirmed | cancelled | fee_link
	// PayURL is Stripe's page for a fee the bank wants the client to confirm.
	PayURL string
	Amount int64
}

// confirmation is the notice sent when a booking is confirmed.
func confirmation(salonID, bookingID uuid.UUID) clientNotice {
	return clientNotice{SalonID: salonID, BookingID: bookingID, What: "confirmed"}
}

// notifyTx puts the client's messages about their booking in the outbox,
// in the caller's transaction: the email in the language they booked in,
// with the visit as a calendar file, and an SMS where the kind sends one.
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
	lang, _ := i18n.Parse(bk.Lang)
	if lang == "" {
		lang = i18n.Default
	}
	n := message.Notice{SalonID: a.SalonID, AppointmentID: bk.AppointmentID, Lang: lang, Email: bk.Email}
	now := b.Clock.Now()
	switch a.What {
	case "fee_link":
		n.Kind, n.Own = message.KindFeeLink, v.feeText(lang, a)
	case "cancelled":
		n.Kind = message.KindCancellation
		n.Attachments = v.ics(now, true)
	default:
		n.Kind = message.KindConfirmation
		if bk.AmountDueCents > 0 {
			n.Extra = append(n.Extra, i18n.Tr(lang, "booking.email.paid", money.New(bk.AmountDueCents, bk.Currency).Format(lang)))
		}
		if bk.PolicyText != "" {
			n.Extra = append(n.Extra, bk.PolicyText)
		}
		n.Attachments = v.ics(now, false)
	}
	return message.AppointmentTx(ctx, tx, n)
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
	v := visit{salon: salon.FromRow(t), address: set.Address, booking: bk, appt: appt}
	for i, l := range lines {
		if i > 0 {
			v.service += " + "
		}
		v.service += l.Name
	}
	return v, nil
}

// ics is the visit as a calendar file. It carries no manage link: job
// arguments hold it, and they are no place for a working link.
func (v visit) ics(now time.Time, cancelled bool) []mail.Attachment {
	data := ICS(Event{UID: v.appt.ID.String() + "@carnet", Summary: v.service + " · " + v.salon.Name, Location: v.address,
		Start: v.appt.StartsAt, End: v.appt.EndsAt, Stamp: now, Cancelled: cancelled})
	return []mail.Attachment{{Name: "rendez-vous.ics", ContentType: "text/calendar", Data: data}}
}

// feeText asks the client to pay a fee their bank wants them to confirm.
func (v visit) feeText(lang i18n.Lang, a clientNotice) *message.Text {
	when := dateTime(lang, v.appt.StartsAt.In(v.salon.Location()))
	body := i18n.Tr(lang, "email.greeting", v.appt.FirstName) + "\n\n" +
		i18n.Tr(lang, "booking.email.fee.body", money.New(a.Amount, v.booking.Currency).Format(lang), v.service, when) + "\n\n" +
		i18n.Tr(lang, "booking.email.fee.action") + colon(lang) + a.PayURL
	return &message.Text{Subject: i18n.Tr(lang, "booking.email.fee.subject", v.salon.Name), Body: body}
}

// colon is how each language introduces what follows: "Régler : …" / "Pay: …".
func colon(lang i18n.Lang) string {
	if lang == i18n.EN {
		return ": "
	}
	return " : "
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
