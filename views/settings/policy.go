package settings

import (
	"context"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/views/ui"
)

func cancelRefundOptions(ctx context.Context) []ui.Option {
	return []ui.Option{
		{Value: salon.RefundOnCancel, Label: i18n.T(ctx, "settings.cancel_refund.refund")},
		{Value: salon.CreditOnCancel, Label: i18n.T(ctx, "settings.cancel_refund.credit")},
	}
}

func depositNameOptions(ctx context.Context) []ui.Option {
	return []ui.Option{
		{Value: salon.DepositAcompte, Label: i18n.T(ctx, "settings.deposit_name.acompte")},
		{Value: salon.DepositArrhes, Label: i18n.T(ctx, "settings.deposit_name.arrhes")},
	}
}
