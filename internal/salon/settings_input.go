package salon

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/contact"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// SettingsInput is the salon's profile and booking rules as the salon gives
// them. Field errors are keyed by these field names, and by FieldRuleMode and
// FieldRuleValue for the default payment rule.
type SettingsInput struct {
	Name, TimeZone, Currency string
	Locale                   i18n.Lang
	Country                  string
	Address, Phone           string
	Email, SMSSender         string
	SlotStep                 time.Duration // one of SlotSteps (minutes)
	MinNotice                time.Duration // one of NoticeChoices (minutes)
	MaxHorizonDays           int
	CancellationWindow       time.Duration // whole hours
	NoShowFeeCents           int64
	DefaultRule              payment.Rule // a fixed deposit in cents, a percentage as a whole number
	BookWithoutPayment       bool
	CancelRefund             string // RefundOnCancel or CreditOnCancel
	DepositName              string // DepositAcompte or DepositArrhes
	PolicyText               string
}

// The keys of the default rule's field errors.
const (
	FieldRuleMode  = "DefaultRule.Mode"
	FieldRuleValue = "DefaultRule.DepositValue"
)

// The bounds of what a salon sets.
const (
	maxHorizonDays  = 730
	maxCancelWindow = 720 * time.Hour
	maxSalonName    = 120
	maxSalonAddress = 300
)

// Check reports the input's problems, keyed by SettingsInput's field names;
// the prices of the menu (CheckPrices) are read only when saving.
func (in SettingsInput) Check() error {
	_, _, err := in.values()
	return err
}

type profile struct {
	name, zone, currency, country string
	locale                        i18n.Lang
}

// values checks the input and returns what is saved: the salon's profile and
// its settings, trimmed and normalised.
func (in SettingsInput) values() (profile, Settings, error) {
	f := apperr.Fields{}
	p := in.profile(f)
	set := Settings{Address: strings.TrimSpace(in.Address), SMSSender: strings.TrimSpace(in.SMSSender),
		Email: contact.NormalizeEmail(in.Email), BookWithoutPayment: in.BookWithoutPayment,
		CancelRefund: in.CancelRefund, DepositName: in.DepositName}
	if len([]rune(set.Address)) > maxSalonAddress {
		f.Add("Address", "text.long")
	}
	// The salon's phone follows the rule of every phone typed, read in the
	// salon's country, and is kept the way that country writes it.
	if e164, ok := contact.NormalizePhone(in.Phone, p.country); !ok {
		f.Add("Phone", "phone.invalid")
		set.Phone = strings.TrimSpace(in.Phone)
	} else if e164 != "" {
		set.Phone = contact.FormatPhone(e164, p.country)
	}
	if problem := contact.CheckEmail(set.Email); set.Email != "" && problem != "" {
		f.Add("Email", problem)
	}
	if !smsSender.MatchString(set.SMSSender) {
		f.Add("SMSSender", "settings.sms_sender.invalid")
	}
	in.checkBookingRules(f)
	set.SlotStep, set.MinNotice, set.MaxHorizonDays = in.SlotStep, in.MinNotice, in.MaxHorizonDays
	set.CancellationWindow, set.NoShowFeeCents = in.CancellationWindow, in.NoShowFeeCents
	set.DefaultRule = defaultRule(f, in.DefaultRule)
	if set.CancelRefund != RefundOnCancel && set.CancelRefund != CreditOnCancel {
		f.Add("CancelRefund", "field.choose")
	}
	if set.DepositName != DepositAcompte && set.DepositName != DepositArrhes {
		f.Add("DepositName", "field.choose")
	}
	set.PolicyText = strings.TrimSpace(strings.ReplaceAll(in.PolicyText, "\r\n", "\n"))
	if len([]rune(set.PolicyText)) > MaxPolicyText {
		f.Add("PolicyText", "settings.policy_text.long")
	}
	return p, set, f.Err()
}

func (in SettingsInput) profile(f apperr.Fields) profile {
	p := profile{name: strings.TrimSpace(in.Name), zone: in.TimeZone, currency: in.Currency, locale: in.Locale, country: in.Country}
	if p.name == "" {
		f.Add("Name", "field.required")
	} else if len([]rune(p.name)) > maxSalonName {
		f.Add("Name", "name.long")
	}
	if _, err := time.LoadLocation(p.zone); err != nil || !slices.Contains(TimeZones, p.zone) {
		f.Add("TimeZone", "field.choose")
	}
	if !slices.Contains(Currencies, p.currency) {
		f.Add("Currency", "field.choose")
	}
	if p.locale != i18n.FR && p.locale != i18n.EN {
		f.Add("Locale", "field.choose")
	}
	if k := CheckCountry(p.country); k != "" {
		f.Add("Country", k)
	}
	return p
}

