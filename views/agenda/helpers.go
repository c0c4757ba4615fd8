package agenda

import (
	"context"
	"strings"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
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

// owes is what the client owes the salon, formatted, or "" when they owe nothing.
func owes(ctx context.Context, a agenda.Appointment, currency string) string {
	if a.Balance >= 0 {
		return ""
	}
	return money.New(-a.Balance, currency).Format(i18n.LangFrom(ctx))
}
