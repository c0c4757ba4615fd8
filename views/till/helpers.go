// Package till holds the till's screens: the Caisse page, a ticket being
// rung up, a receipt (printable on 80 mm or A4) and the till's settings.
package till

import (
	"context"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/till"
	"github.com/carnet-salon/carnet/internal/till/cheque"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/ui"
)

// CaisseView is the Caisse page.
type CaisseView struct {
	Registers []till.Register
	Open      []till.Summary
	Receipts  []till.Summary
	Currency  string
	CanManage bool
	F         ui.Form // the new ticket, or a register's day, refused
	Closing   *till.DayClosing
}

// TicketView is a ticket being rung up.
type TicketView struct {
	T         till.Ticket
	Currency  string
	Services  []catalog.Service
	Products  []catalog.Product
	Staff     []team.Member
	LineF     ui.Form
	DiscountF ui.Form
	PayF      ui.Form
	CloseF    ui.Form
	Phone     PhoneView
	// WordsCents is the amount the cheque fieldset shows in words at load
	// (WordsOK false: none to show).
	WordsCents int64
	WordsOK    bool
}

// ReceiptView is a closed ticket's receipt.
type ReceiptView struct {
	T        till.Ticket
	Settings till.Settings
	Currency string
	Location *time.Location
	CreditF  ui.Form
	Credited map[uuid.UUID]int64 // how many of each line were given back already
	// Handing it over (receipt_handover.templ).
	Duplicata     int64   // this print is "DUPLICATA n° k"; 0: the original or the screen
	AutoPrint     bool    // the print was just recorded: the page opens the print dialog
	KeyID         string  // the journal key's fingerprint, in the footer
	EmailF, SMSF  ui.Form // prefilled with the client's email and phone
	Prints, Sends int64
	Sent          string // "email" or "sms": what was just sent
}

// SettingsView is the till's settings page.
type SettingsView struct {
	Registers []till.Register
	F         ui.Form
	RegF      ui.Form
}

func amount(ctx context.Context, cents int64, currency string) string {
	return money.New(cents, currency).Format(i18n.LangFrom(ctx))
}

func rate(ctx context.Context, bp int64) string {
	return ui.Percent(i18n.LangFrom(ctx), int32(bp))
}

func rateOptions(ctx context.Context) []ui.Option {
	var out []ui.Option
	for _, r := range till.VATRates {
		out = append(out, ui.Option{Value: strconv.Itoa(int(r)), Label: rate(ctx, int64(r))})
	}
	return out
}

func methodOptions(ctx context.Context, withAccount bool) []ui.Option {
	out := []ui.Option{{Value: till.MethodCash, Label: i18n.T(ctx, "till.method.cash")}, {Value: till.MethodCard, Label: i18n.T(ctx, "till.method.card")},
		{Value: till.MethodCheque, Label: i18n.T(ctx, "till.method.cheque")}}
	if withAccount {
		out = append(out, ui.Option{Value: till.MethodAccount, Label: i18n.T(ctx, "till.method.account")})
	}
	return out
}

func refundOptions(ctx context.Context, withAccount bool) []ui.Option {
	out := []ui.Option{{Value: till.MethodCash, Label: i18n.T(ctx, "till.method.cash")}, {Value: till.MethodCard, Label: i18n.T(ctx, "till.method.card")}}
	if withAccount {
		out = append(out, ui.Option{Value: till.MethodAccount, Label: i18n.T(ctx, "till.method.account")})
	}
	return out
}

func idTypeOptions(ctx context.Context) []ui.Option {
	out := []ui.Option{{Value: "", Label: "—"}}
	for _, t := range cheque.IDTypes {
		out = append(out, ui.Option{Value: t, Label: i18n.T(ctx, "till.cheque.id."+t)})
	}
	return out
}

func serviceOptions(v TicketView) []ui.Option {
	var out []ui.Option
	for _, s := range v.Services {
		out = append(out, ui.Option{Value: s.ID.String(), Label: s.Name})
	}
	return out
}

func productOptions(ctx context.Context, v TicketView) []ui.Option {
	var out []ui.Option
	for _, p := range v.Products {
		out = append(out, ui.Option{Value: p.ID.String(), Label: p.Name + " · " + amount(ctx, p.PriceCents, v.Currency) + " · " +
			i18n.T(ctx, "till.stock", p.Stock)})
	}
	return out
}

func staffOptions(ctx context.Context, v TicketView) []ui.Option {
	out := []ui.Option{{Value: "", Label: "—"}}
	for _, m := range v.Staff {
		out = append(out, ui.Option{Value: m.ID.String(), Label: m.Name})
	}
	return out
}

func methodLabel(ctx context.Context, m string) string { return i18n.T(ctx, "till.method."+m) }

func discountReason(ctx context.Context, r string) string {
	if r == till.ReasonCategory {
		return i18n.T(ctx, "till.discount.category")
	}
	return r
}

func discounted(l till.Line) bool { return l.DiscountBP > 0 || l.DiscountCents > 0 }

func number(n int64) string { return strconv.FormatInt(n, 10) }

func firstOpen(v CaisseView) string {
	for _, r := range v.Registers {
		if r.Open() {
			return r.ID.String()
		}
	}
	return ""
}

func kindLabel(ctx context.Context, kind string) string { return i18n.T(ctx, "till.kind."+kind) }

func kindOptions(ctx context.Context) []ui.Option {
	return []ui.Option{{Value: till.LineService, Label: i18n.T(ctx, "till.line.kind.service")},
		{Value: till.LineProduct, Label: i18n.T(ctx, "till.line.kind.product")}, {Value: till.LineFree, Label: i18n.T(ctx, "till.line.kind.free")}}
}

func hasClient(t till.Ticket) bool { return t.CustomerID != uuid.Nil }

// amountAttrs make the payment's amount field refresh the cheque's words
// while the cashier types (GET: htmx sends the field's own value).
func amountAttrs() map[string]any {
	return map[string]any{"inputmode": "decimal", "hx-get": urls.TillChequeWords(), "hx-trigger": "input changed delay:300ms",
		"hx-target": "#cheque-words", "hx-swap": "outerHTML"}
}

// ariaInvalid is aria-invalid's value for a field with problem key.
func ariaInvalid(key string) string {
	if key != "" {
		return "true"
	}
	return "false"
}
