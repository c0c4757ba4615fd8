// Package admin holds the platform admin's screens.
package admin

import (
	"context"
	"net/url"
	"strconv"

	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
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
	return "/admin?" + v.Encode()
}

func detailText(ctx context.Context, e admin.Entry) string {
	if e.Action == "platform.fee" {
		return feeChange(ctx, e)
	}
	if r := e.Detail["reason"]; r != "" {
		return r
	}
	return ""
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
