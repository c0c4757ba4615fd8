// Package booking holds the salon's public booking screens and the client's
// manage page.
package booking

import (
	"context"
	"net/url"
	"time"

	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/ui"
)

// weekOrder lists weekdays Monday first, as French calendars do.
var weekOrder = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// dayOf is any date falling on the weekday (for its name).
func dayOf(d time.Weekday) time.Time { return time.Date(2024, 1, 7+int(d), 0, 0, 0, 0, time.UTC) }

// ruleBadge names what is paid online: "Acompte 19,50 €", "Empreinte CB"…
func ruleBadge(ctx context.Context, o booking.Offer, r payment.Rule, price int64) string {
	lang := i18n.LangFrom(ctx)
	switch r.Mode {
	case payment.ModeDeposit:
		key := "public.badge.deposit"
		if o.Policy.DepositName == "arrhes" {
			key = "public.badge.arrhes"
		}
		return i18n.T(ctx, key, money.New(r.Due(price), o.Salon.Currency).Format(lang))
	case payment.ModePrepayment:
		return i18n.T(ctx, "public.badge.prepayment")
	case payment.ModeCardImprint:
		return i18n.T(ctx, "public.badge.imprint")
	}
	return ""
}

func dayURL(slug string, s booking.Offered, staff string, d time.Time) string {
	v := url.Values{"date": {d.Format(time.DateOnly)}}
	if staff != "" {
		v.Set("staff", staff)
	}
	return urls.PublicService(slug, s.ID) + "?" + v.Encode()
}

func staffURL(slug string, s booking.Offered, staff string, d time.Time) string {
	return dayURL(slug, s, staff, d)
}

func sameDate(a, b time.Time) bool { return a.Format(time.DateOnly) == b.Format(time.DateOnly) }

// dayOff says why a day of the strip has no free time: the salon is closed
// that weekday, or every time is taken.
func dayOff(c Choose, d booking.Day) string {
	if len(c.Offer.Hours[d.Date.Weekday()]) == 0 {
		return "closed"
	}
	return "full"
}

func dayOffText(ctx context.Context, why string) string {
	if why == "closed" {
		return i18n.T(ctx, "a11y.day_closed")
	}
	return i18n.T(ctx, "a11y.day_full")
}

// timesCount is what a screen reader hears when the day changes.
func timesCount(ctx context.Context, d booking.Day) string {
	lang := i18n.LangFrom(ctx)
	day := ui.Weekday(lang, d.Date) + " " + d.Date.Format("2")
	switch n := len(d.Slots); n {
	case 0:
		return i18n.T(ctx, "a11y.times_none", day)
	case 1:
		return i18n.T(ctx, "a11y.times_one", day)
	default:
		return i18n.T(ctx, "a11y.times_many", n, day)
	}
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
