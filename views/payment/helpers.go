// Package payment holds the salon's online payments screen: connecting its
// Stripe account and where that stands.
package payment

import (
	"context"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/views/ui"
)

// ConnectView is what the online payments page shows.
type ConnectView struct {
	Connect   payment.Connect
	Fee       payment.PlatformFee
	Currency  string // the salon's, for the fixed part of the fee
	CanManage bool   // owners and managers connect; other staff read
	// Unverified: the owner has not confirmed their email yet, so the
	// salon cannot connect (a mistyped address must not take money).
	Unverified bool
}

// state is the account's stage: none, incomplete or ready.
func (v ConnectView) state() string {
	switch {
	case !v.Connect.Connected():
		return "none"
	case v.Connect.CanCharge():
		return "ready"
	}
	return "incomplete"
}

// showButton: onboarding can be started or resumed until Stripe has everything.
func (v ConnectView) showButton() bool {
	c := v.Connect
	return v.CanManage && !v.Unverified && c.Available && !(c.ChargesEnabled && c.PayoutsEnabled && c.DetailsSubmitted)
}

func badgeClass(state string) string {
	switch state {
	case "ready":
		return "badge ok"
	case "incomplete":
		return "badge warn"
	}
	return "badge"
}

func feeText(ctx context.Context, v ConnectView) string {
	if v.Fee.IsZero() {
		return i18n.T(ctx, "connect.what.no_fee")
	}
	return i18n.T(ctx, "connect.what.fee", ui.FeeLabel(i18n.LangFrom(ctx), v.Fee.PercentBP, v.Fee.FixedCents, v.Currency))
}

func onOff(ctx context.Context, on bool) string {
	if on {
		return i18n.T(ctx, "connect.on")
	}
	return i18n.T(ctx, "connect.off")
}

func sentOrNot(ctx context.Context, sent bool) string {
	if sent {
		return i18n.T(ctx, "connect.details.sent")
	}
	return i18n.T(ctx, "connect.details.missing")
}
