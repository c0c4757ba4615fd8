package ui

import (
	"strconv"
	"strings"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
)

// PercentPlain writes basis points as a person types a percentage: 150 is
// "1,5" in French, "1.5" in English; 100 is "1".
func PercentPlain(lang i18n.Lang, bp int32) string {
	s := strconv.Itoa(int(bp / 100))
	if frac := bp % 100; frac != 0 {
		d := strings.TrimRight(strconv.Itoa(int(100 + frac))[1:], "0")
		sep := ","
		if lang == i18n.EN {
			sep = "."
		}
		s += sep + d
	}
	return s
}

// Percent writes basis points as a percentage: "1,5 %" / "1.5%".
func Percent(lang i18n.Lang, bp int32) string {
	if lang == i18n.EN {
		return PercentPlain(lang, bp) + "%"
	}
	return PercentPlain(lang, bp) + "\u00a0%"
}

// FeeLabel writes a fee of a percentage plus a fixed amount the way a salon
// reads it: "1,5 % + 0,30 €", or only the part that is not zero. Without a
// currency, the fixed part is a bare amount ("0,30").
func FeeLabel(lang i18n.Lang, bp int32, fixedCents int64, currency string) string {
	var parts []string
	if bp != 0 {
		parts = append(parts, Percent(lang, bp))
	}
	if fixedCents != 0 || bp == 0 {
		if currency == "" {
			parts = append(parts, money.New(fixedCents, "").Plain(lang))
		} else {
			parts = append(parts, money.New(fixedCents, currency).Format(lang))
		}
	}
	return strings.Join(parts, " + ")
}
