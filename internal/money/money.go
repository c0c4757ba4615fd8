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
