package customer

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// NormalizePhone turns what a person types ("06 12 34 56 78", "+33 6…") into
// E.164 ("+33612345678"), reading national numbers in the salon's country.
// It returns ok=false for text that is not a possible phone number.
func NormalizePhone(raw, region string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", true
	}
	n, err := phonenumbers.Parse(raw, region)
	if err != nil || !phonenumbers.IsPossibleNumber(n) {
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

// RegionOf guesses the phone region from a salon's currency and zone: good
// enough for the French-speaking markets Carnet serves first.
func RegionOf(timeZone string) string {
	switch timeZone {
	case "Europe/Brussels":
		return "BE"
	case "Europe/Zurich":
		return "CH"
	case "Europe/Luxembourg":
		return "LU"
	case "Europe/Monaco":
		return "MC"
	case "Europe/London":
		return "GB"
	case "America/Montreal":
		return "CA"
	case "America/New_York":
		return "US"
	case "Indian/Reunion":
		return "RE"
	case "America/Guadeloupe":
		return "GP"
	case "America/Martinique":
		return "MQ"
	}
	return "FR"
}
