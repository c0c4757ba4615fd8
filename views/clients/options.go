package clients

import (
	"context"
	"time"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/views/ui"
)

func formTitle(ctx context.Context, v FormView) string {
	if v.ID == "" {
		return i18n.T(ctx, "clients.new")
	}
	return i18n.T(ctx, "clients.edit")
}

func genderOptions(ctx context.Context) []ui.Option {
	out := make([]ui.Option, 0, len(customer.Genders))
	for _, g := range customer.Genders {
		out = append(out, ui.Option{Value: g, Label: i18n.T(ctx, "clients.gender."+orNone(g))})
	}
	return out
}

// langOptions: each language is named in itself, as the client reads it.
func langOptions(ctx context.Context) []ui.Option {
	var out []ui.Option
	for _, l := range []i18n.Lang{i18n.FR, i18n.EN} {
		out = append(out, ui.Option{Value: string(l), Label: i18n.T(ctx, "lang.name."+string(l))})
	}
	return out
}

func modeOptions(ctx context.Context) []ui.Option {
	out := make([]ui.Option, 0, len(customer.PaymentModes))
	for _, m := range customer.PaymentModes {
		out = append(out, ui.Option{Value: m, Label: i18n.T(ctx, "clients.mode."+m)})
	}
	return out
}

func categoryOptions(ctx context.Context, cats []customer.Category) []ui.Option {
	out := []ui.Option{{Value: "", Label: i18n.T(ctx, "clients.no_category")}}
	for _, c := range cats {
		out = append(out, ui.Option{Value: c.ID.String(), Label: c.Name})
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func directionOptions(ctx context.Context) []ui.Option {
	return []ui.Option{{Value: "credit", Label: i18n.T(ctx, "clients.ledger.credit")}, {Value: "debt", Label: i18n.T(ctx, "clients.ledger.debt")}}
}

func signed(v RecordView, cents int64) string {
	s := v.money(cents)
	if cents > 0 {
		return "+" + s
	}
	return s
}

func age(birth, now time.Time) int {
	years := now.Year() - birth.Year()
	if now.YearDay() < birth.YearDay() {
		years--
	}
	return years
}

func visitOptions(ctx context.Context, visits []customer.Visit) []ui.Option {
	out := []ui.Option{{Value: "", Label: i18n.T(ctx, "sheets.no_visit")}}
	for _, x := range visits {
		out = append(out, ui.Option{Value: x.AppointmentID.String(), Label: ui.Date(i18n.LangFrom(ctx), x.Start) + " · " + x.Services})
	}
	return out
}

func categoryModeOptions(ctx context.Context) []ui.Option {
	out := []ui.Option{{Value: "", Label: i18n.T(ctx, "clientcats.mode.none")}}
	for _, m := range customer.PaymentModes[1:] {
		out = append(out, ui.Option{Value: m, Label: i18n.T(ctx, "clients.mode."+m)})
	}
	return out
}

// editForm is a category's inline form: what was typed if it was refused,
// else its current values.
func editForm(ctx context.Context, v CategoriesView, c customer.Category) ui.Form {
	if v.EditID == c.ID.String() {
		return v.EditF
	}
	f := ui.NewForm()
	f.Values["name"], f.Values["payment_mode"] = c.Name, c.PaymentMode
	if c.DiscountBP > 0 {
		f.Values["discount"] = ui.PercentPlain(i18n.LangFrom(ctx), c.DiscountBP)
	}
	if c.Default {
		f.Values["default"] = "1"
	}
	return f
}
