// Package money handles amounts as integer minor units (cents) with their
// currency. Never floats: 0.1 + 0.2 is not 0.3 on a receipt.
package money

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/carnet-salon/carnet/internal/i18n"
)

// Money is an amount in minor units of a currency.
type Money struct {
	Cents    int64
	Currency string // ISO 4217, e.g. EUR
}

// New returns an amount.
func New(cents int64, currency string) Money { return Money{Cents: cents, Currency: currency} }

var symbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "CAD": "$"}

// Format writes the amount the way each language does: 45,50 € in French,
// €45.50 in English.
func (m Money) Format(lang i18n.Lang) string {
	sign := ""
	c := m.Cents
	if c < 0 {
		sign, c = "-", -c
	}
	units, cents := c/100, c%100
	sym := symbols[m.Currency]
	if sym == "" {
		sym = m.Currency
	}
	if lang == i18n.EN {
		return fmt.Sprintf("%s%s%s.%02d", sign, sym, group(units, ","), cents)
	}
	return fmt.Sprintf("%s%s,%02d\u00a0%s", sign, group(units, "\u202f"), cents, sym)
}

// Plain writes the amount for a form field: 45,50 or 45.50, no symbol.
func (m Money) Plain(lang i18n.Lang) string {
	sep := ","
	if lang == i18n.EN {
		sep = "."
	}
	sign := ""
	c := m.Cents
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d%s%02d", sign, c/100, sep, c%100)
}

func group(n int64, sep string) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}

// ErrAmount is returned for text that is not an amount.
var ErrAmount = errors.New("money: not an amount")

// ParseCents reads what a person types into a price field — "45", "45,5",
// "45.50", "1 200,00", "€45" — into cents. At most two decimals.
func ParseCents(s string) (int64, error) {
	s = strings.TrimSpace(s)
	for _, r := range []string{"€", "$", "£", "EUR", " ", "\u00a0", "\u202f"} {
		s = strings.ReplaceAll(s, r, "")
	}
	if s == "" {
		return 0, ErrAmount
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	s = strings.ReplaceAll(s, ",", ".")
	whole, frac, hasFrac := strings.Cut(s, ".")
	if !digits(whole) || !digits(frac) || whole == "" && frac == "" || len(frac) > 2 || (hasFrac && frac == "") {
		return 0, ErrAmount
	}
	for len(frac) < 2 {
		frac += "0"
	}
	if whole == "" {
		whole = "0"
	}
	u, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || u > 1e12 {
		return 0, ErrAmount
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return 0, ErrAmount
	}
	c := u*100 + f
	if neg {
		c = -c
	}
	return c, nil
}

// digits reports whether s holds only ASCII digits (strconv alone would take
// "45,-5" as 45 € minus 5 cents, or "+5" as 5).
func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Bound is the largest amount one kind of field takes, with the message that
// states it. Every path that takes that kind of amount (a form, an import,
// the demo) reads it through the same Bound, so the limit lives here once.
type Bound struct {
	Max      int64  // cents
	TooLarge string // i18n key naming the limit
}

// The limits of what a salon types: far above any real figure, far below
// what would overflow a total or look like a typo nobody saw.
var (
	// Price is a service's or a product's price: 10 000.
	Price = Bound{Max: 1_000_000, TooLarge: "amount.max_price"}
	// Fee is what a client pays ahead or as a penalty (fixed deposit,
	// no-show fee): 2 000.
	Fee = Bound{Max: 200_000, TooLarge: "amount.max_fee"}
	// Entry is one entry of a client's account (credit, debt, an opening
	// balance brought by an import): 50 000.
	Entry = Bound{Max: 5_000_000, TooLarge: "amount.max_entry"}
)

// Parse reads a typed amount within the bound and returns its cents and the
// i18n key of its problem ("" when there is none). Negative amounts are
// refused: the form says which way the money goes.
func (b Bound) Parse(raw string) (int64, string) {
	c, err := ParseCents(raw)
	if err != nil {
		return 0, "amount.invalid"
	}
	if problem := b.Check(c); problem != "" {
		return 0, problem
	}
	return c, ""
}

// Check returns the i18n key of an amount's problem within the bound, or "":
// the areas hold amounts that arrive already parsed (demo, tests) to the
// same limit as the typed ones.
func (b Bound) Check(cents int64) string {
	switch {
	case cents < 0:
		return "amount.invalid"
	case cents > b.Max:
		return b.TooLarge
	}
	return ""
}

// ErrPercent is returned for text that is not a percentage.
var ErrPercent = errors.New("money: not a percentage")

// ParsePercent reads a percentage as typed — "12,5", "12.5 %", "30%" — into
// basis points (hundredths of a percent: "12,5" is 1250). At most two
// decimals; the French decimal comma and the English point both work.
func ParsePercent(s string) (int64, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	if strings.HasPrefix(s, "-") || s == "" {
		return 0, ErrPercent
	}
	bp, err := ParseCents(s)
	if err != nil {
		return 0, ErrPercent
	}
	return bp, nil
}
