package settings

import (
	"context"
	"strconv"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/views/ui"
)

// vatOptions are the VAT rates a service or product may carry.
func vatOptions(ctx context.Context) []ui.Option {
	var out []ui.Option
	for _, r := range catalog.VATRates {
		out = append(out, ui.Option{Value: strconv.Itoa(int(r)), Label: ui.Percent(i18n.LangFrom(ctx), r)})
	}
	return out
}
