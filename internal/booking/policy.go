package booking

import (
	"fmt"
	"strings"
	"time"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
)

// PolicyText says in plain words what the client agrees to: what is paid now
// and what happens on a cancellation, in time or late, or a no-show. The
// exact text is stored with the booking (with its hash), so the salon can
// show what was accepted. An advance is named as the salon chose: French law
// presumes "arrhes" (lost by the client, owed double by the salon) unless it
// is called "acompte".
//
// A visit booked already inside the cancellation window (booked at 10:00
// for 15:00 with a 24-hour window) can no longer be cancelled free of
// charge: late says so, and the text says it first, before acceptance.
func PolicyText(lang i18n.Lang, pol Policy, rule payment.Rule, currency string, price int64, late bool) string {
	fmtMoney := func(c int64) string { return money.New(c, currency).Format(lang) }
	window := windowText(lang, pol)
	due := rule.Due(price)
	var parts []string
	if late {
		parts = append(parts, i18n.Tr(lang, "policy.late_booking", int(pol.Settings.CancellationWindow.Hours())))
	}
	switch rule.Mode {
	case payment.ModeDeposit, payment.ModePrepayment:
		name := "policy." + "deposit"
		if rule.Mode == payment.ModePrepayment {
			name = "policy." + "prepayment"
		} else if pol.DepositName == "arrhes" {
			name = "policy." + "arrhes" // arrhes: a different legal regime, different words
		}
		if rule.Mode == payment.ModePrepayment {
			parts = append(parts, i18n.Tr(lang, name+".now", fmtMoney(due)))
		} else {
			parts = append(parts, i18n.Tr(lang, name+".now", fmtMoney(due), fmtMoney(price-due)))
		}
		back := i18n.Tr(lang, "policy.refunded")
		if pol.CancelRefund == "credit" {
			back = i18n.Tr(lang, "policy.credited")
		}
		if !late {
			parts = append(parts, i18n.Tr(lang, "policy.in_time", window, back))
		}
		parts = append(parts, i18n.Tr(lang, name+".late"))
	case payment.ModeCardImprint:
		parts = append(parts, i18n.Tr(lang, "policy.imprint.now"))
		if !late {
			parts = append(parts, i18n.Tr(lang, "policy.in_time_free", window))
		}
		if pol.Settings.NoShowFeeCents > 0 {
			parts = append(parts, i18n.Tr(lang, "policy.imprint.fee", fmtMoney(pol.Settings.NoShowFeeCents)))
		}
	default:
		if late {
			parts = append(parts, i18n.Tr(lang, "policy.none_late"))
		} else {
			parts = append(parts, i18n.Tr(lang, "policy.none", window))
		}
	}
	if extra := strings.TrimSpace(pol.Extra); extra != "" {
		parts = append(parts, extra)
	}
	return strings.Join(parts, " ")
}

// Late reports whether a visit starting at start, booked at now, is
// already past its free-cancellation deadline.
func (p Policy) Late(start, now time.Time) bool {
	return now.After(start.Add(-p.Settings.CancellationWindow))
}

func windowText(lang i18n.Lang, pol Policy) string {
	h := int(pol.Settings.CancellationWindow.Hours())
	if h == 0 {
		return i18n.Tr(lang, "policy.window.start")
	}
	return fmt.Sprintf(i18n.Tr(lang, "policy.window.hours"), h)
}
