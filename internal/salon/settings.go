package salon

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Settings are the salon's booking rules and contact details.
type Settings struct {
	Address            string
	Phone              string
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

// MaxPolicyText is the length of the salon's own policy words, in characters.
const MaxPolicyText = 1000

func settingsFromRow(r dbq.SalonSetting) Settings {
	return Settings{Address: r.Address, Phone: r.Phone,
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

// SettingsInput is the settings form as typed.
type SettingsInput struct {
	Name, TimeZone, Currency, Locale, Address, Phone             string
	SlotStep, MinNotice, MaxHorizonDays, CancellationWindowHours string
	NoShowFee, PaymentMode, DepositKind, DepositValue            string
	BookWithoutPayment                                           bool
	CancelRefund, DepositName, PolicyText                        string
}

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

// UpdateSettings checks and saves the settings form.
func (s *Service) UpdateSettings(ctx context.Context, salonID uuid.UUID, in SettingsInput) error {
	p, set, err := in.parse()
	if err != nil {
		return err
	}
	err = s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if err := tx.TenantUpdateProfile(ctx, dbq.TenantUpdateProfileParams{ID: salonID, Name: p.name,
			TimeZone: p.zone, Currency: p.currency, Locale: p.locale}); err != nil {
			return err
		}
		return tx.SalonSettingsUpdate(ctx, dbq.SalonSettingsUpdateParams{TenantID: salonID, Address: set.Address, Phone: set.Phone,
			SlotStepMinutes: int32(set.SlotStep / time.Minute), MinNoticeMinutes: int32(set.MinNotice / time.Minute),
			MaxHorizonDays: int32(set.MaxHorizonDays), CancellationWindowHours: int32(set.CancellationWindow / time.Hour),
			NoShowFeeCents: set.NoShowFeeCents, PaymentRule: set.DefaultRule.Mode, DepositKind: set.DefaultRule.DepositKind,
			DepositValue: set.DefaultRule.DepositValue, BookWithoutPayment: set.BookWithoutPayment,
			CancelRefund: set.CancelRefund, DepositName: set.DepositName, PolicyText: set.PolicyText})
	})
	if err != nil {
		return fmt.Errorf("salon: update settings: %w", err)
	}
	return nil
}

type profile struct{ name, zone, currency, locale string }

func (in SettingsInput) parse() (profile, Settings, error) {
	f := apperr.Fields{}
	p := profile{name: strings.TrimSpace(in.Name), zone: in.TimeZone, currency: in.Currency, locale: in.Locale}
	if p.name == "" {
		f.Add("name", "field.required")
	} else if len([]rune(p.name)) > 120 {
		f.Add("name", "name.long")
	}
	if _, err := time.LoadLocation(p.zone); err != nil || !slices.Contains(TimeZones, p.zone) {
		f.Add("time_zone", "field.choose")
	}
	if !slices.Contains(Currencies, p.currency) {
		f.Add("currency", "field.choose")
	}
	if p.locale != "fr" && p.locale != "en" {
		f.Add("locale", "field.choose")
	}
	var set Settings
	set.Address, set.Phone = strings.TrimSpace(in.Address), strings.TrimSpace(in.Phone)
	set.SlotStep = time.Duration(choice(f, "slot_step", in.SlotStep, SlotSteps)) * time.Minute
	set.MinNotice = time.Duration(choice(f, "min_notice", in.MinNotice, NoticeChoices)) * time.Minute
	set.MaxHorizonDays = number(f, "max_horizon_days", in.MaxHorizonDays, 1, 730)
	set.CancellationWindow = time.Duration(number(f, "cancellation_window_hours", in.CancellationWindowHours, 0, 720)) * time.Hour
	set.NoShowFeeCents = amount(f, "no_show_fee", in.NoShowFee)
	set.DefaultRule = ParseRule(f, in.PaymentMode, in.DepositKind, in.DepositValue, "payment_mode", "deposit_value")
	set.BookWithoutPayment = in.BookWithoutPayment
	set.CancelRefund, set.DepositName = in.CancelRefund, in.DepositName
	if set.CancelRefund != RefundOnCancel && set.CancelRefund != CreditOnCancel {
		f.Add("cancel_refund", "field.choose")
	}
	if set.DepositName != DepositAcompte && set.DepositName != DepositArrhes {
		f.Add("deposit_name", "field.choose")
	}
	set.PolicyText = strings.TrimSpace(strings.ReplaceAll(in.PolicyText, "\r\n", "\n"))
	if len([]rune(set.PolicyText)) > MaxPolicyText {
		f.Add("policy_text", "settings.policy_text.long")
	}
	return p, set, f.Err()
}

// ParseRule reads a payment rule from a form; a fixed deposit is typed as an amount.
func ParseRule(f apperr.Fields, mode, kind, value, modeField, valueField string) payment.Rule {
	r := payment.Rule{Mode: mode, DepositKind: kind}
	if kind == "" {
		r.DepositKind = payment.DepositPercent
	}
	if mode == payment.ModeDeposit {
		if r.DepositKind == payment.DepositFixed {
			r.DepositValue = amount(f, valueField, value)
		} else if n, err := strconv.Atoi(strings.TrimSpace(value)); err == nil {
			r.DepositValue = int64(n) // Check says "1 to 100 %" rather than a bare "out of range"
		} else {
			f.Add(valueField, "payment.deposit.percent")
		}
	}
	r.Check(f, modeField, valueField)
	return r
}

func choice(f apperr.Fields, field, raw string, allowed []int) int {
	n, err := strconv.Atoi(strings.TrimSpace(raw))
	if err != nil || !slices.Contains(allowed, n) {
		f.Add(field, "field.choose")
	}
	return n
}

func number(f apperr.Fields, field, raw string, lo, hi int) int {
	n, err := strconv.Atoi(strings.TrimSpace(raw))
	if err != nil {
		f.Add(field, "number.invalid")
	} else if n < lo || n > hi {
		f.Add(field, "number.range")
	}
	return n
}

func amount(f apperr.Fields, field, raw string) int64 {
	if strings.TrimSpace(raw) == "" {
		return 0
	}
	c, err := money.ParseCents(raw)
	if err != nil || c < 0 {
		f.Add(field, "amount.invalid")
	}
	return c
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

// SetHours replaces the opening hours from the week form: one text per
// weekday (index = time.Weekday), such as "09:00-12:30, 13:30-19:00".
func (s *Service) SetHours(ctx context.Context, salonID uuid.UUID, days [7]string) error {
	week, err := ParseWeek(days)
	if err != nil {
		return err
	}
	err = s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
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

// ParseWeek reads the seven day fields of a week form (fields day0…day6).
func ParseWeek(days [7]string) (availability.Week, error) {
	var w availability.Week
	f := apperr.Fields{}
	for d, raw := range days {
		rs, problem := ParseRanges(raw)
		if problem != "" {
			f.Add("day"+strconv.Itoa(d), problem)
		}
		w[d] = rs
	}
	return w, f.Err()
}
