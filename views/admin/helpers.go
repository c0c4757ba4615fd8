// Package admin holds the platform admin's screens.
package admin

import (
	"context"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/ui"
)

func pageURL(q admin.ListQuery, page int) string {
	v := url.Values{}
	if q.Search != "" {
		v.Set("q", q.Search)
	}
	if q.Status != "" {
		v.Set("status", q.Status)
	}
	v.Set("page", strconv.Itoa(page))
	return urls.Admin() + "?" + v.Encode()
}

func detailText(ctx context.Context, e admin.Entry) string {
	if e.Action == "platform.fee" {
		return feeChange(ctx, e)
	}
	if r := e.Detail["reason"]; r != "" {
		return r
	}
	return e.Detail["email"] // the account an admin.* entry is about

}

func feeLabel(ctx context.Context, fee payment.PlatformFee) string {
	if fee.IsZero() {
		return i18n.T(ctx, "admin.fee.none")
	}
	return i18n.T(ctx, "admin.fee.per_payment", ui.FeeLabel(i18n.LangFrom(ctx), fee.PercentBP, fee.FixedCents, ""))
}

// exampleCents is the payment the fee form's example is worked on: 50,00.
const exampleCents = 5000

func example(ctx context.Context, fee payment.PlatformFee) string {
	lang := i18n.LangFrom(ctx)
	return i18n.T(ctx, "admin.fee.example", money.New(exampleCents, "EUR").Format(lang), money.New(fee.On(exampleCents), "EUR").Format(lang))
}

// feeChange reads a platform.fee audit entry: "0 → 1,5 % + 0,30".
func feeChange(ctx context.Context, e admin.Entry) string {
	lang := i18n.LangFrom(ctx)
	label := func(bp, cents string) string {
		b, _ := strconv.Atoi(bp)
		c, _ := strconv.ParseInt(cents, 10, 64)
		return ui.FeeLabel(lang, int32(b), c, "")
	}
	return label(e.Detail["percent_bp_before"], e.Detail["fixed_cents_before"]) + " → " + label(e.Detail["percent_bp"], e.Detail["fixed_cents"])
}

func auditURL(q admin.AuditQuery, page int) string {
	v := url.Values{}
	for k, val := range map[string]string{"salon": q.Salon, "admin": q.Admin, "action": q.Action} {
		if val != "" {
			v.Set(k, val)
		}
	}
	v.Set("page", strconv.Itoa(page))
	return urls.AdminAudit() + "?" + v.Encode()
}

// actionLabel names an audit action in words ("audit.salon.suspend").
func actionLabel(ctx context.Context, action string) string {
	if i18n.Has("audit." + action) {
		return i18n.T(ctx, "audit."+action)
	}
	return action
}

// The monthly fee chart's geometry, in SVG units: twelve bars over a
// baseline, room below for the month's name.
const (
	chartWidth, chartHeight = 600, 180
	barWidth, barGap        = 36, 14
	plotHeight              = chartHeight - 24
)

func barX(i int) int          { return barGap/2 + i*(barWidth+barGap) }
func barHeight(share int) int { return max(plotHeight*share/100, 1) }
func barY(share int) int      { return plotHeight - barHeight(share) }

// monthShort is the month under its bar: "janv." / "Jan" (months start on the 1st).
func monthShort(ctx context.Context, m admin.Month) string {
	return strings.TrimPrefix(ui.DayMonth(i18n.LangFrom(ctx), m.Start), "1 ")
}

func monthName(ctx context.Context, m admin.Month) string {
	return ui.Month(i18n.LangFrom(ctx), m.Start)
}

// feesText is a month's fees, every currency they were taken in.
func feesText(ctx context.Context, m admin.Month) string {
	lang := i18n.LangFrom(ctx)
	if len(m.Fees) == 0 {
		return money.New(0, "EUR").Format(lang)
	}
	currencies := slices.Sorted(maps.Keys(m.Fees))
	parts := make([]string, 0, len(currencies))
	for _, c := range currencies {
		parts = append(parts, money.New(m.Fees[c], c).Format(lang))
	}
	return strings.Join(parts, " · ")
}

func weekShare(w admin.Week, signups bool) int {
	if signups {
		return w.SignupsShare
	}
	return w.ActivityShare
}

func weekValue(w admin.Week, signups bool) int64 {
	if signups {
		return w.Signups
	}
	return w.ActiveSalons
}
