package booking

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// ClientEmailArgs says what to tell a client about their booking. Booking
// code hands it to notifyTx, which puts the messages in the outbox in the
// transaction of the change, so they show in the client's history. It is
// also still a job: ones queued before messages went through the outbox
// reach the client the same way. It carries ids only.
type ClientEmailArgs struct {
	SalonID   uuid.UUID `json:"salon_id"`
	BookingID uuid.UUID `json:"booking_id"`
	What      string    `json:"what"` // confirmed | cancelled | fee_link
	// PayURL is Stripe's page for a fee the bank wants the client to confirm.
	PayURL string `json:"pay_url,omitempty"`
	Amount int64  `json:"amount,omitempty"`
}

// ConfirmationEmailArgs is the message sent when a booking is confirmed.
func ConfirmationEmailArgs(salonID, bookingID uuid.UUID) ClientEmailArgs {
	return ClientEmailArgs{SalonID: salonID, BookingID: bookingID, What: "confirmed"}
}

// Kind names the job.
func (ClientEmailArgs) Kind() string { return "booking_client_email" }

// InsertOpts: emails have their own queue.
func (ClientEmailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: mail.Queue, MaxAttempts: 10}
}

// ClientEmailWorker turns a booking email job queued by an earlier version
// into outbox messages.
type ClientEmailWorker struct {
	river.WorkerDefaults[ClientEmailArgs]
	Booking *Booking
}

// Work puts the messages in the outbox; the outbox's job sends them.
func (w *ClientEmailWorker) Work(ctx context.Context, job *river.Job[ClientEmailArgs]) error {
	return w.Booking.DB.WithTenant(ctx, job.Args.SalonID, func(tx store.Tx) error {
		return w.Booking.notifyTx(ctx, tx, job.Args)
	})
}

// notifyTx puts the client's messages about their booking in the outbox,
// in the caller's transaction: the email in the language they booked in,
// with the visit as a calendar file, and an SMS where the kind sends one.
// The manage link is minted when the message is sent (ManageLinkTx), so no
// working link waits in a job or in the outbox.
func (b *Booking) notifyTx(ctx context.Context, tx store.Tx, a ClientEmailArgs) error {
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
func (v visit) feeText(lang i18n.Lang, a ClientEmailArgs) *message.Text {
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