// checkBookingRules holds the booking rules to the choices the form offers
// and to their bounds.
func (in SettingsInput) checkBookingRules(f apperr.Fields) {
	if !offered(in.SlotStep, SlotSteps) {
		f.Add("SlotStep", "field.choose")
	}
	if !offered(in.MinNotice, NoticeChoices) {
		f.Add("MinNotice", "field.choose")
	}
	if in.MaxHorizonDays < 1 || in.MaxHorizonDays > maxHorizonDays {
		f.Add("MaxHorizonDays", "settings.horizon.range")
	}
	if in.CancellationWindow < 0 || in.CancellationWindow > maxCancelWindow || in.CancellationWindow%time.Hour != 0 {
		f.Add("CancellationWindow", "settings.window.range")
	}
	if problem := money.Fee.Check(in.NoShowFeeCents); problem != "" {
		f.Add("NoShowFeeCents", problem)
	}
}

// offered: d is a whole number of minutes among the choices.
func offered(d time.Duration, minutes []int) bool {
	return d%time.Minute == 0 && slices.Contains(minutes, int(d/time.Minute))
}

// defaultRule checks the salon's default rule and returns it as it is kept:
// a kind always named (the column's default), no amount but for a deposit.
func defaultRule(f apperr.Fields, r payment.Rule) payment.Rule {
	if r.DepositKind == "" {
		r.DepositKind = payment.DepositPercent
	}
	if r.Mode != payment.ModeDeposit {
		r.DepositValue = 0
	}
	r.Check(f, FieldRuleMode, FieldRuleValue)
	if r.Mode == payment.ModeDeposit && r.DepositKind == payment.DepositFixed {
		if problem := money.Fee.Check(r.DepositValue); problem != "" {
			f.Add(FieldRuleValue, problem)
		}
	}
	return r
}

// UpdateSettings checks and saves the salon's profile and settings.
func (s *Service) UpdateSettings(ctx context.Context, salonID uuid.UUID, in SettingsInput) error {
	p, set, err := in.values()
	if err != nil {
		return err
	}
	err = s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if err := checkPrices(ctx, tx, salonID, set); err != nil {
			return err
		}
		if err := tx.TenantUpdateProfile(ctx, dbq.TenantUpdateProfileParams{ID: salonID, Name: p.name,
			TimeZone: p.zone, Currency: p.currency, Locale: string(p.locale), Country: p.country}); err != nil {
			return err
		}
		return tx.SalonSettingsUpdate(ctx, dbq.SalonSettingsUpdateParams{TenantID: salonID, Address: set.Address, Phone: set.Phone,
			Email: set.Email, SmsSender: set.SMSSender, SlotStepMinutes: int32(set.SlotStep / time.Minute), MinNoticeMinutes: int32(set.MinNotice / time.Minute),
			MaxHorizonDays: int32(set.MaxHorizonDays), CancellationWindowHours: int32(set.CancellationWindow / time.Hour),
			NoShowFeeCents: set.NoShowFeeCents, PaymentRule: set.DefaultRule.Mode, DepositKind: set.DefaultRule.DepositKind,
			DepositValue: set.DefaultRule.DepositValue, BookWithoutPayment: set.BookWithoutPayment,
			CancelRefund: set.CancelRefund, DepositName: set.DepositName, PolicyText: set.PolicyText})
	})
	if err != nil {
		return fmt.Errorf("salon: update settings: %w", err)
	}
	s.Forget(salonID)
	return nil
}

// checkPrices refuses a no-show fee or a fixed default deposit above the
// price of a service booked online that they would apply to. Only the prices
// are read, through a query of the settings' own.
func checkPrices(ctx context.Context, tx store.Tx, salonID uuid.UUID, set Settings) error {
	floor, err := tx.SettingsPriceFloor(ctx, salonID)
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	if floor.CheapestOnline >= 0 {
		payment.CheckFee(f, "NoShowFeeCents", set.NoShowFeeCents, floor.CheapestOnline)
	}
	if floor.CheapestDefault >= 0 {
		set.DefaultRule.CheckPrice(f, FieldRuleValue, floor.CheapestDefault)
	}
	return f.Err()
}
