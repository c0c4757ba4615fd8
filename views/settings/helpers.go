// Package settings holds the salon's set-up screens: services and their
// categories, retail products, staff with their hours and absences, and the
// salon's own settings, opening hours and closures.
package settings

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/views/ui"
)

// WeekOrder is the order a French week is shown in: Monday first.
var WeekOrder = [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// DayField is the form field of a weekday's hours (day0 is Sunday, as time.Weekday).
func DayField(d time.Weekday) string { return "day" + strconv.Itoa(int(d)) }

func dayName(ctx context.Context, d time.Weekday) string {
	return i18n.T(ctx, "hours.day."+strconv.Itoa(int(d)))
}

func dayShort(ctx context.Context, d time.Weekday) string {
	return i18n.T(ctx, "hours.short."+strconv.Itoa(int(d)))
}

// Minutes writes a length of time the way the salon says it: 45 min, 1 h, 1 h 30, 2 jours.
func Minutes(ctx context.Context, m int) string {
	switch {
	case m == 0:
		return i18n.T(ctx, "settings.duration.none")
	case m == 1440:
		return i18n.T(ctx, "settings.duration.day")
	case m%1440 == 0:
		return i18n.T(ctx, "settings.duration.days", m/1440)
	case m < 60:
		return i18n.T(ctx, "settings.duration.minutes", m)
	case m%60 == 0:
		return i18n.T(ctx, "settings.duration.hours", m/60)
	}
	return i18n.T(ctx, "settings.duration.hours_minutes", m/60, m%60)
}

func duration(ctx context.Context, d time.Duration) string { return Minutes(ctx, int(d/time.Minute)) }

func price(ctx context.Context, cents int64, currency string) string {
	return money.New(cents, currency).Format(i18n.LangFrom(ctx))
}

// RuleValues writes a payment rule into a form (mode, deposit kind and value
// as the salon would type them).
func RuleValues(ctx context.Context, f ui.Form, r payment.Rule, currency string) {
	f.Values["payment_mode"] = r.Mode
	f.Values["deposit_kind"] = r.DepositKind
	if r.DepositKind == "" {
		f.Values["deposit_kind"] = payment.DepositPercent
	}
	if r.Mode != payment.ModeDeposit {
		return
	}
	if r.DepositKind == payment.DepositFixed {
		f.Values["deposit_value"] = money.New(r.DepositValue, currency).Plain(i18n.LangFrom(ctx))
	} else {
		f.Values["deposit_value"] = strconv.FormatInt(r.DepositValue, 10)
	}
}

// ruleLabel names a payment rule for a badge: "Acompte 30 %", "Empreinte CB"…
func ruleLabel(ctx context.Context, r payment.Rule, currency string) string {
	if r.Mode != payment.ModeDeposit {
		return i18n.T(ctx, "payment.mode."+r.Mode)
	}
	if r.DepositKind == payment.DepositFixed {
		return i18n.T(ctx, "payment.deposit.of", price(ctx, r.DepositValue, currency))
	}
	percent := strconv.FormatInt(r.DepositValue, 10) + "\u00a0%" // 30 % in French, 30% in English
	if i18n.LangFrom(ctx) == i18n.EN {
		percent = strconv.FormatInt(r.DepositValue, 10) + "%"
	}
	return i18n.T(ctx, "payment.deposit.of", percent)
}

func modeOptions(ctx context.Context, withDefault bool) []ui.Option {
	var out []ui.Option
	if withDefault {
		out = append(out, ui.Option{Value: "default", Label: i18n.T(ctx, "payment.mode.default")})
	}
	for _, m := range payment.Modes {
		out = append(out, ui.Option{Value: m, Label: i18n.T(ctx, "payment.mode."+m)})
	}
	return out
}

func kindOptions(ctx context.Context, currency string) []ui.Option {
	return []ui.Option{
		{Value: payment.DepositPercent, Label: i18n.T(ctx, "payment.kind.percent")},
		{Value: payment.DepositFixed, Label: i18n.T(ctx, "payment.kind.fixed", currency)},
	}
}

func categoryOptions(ctx context.Context, cats []catalog.Category) []ui.Option {
	out := []ui.Option{{Value: "", Label: i18n.T(ctx, "categories.none")}}
	for _, c := range cats {
		out = append(out, ui.Option{Value: c.ID.String(), Label: c.Name})
	}
	return out
}

// ServiceGroup is one category of the menu and its services.
type ServiceGroup struct {
	Category *catalog.Category // nil: services without a category
	Services []catalog.Service
}

// Group sorts services under their categories, in menu order; services
// without a category come last.
func Group(cats []catalog.Category, services []catalog.Service) []ServiceGroup {
	byCat := map[uuid.UUID][]catalog.Service{}
	var loose []catalog.Service
	known := map[uuid.UUID]bool{}
	for _, c := range cats {
		known[c.ID] = true
	}
	for _, s := range services {
		if s.CategoryID != nil && known[*s.CategoryID] {
			byCat[*s.CategoryID] = append(byCat[*s.CategoryID], s)
		} else {
			loose = append(loose, s)
		}
	}
	var out []ServiceGroup
	for i := range cats {
		if len(byCat[cats[i].ID]) > 0 {
			out = append(out, ServiceGroup{Category: &cats[i], Services: byCat[cats[i].ID]})
		}
	}
	if len(loose) > 0 {
		out = append(out, ServiceGroup{Services: loose})
	}
	return out
}

func dateSpan(ctx context.Context, from, to time.Time) string {
	lang := i18n.LangFrom(ctx)
	if from.Equal(to) {
		return ui.Date(lang, from)
	}
	return i18n.T(ctx, "settings.span", ui.Date(lang, from), ui.Date(lang, to))
}

func swatchClass(color int) string { return "swatch-" + strconv.Itoa(color) }

func checked(f ui.Form, name string) bool { return f.Get(name) != "" }

func invalid(f ui.Form, name string) string {
	if f.Err(name) != "" {
		return "true"
	}
	return "false"
}

// weekSummary names the days someone works: "lun., mar., mer." — or "" for none.
func weekSummary(ctx context.Context, w availability.Week) string {
	var days []string
	for _, d := range WeekOrder {
		if len(w[d]) > 0 {
			days = append(days, dayShort(ctx, d))
		}
	}
	return strings.Join(days, ", ")
}

func ariaCurrent(on bool) string {
	if on {
		return "page"
	}
	return "false"
}

// zoneOptions names each zone by its country and city, "Belgique
// (Bruxelles)", rather than the IANA "Europe/Brussels".
func zoneOptions(ctx context.Context) []ui.Option {
	out := make([]ui.Option, 0, len(salon.TimeZones))
	for _, z := range salon.TimeZones {
		out = append(out, ui.Option{Value: z, Label: ZoneName(ctx, z)})
	}
	return out
}

// ZoneName is a time zone as people name it: "France métropolitaine (Paris)".
func ZoneName(ctx context.Context, zone string) string {
	key := "zone." + strings.ToLower(strings.ReplaceAll(zone, "/", "_"))
	if !i18n.Has(key) {
		return strings.ReplaceAll(zone, "_", " ")
	}
	return i18n.T(ctx, key)
}

func currencyOptions() []ui.Option {
	out := make([]ui.Option, 0, len(salon.Currencies))
	for _, c := range salon.Currencies {
		out = append(out, ui.Option{Value: c, Label: c})
	}
	return out
}

// localeOptions: each language is named in itself.
func localeOptions() []ui.Option {
	return []ui.Option{{Value: "fr", Label: "Français"}, {Value: "en", Label: "English"}}
}

func minuteOptions(ctx context.Context, choices []int) []ui.Option {
	out := make([]ui.Option, 0, len(choices))
	for _, m := range choices {
		out = append(out, ui.Option{Value: strconv.Itoa(m), Label: Minutes(ctx, m)})
	}
	return out
}

// CountryOptions names each country a salon may be in, in the page's language.
func CountryOptions(ctx context.Context) []ui.Option {
	out := make([]ui.Option, 0, len(salon.Countries))
	for _, c := range salon.Countries {
		out = append(out, ui.Option{Value: c, Label: i18n.T(ctx, "country."+strings.ToLower(c))})
	}
	return out
}
