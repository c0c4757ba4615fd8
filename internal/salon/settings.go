package salon

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Settings are the salon's booking rules and contact details.
type Settings struct {
	Address            string
	Phone              string
	Email              string // where clients' answers to the salon's emails go
	SMSSender          string // the name clients see on the salon's SMS ("" = the platform's)
	SlotStep           time.Duration
	MinNotice          time.Duration
	MaxHorizonDays     int
	CancellationWindow time.Duration
	NoShowFeeCents     int64
	DefaultRule        payment.Rule
	// Until Stripe can charge, take bookings whose rule needs a payment
	// without it, rather than asking the client to book by phone.
	BookWithoutPayment bool
	CancelRefund       string // RefundOnCancel or CreditOnCancel: a deposit of a visit cancelled in time
	DepositName        string // DepositAcompte or DepositArrhes: what the advance is called, with its legal effect
	PolicyText         string // the salon's own words added to its cancellation policy
}

// What happens to the deposit of a visit cancelled in time.
const (
	RefundOnCancel = "refund" // paid back to the card
	CreditOnCancel = "credit" // kept as credit on the client's account
)

// What the advance is called. French law presumes "arrhes" unless the salon
// says "acompte": with arrhes the client may withdraw by losing them, and a
// salon that cancels owes double; an acompte binds both sides.
const (
	DepositAcompte = "acompte"
	DepositArrhes  = "arrhes"
)

// smsSender: operators accept an alphanumeric sender of at most 11
// characters; "" leaves the platform's.
var smsSender = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9 ]{0,10})?$`)

// MaxPolicyText is the length of the salon's own policy words, in characters.
const MaxPolicyText = 1000

func settingsFromRow(r dbq.SalonSetting) Settings {
	return Settings{Address: r.Address, Phone: r.Phone, Email: r.Email, SMSSender: r.SmsSender,
		SlotStep: time.Duration(r.SlotStepMinutes) * time.Minute, MinNotice: time.Duration(r.MinNoticeMinutes) * time.Minute,
		MaxHorizonDays: int(r.MaxHorizonDays), CancellationWindow: time.Duration(r.CancellationWindowHours) * time.Hour,
		NoShowFeeCents:     r.NoShowFeeCents,
		DefaultRule:        payment.Rule{Mode: r.PaymentRule, DepositKind: r.DepositKind, DepositValue: r.DepositValue},
		BookWithoutPayment: r.BookWithoutPayment, CancelRefund: r.CancelRefund, DepositName: r.DepositName, PolicyText: r.PolicyText}
}

// Choices offered by the settings form.
var (
	SlotSteps     = []int{5, 10, 15, 20, 30, 60}
	NoticeChoices = []int{0, 30, 60, 120, 240, 720, 1440, 2880} // minutes
	Currencies    = []string{"EUR", "CHF", "GBP", "USD", "CAD"}
	TimeZones     = []string{"Europe/Paris", "Europe/Brussels", "Europe/Zurich", "Europe/Luxembourg", "Europe/Monaco",
		"Europe/London", "Europe/Madrid", "Europe/Lisbon", "Europe/Berlin", "Europe/Rome", "America/Montreal",
		"America/Guadeloupe", "America/Martinique", "America/Cayenne", "Indian/Reunion", "Indian/Mayotte",
		"Pacific/Noumea", "Pacific/Tahiti", "Africa/Casablanca", "Africa/Dakar", "Africa/Abidjan", "Africa/Tunis",
		"America/New_York", "Asia/Tokyo", "UTC"}
)

// Settings returns the salon's settings.
func (s *Service) Settings(ctx context.Context, salonID uuid.UUID) (Settings, error) {
	var out Settings
	err := s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		row, err := tx.SalonSettingsGet(ctx, salonID)
		out = settingsFromRow(row)
		return err
	})
	if err != nil {
		return Settings{}, fmt.Errorf("salon: settings: %w", err)
	}
	return out, nil
}

// Hours returns the salon's opening hours.
func (s *Service) Hours(ctx context.Context, salonID uuid.UUID) (availability.Week, error) {
	var w availability.Week
	err := s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.OpeningHoursList(ctx, salonID)
		for _, r := range rows {
			w[r.Weekday] = append(w[r.Weekday], availability.Range{From: MinutesOf(r.Opens), To: MinutesOf(r.Closes)})
		}
		return err
	})
	if err != nil {
		return w, fmt.Errorf("salon: hours: %w", err)
	}
	return w, nil
}

// SetHours replaces the opening hours: each weekday's ranges (index =
// time.Weekday), none for a closed day. A bad day is refused under its
// DayField.
func (s *Service) SetHours(ctx context.Context, salonID uuid.UUID, week availability.Week) error {
	if err := CheckWeek(week).Err(); err != nil {
		return err
	}
	err := s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if err := tx.OpeningHoursDeleteAll(ctx, salonID); err != nil {
			return err
		}
		for day, ranges := range week {
			for _, r := range ranges {
				if err := tx.OpeningHoursInsert(ctx, dbq.OpeningHoursInsertParams{TenantID: salonID, Weekday: int16(day),
					Opens: PGTime(r.From), Closes: PGTime(r.To)}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("salon: set hours: %w", err)
	}
	return nil
}
