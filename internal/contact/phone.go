package contact

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// NormalizePhone turns what a person types ("06 12 34 56 78", "+33 6…") into
// E.164 ("+33612345678"), reading national numbers in the given country.
// It returns ok=false for text that is not a phone number of that plan
// (too short, too long, letters, a range no number uses). Blank is ok.
func NormalizePhone(raw, region string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", true
	}
	for _, r := range raw {
		if !strings.ContainsRune("0123456789+ .-()/\u00a0", r) {
			return "", false // "06 12 34 56 78 poste 2", "0612abc"
		}
	}
	n, err := phonenumbers.Parse(raw, region)
	// The length must fit the country's plan exactly (not a local number
	// without its area code), and a number is not a row of zeros.
	if err != nil || phonenumbers.IsPossibleNumberWithReason(n) != phonenumbers.IS_POSSIBLE || n.GetNationalNumber() == 0 {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164), true
}

// FormatPhone writes an E.164 number the way the salon's country writes it
// ("06 12 34 56 78" in France), and international numbers with their prefix.
func FormatPhone(e164, region string) string {
	n, err := phonenumbers.Parse(e164, region)
	if err != nil {
		return e164
	}
	if phonenumbers.GetRegionCodeForNumber(n) == region {
		return phonenumbers.Format(n, phonenumbers.NATIONAL)
	}
	return phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
}
