package till

import (
	"context"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/till"
	"github.com/carnet-salon/carnet/views/ui"
)

// withStripeRefund offers a refund through Stripe when the ticket was paid
// there (the phone link or the visit's online deposit).
func withStripeRefund(ctx context.Context, t till.Ticket, opts []ui.Option) []ui.Option {
	for _, p := range t.Payments {
		if p.Method == till.MethodStripe || p.Method == till.MethodOnline {
			return append(opts, ui.Option{Value: till.MethodStripe, Label: i18n.T(ctx, "tillstripe.refund.option")})
		}
	}
	return opts
}
