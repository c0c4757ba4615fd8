// Package portal holds the client portal's screens (espace client): the
// sign-in by emailed link and the client's own page, in the salon's public
// layout.
package portal

import (
	"context"
	"time"
	"unicode"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/views/ui"
)

// when is "mardi 12 mai 2026 · 14:30", in the salon's zone (the visit's own).
func when(ctx context.Context, t time.Time) string {
	return ui.LongDate(i18n.LangFrom(ctx), t) + " · " + t.Format("15:04")
}

// whenTitle is when as a line of its own: "Mardi 12 mai 2026 · 14:30".
func whenTitle(ctx context.Context, t time.Time) string {
	w := []rune(when(ctx, t))
	return string(unicode.ToUpper(w[0])) + string(w[1:])
}

// pastBadge: a past visit staff never closed says nothing rather than
// "booked"; one that was done, missed or cancelled says so.
func pastBadge(status string) bool {
	return status == "done" || status == "no_show" || status == "cancelled"
}

func amount(ctx context.Context, cents int64, currency string) string {
	return money.New(cents, currency).Format(i18n.LangFrom(ctx))
}

// signed writes a ledger line with its direction: +20,00 € credit, -20,00 € owed.
func signed(ctx context.Context, cents int64, currency string) string {
	if cents > 0 {
		return "+" + amount(ctx, cents, currency)
	}
	return amount(ctx, cents, currency)
}

func amountClass(cents int64) string {
	if cents < 0 {
		return "amount debt"
	}
	return "amount credit"
}

func statusClass(status string) string {
	switch status {
	case "cancelled", "no_show":
		return "badge bad"
	case "confirmed", "done":
		return "badge ok"
	}
	return "badge"
}
