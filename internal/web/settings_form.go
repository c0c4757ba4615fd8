package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/views/settings"
	"github.com/carnet-salon/carnet/views/ui"
)

// settingsForm is the salon's settings form as typed; its fields are
// salon.SettingsInput's.
type settingsForm struct {
	Name                    string `form:"name"`
	TimeZone                string `form:"time_zone"`
	Currency                string `form:"currency"`
	Locale                  string `form:"locale"`
	Country                 string `form:"country"`
	Address                 string `form:"address"`
	Phone                   string `form:"phone"`
	Email                   string `form:"email"`
	SMSSender               string `form:"sms_sender"`
	SlotStep                string `form:"slot_step"`
	MinNotice               string `form:"min_notice"`
	MaxHorizonDays          string `form:"max_horizon_days"`
	CancellationWindowHours string `form:"cancellation_window_hours" field:"CancellationWindow"`
	NoShowFee               string `form:"no_show_fee" field:"NoShowFeeCents"`
	PaymentMode             string `form:"payment_mode" field:"DefaultRule.Mode"`
	DepositKind             string `form:"deposit_kind"`
	DepositValue            string `form:"deposit_value" field:"DefaultRule.DepositValue"`
	BookWithoutPayment      string `form:"book_without_payment"`
	CancelRefund            string `form:"cancel_refund"`
	DepositName             string `form:"deposit_name"`
	PolicyText              string `form:"policy_text"`
}

// input parses the form; problems are keyed by the form's field names.
func (f settingsForm) input() (salon.SettingsInput, apperr.Fields) {
	errs := apperr.Fields{}
	in := salon.SettingsInput{Name: f.Name, TimeZone: f.TimeZone, Currency: f.Currency, Locale: i18n.Lang(f.Locale),
		Country: f.Country, Address: f.Address, Phone: f.Phone, Email: f.Email, SMSSender: f.SMSSender,
		BookWithoutPayment: f.BookWithoutPayment != "", CancelRefund: f.CancelRefund, DepositName: f.DepositName,
		PolicyText: f.PolicyText}
	// The two lists offer minutes: what is not a number was not chosen there.
	in.SlotStep = durationField(errs, "slot_step", f.SlotStep, time.Minute, "field.choose")
	in.MinNotice = durationField(errs, "min_notice", f.MinNotice, time.Minute, "field.choose")
	in.MaxHorizonDays = intField(errs, "max_horizon_days", f.MaxHorizonDays)
	in.CancellationWindow = durationField(errs, "cancellation_window_hours", f.CancellationWindowHours, time.Hour, "number.invalid")
	if strings.TrimSpace(f.NoShowFee) != "" {
		in.NoShowFeeCents = centsField(errs, "no_show_fee", f.NoShowFee, money.Fee)
	}
	in.DefaultRule = ruleField(errs, f.PaymentMode, f.DepositKind, f.DepositValue, "deposit_value")
	return in, errs
}

// settingsFormOf fills the form with the saved profile and settings, as the
// salon would type them.
func settingsFormOf(c *fiber.Ctx, sal salon.Salon, set salon.Settings) ui.Form {
	sf := settingsForm{Name: sal.Name, TimeZone: sal.TimeZone, Currency: sal.Currency, Locale: sal.Locale, Country: sal.Country,
		Address: set.Address, Phone: set.Phone, Email: set.Email, SMSSender: set.SMSSender,
		SlotStep:                strconv.Itoa(int(set.SlotStep / time.Minute)),
		MinNotice:               strconv.Itoa(int(set.MinNotice / time.Minute)),
		MaxHorizonDays:          strconv.Itoa(set.MaxHorizonDays),
		CancellationWindowHours: strconv.Itoa(int(set.CancellationWindow / time.Hour)),
		CancelRefund:            set.CancelRefund, DepositName: set.DepositName, PolicyText: set.PolicyText}
	if set.BookWithoutPayment {
		sf.BookWithoutPayment = "on"
	}
	if set.NoShowFeeCents > 0 {
		sf.NoShowFee = centsText(c, set.NoShowFeeCents)
	}
	f := formView(sf)
	settings.RuleValues(ctx(c), f, set.DefaultRule, sal.Currency)
	return f
}

// durationField reads a whole number of units. A number too large for a
// duration stays too large rather than wrapping round into a valid one.
func durationField(errs apperr.Fields, name, raw string, unit time.Duration, invalid string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(raw))
	if err != nil {
		errs.Add(name, invalid)
		return 0
	}
	const limit = 1 << 20 // far above any bound, far below an overflow
	return time.Duration(min(max(n, -limit), limit)) * unit
}

// ruleField reads a payment rule from a form (a service's, the salon's
// default): a fixed deposit is typed as an amount, a percentage as a whole
// number. The rule's own checks are the area's.
func ruleField(errs apperr.Fields, mode, kind, value, valueField string) payment.Rule {
	r := payment.Rule{Mode: mode, DepositKind: kind}
	if kind == "" {
		r.DepositKind = payment.DepositPercent
	}
	if mode != payment.ModeDeposit {
		return r
	}
	if r.DepositKind == payment.DepositFixed {
		if strings.TrimSpace(value) != "" {
			r.DepositValue = centsField(errs, valueField, value, money.Fee)
		}
	} else if bp, err := money.ParsePercent(value); err == nil && bp%100 == 0 {
		r.DepositValue = bp / 100 // the area says "1 to 100 %" rather than a bare "out of range"
	} else {
		errs.Add(valueField, "payment.deposit.percent")
	}
	return r
}
