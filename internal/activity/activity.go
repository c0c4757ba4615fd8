package activity

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Event kinds, in the order the settings list them.
const (
	Booked        = "booked"
	Cancelled     = "cancelled"
	Moved         = "moved"
	PaymentFailed = "payment_failed"
	Refunded      = "refunded"
)

// Kinds are every kind of event, each switchable in the settings.
var Kinds = []string{Booked, Cancelled, Moved, PaymentFailed, Refunded}

// Event is something that happened to a visit booked online.
type Event struct {
	SalonID       uuid.UUID
	Kind          string
	AppointmentID uuid.UUID
	ByClient      bool  // a cancellation made by the client, not the salon
	AmountCents   int64 // the payment that failed, the money refunded
	Currency      string
}

// RecordTx adds the event to the salon's feed and queues its email to each
// owner and manager who wants this kind, in the caller's transaction: the
// salon hears of a change only if it committed. The demo salon's events
// stay in its feed and email nobody (its bookings are made up).
// baseURL makes the link to the visit.
func RecordTx(ctx context.Context, tx store.Tx, baseURL string, e Event) error {
	if err := tx.ActivityCreate(ctx, dbq.ActivityCreateParams{TenantID: e.SalonID, Kind: e.Kind, ByClient: e.ByClient,
		AppointmentID: e.AppointmentID, AmountCents: e.AmountCents, Currency: e.Currency}); err != nil {
		return fmt.Errorf("activity: record %s: %w", e.Kind, err)
	}
	v, err := tx.ActivityVisit(ctx, dbq.ActivityVisitParams{TenantID: e.SalonID, ID: e.AppointmentID})
	if err != nil {
		return fmt.Errorf("activity: record %s: %w", e.Kind, err)
	}
	if v.Demo {
		return nil
	}
	to, err := tx.ActivityRecipients(ctx, dbq.ActivityRecipientsParams{TenantID: e.SalonID, Kind: e.Kind})
	if err != nil {
		return fmt.Errorf("activity: recipients: %w", err)
	}
	for _, r := range to {
		lang, ok := i18n.Parse(r.Locale)
		if !ok {
			lang = i18n.Default
		}
		m := email(lang, r, v, e, baseURL)
		if err := tx.Enqueue(ctx, mail.SendArgs{Message: m}, nil); err != nil {
			return fmt.Errorf("activity: queue email: %w", err)
		}
	}
	return nil
}

// Item is one line of the feed.
type Item struct {
	Kind          string
	ByClient      bool
	At            time.Time // when it happened, in the salon's zone
	AppointmentID uuid.UUID
	Start         time.Time // the visit, in the salon's zone
	Client        string
	Services      string
	Staff         string
	AmountCents   int64
	Currency      string
}

// Feed reads the salon's events.
type Feed struct {
	DB *store.DB
}

// Recent is the salon's latest events, newest first (at most limit).
func (f *Feed) Recent(ctx context.Context, salonID uuid.UUID, loc *time.Location, limit int) ([]Item, error) {
	var rows []dbq.ActivityRecentRow
	err := f.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		rows, err = tx.ActivityRecent(ctx, dbq.ActivityRecentParams{TenantID: salonID, RowLimit: int32(limit)})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("activity: recent: %w", err)
	}
	out := make([]Item, len(rows))
	for i, r := range rows {
		out[i] = Item{Kind: r.Kind, ByClient: r.ByClient, At: r.CreatedAt.In(loc), AppointmentID: r.AppointmentID,
			Start: r.StartsAt.In(loc), Client: name(r.FirstName, r.LastName), Services: r.Services, Staff: r.StaffName,
			AmountCents: r.AmountCents, Currency: r.Currency}
	}
	return out, nil
}

func name(first, last string) string {
	if last == "" {
		return first
	}
	return first + " " + last
}
