package ui

import (
	"context"
	"time"

	"github.com/a-h/templ"

	"github.com/carnet-salon/carnet/internal/i18n"
)

// Option is one choice of a select.
type Option struct {
	Value, Label string
}

func inputType(d Field) string {
	if d.Type == "" {
		return "text"
	}
	return d.Type
}

func invalid(key string) string {
	if key != "" {
		return "true"
	}
	return "false"
}

// describedBy points a field to its hint and its message, so a screen
// reader reads both with the field.
func describedBy(d Field) string {
	if d.Hint != "" {
		return d.Name + "-hint " + d.Name + "-msg"
	}
	return d.Name + "-msg"
}

// summaryLine is a bad field's line in the error summary: its label and its
// message, or the message alone for a field without a declared label.
func summaryLine(ctx context.Context, label, key string) string {
	if label == "" {
		return i18n.T(ctx, key)
	}
	return i18n.T(ctx, "a11y.summary_line", label, i18n.T(ctx, key))
}

func templAttrs(m map[string]any) templ.Attributes { return templ.Attributes(m) }

var shortMonthsFR = [...]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

var monthsFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// Date formats a day the way each language writes it: 25 novembre 2026 / 25 November 2026.
func Date(lang i18n.Lang, t time.Time) string {
	if lang == i18n.EN {
		return t.Format("2 January 2006")
	}
	return t.Format("2") + " " + monthsFR[t.Month()-1] + " " + t.Format("2006")
}

// platformZone is where the platform's own pages (admin, audit) show times;
// salon pages show them in the salon's zone.
var platformZone = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// PlatformTime shows a moment in the platform's zone.
func PlatformTime(lang i18n.Lang, t time.Time) string { return DateTime(lang, t.In(platformZone)) }

// DateTime formats a moment with its time of day, 24-hour clock in both languages.
func DateTime(lang i18n.Lang, t time.Time) string {
	return Date(lang, t) + " " + t.Format("15:04")
}

var (
	weekdaysFR = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	weekdaysEN = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
)

// Weekday names a day of the week: "lundi" / "Monday".
func Weekday(lang i18n.Lang, t time.Time) string {
	if lang == i18n.EN {
		return weekdaysEN[t.Weekday()]
	}
	return weekdaysFR[t.Weekday()]
}

// DayMonth is a short date: "25 nov." / "25 Nov".
func DayMonth(lang i18n.Lang, t time.Time) string {
	if lang == i18n.EN {
		return t.Format("2 Jan")
	}
	return t.Format("2") + " " + shortMonthsFR[t.Month()-1]
}

// LongDate is a full day: "mardi 25 novembre 2026" / "Tuesday 25 November 2026".
func LongDate(lang i18n.Lang, t time.Time) string { return Weekday(lang, t) + " " + Date(lang, t) }

// Month names a month and year: "novembre 2026".
func Month(lang i18n.Lang, t time.Time) string {
	if lang == i18n.EN {
		return t.Format("January 2006")
	}
	return monthsFR[t.Month()-1] + " " + t.Format("2006")
}
