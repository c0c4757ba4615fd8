package booking

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// ClientEmailArgs sends a client an email about their booking. It carries
// ids only: the worker mints the manage link it includes.
type ClientEmailArgs struct {
	SalonID   uuid.UUID `json:"salon_id"`
	BookingID uuid.UUID `json:"booking_id"`
	What      string    `json:"what"` // confirmed | cancelled | fee_link
	// PayURL is Stripe's page for a fee the bank wants the client to confirm.
	PayURL string `json:"pay_url,omitempty"`
	Amount int64  `json:"amount,omitempty"`
}

// ConfirmationEmailArgs is the email sent when a booking is confirmed.
func ConfirmationEmailArgs(salonID, bookingID uuid.UUID) ClientEmailArgs {
	return ClientEmailArgs{SalonID: salonID, BookingID: bookingID, What: "confirmed"}
}

// Kind names the job.
func (ClientEmailArgs) Kind() string { return "booking_client_email" }

// InsertOpts: emails have their own queue.
func (ClientEmailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: mail.Queue, MaxAttempts: 10}
}

// ClientEmailWorker sends booking emails.
type ClientEmailWorker struct {
	river.WorkerDefaults[ClientEmailArgs]
	Booking *Booking
	Sender  mail.Sender
}

// Work composes the email in the client's language, with the visit as a
// calendar file, and sends it.
func (w *ClientEmailWorker) Work(ctx context.Context, job *river.Job[ClientEmailArgs]) error {
	msg, err := w.Booking.clientEmail(ctx, job.Args)
	if err != nil {
		return fmt.Errorf("booking: client email: %w", err)
	}
	return w.Sender.Send(ctx, msg)
}

func (b *Booking) clientEmail(ctx context.Context, a ClientEmailArgs) (mail.Message, error) {
	var msg mail.Message
	err := b.DB.WithTenant(ctx, a.SalonID, func(tx store.Tx) error {
		bk, err := tx.BookingGet(ctx, dbq.BookingGetParams{TenantID: a.SalonID, ID: a.BookingID})
		if err != nil {
			return err
		}
		t, err := tx.TenantGet(ctx, a.SalonID)
		if err != nil {
			return err
		}
		sal := salon.FromRow(t)
		appt, err := tx.AppointmentGet(ctx, dbq.AppointmentGetParams{TenantID: a.SalonID, ID: bk.AppointmentID})
		if err != nil {
			return err
		}
		lines, err := tx.AppointmentServicesOf(ctx, dbq.AppointmentServicesOfParams{TenantID: a.SalonID, AppointmentID: appt.ID})
		if err != nil {
			return err
		}
		set, err := tx.SalonSettingsGet(ctx, a.SalonID)
		if err != nil {
			return err
		}
		raw, hash := secret.NewToken()
		if err := tx.BookingLinkAdd(ctx, dbq.BookingLinkAddParams{TokenHash: hash, TenantID: a.SalonID, BookingID: bk.ID}); err != nil {
			return err
		}
		v := visit{salon: sal, address: set.Address, booking: bk, appt: appt, lines: lines, link: b.manageURL(sal, raw)}
		msg = v.email(a, b.Clock.Now())
		return nil
	})
	return msg, err
}

// visit gathers what a booking email says.
type visit struct {
	salon   salon.Salon
	address string
	booking dbq.Booking
	appt    dbq.AppointmentGetRow
	lines   []dbq.AppointmentService
	link    string
}

func (v visit) email(a ClientEmailArgs, now time.Time) mail.Message {
	what := a.What
	lang, _ := i18n.Parse(v.booking.Lang)
	loc := v.salon.Location()
	start := v.appt.StartsAt.In(loc)
	when := dateTime(lang, start)
	service := ""
	for i, l := range v.lines {
		if i > 0 {
			service += " + "
		}
		service += l.Name
	}
	c := mail.Content{Greeting: i18n.Tr(lang, "email.greeting", v.appt.FirstName), Link: v.link,
		Action: i18n.Tr(lang, "booking.email.manage")}
	switch what {
	case "fee_link":
		c.Subject = i18n.Tr(lang, "booking.email.fee.subject", v.salon.Name)
		c.Lines = []string{i18n.Tr(lang, "booking.email.fee.body", money.New(a.Amount, v.booking.Currency).Format(lang), service, when)}
		c.Link, c.Action = a.PayURL, i18n.Tr(lang, "booking.email.fee.action")
		return mail.Compose(lang, v.booking.Email, c)
	case "cancelled":
		c.Subject = i18n.Tr(lang, "booking.email.cancelled.subject", v.salon.Name)
		c.Lines = []string{i18n.Tr(lang, "booking.email.cancelled.body", service, when)}
	default:
		c.Subject = i18n.Tr(lang, "booking.email.confirmed.subject", v.salon.Name, when)
		c.Lines = []string{i18n.Tr(lang, "booking.email.confirmed.body", service, v.appt.StaffName, when)}
		if v.address != "" {
			c.Lines = append(c.Lines, i18n.Tr(lang, "booking.email.address", v.address))
		}
		if v.booking.AmountDueCents > 0 {
			c.Lines = append(c.Lines, i18n.Tr(lang, "booking.email.paid", money.New(v.booking.AmountDueCents, v.booking.Currency).Format(lang)))
		}
		c.Footer = v.booking.PolicyText
	}
	msg := mail.Compose(lang, v.booking.Email, c)
	ics := ICS(Event{UID: v.appt.ID.String() + "@carnet", Summary: service + " · " + v.salon.Name, Location: v.address,
		Description: v.link, URL: v.link, Start: v.appt.StartsAt, End: v.appt.EndsAt, Stamp: now, Cancelled: what == "cancelled"})
	msg.Attachments = []mail.Attachment{{Name: "rendez-vous.ics", ContentType: "text/calendar", Data: ics}}
	return msg
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
