package agenda

import (
	"context"
	"strings"

	"github.com/carnet-salon/carnet/internal/i18n"
)

func ifWeek(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

// awayText shows an absence or closure reason; "@key" is a text of the catalogue.
func awayText(ctx context.Context, s string) string {
	if key, ok := strings.CutPrefix(s, "@"); ok {
		return i18n.T(ctx, key)
	}
	return s
}
