package salon

import "slices"

// Countries a salon may be in (ISO 3166-1 alpha-2), offered at sign-up and
// in the settings: the country reads the phone numbers typed in the salon
// ("06 12 34 56 78" is French, "0470 12 34 56" Belgian).
var Countries = []string{"FR", "BE", "CH", "LU", "MC", "GB", "CA", "US", "RE", "GP", "MQ", "GF", "YT",
	"NC", "PF", "MA", "SN", "CI", "TN", "ES", "PT", "DE", "IT", "JP"}

// DefaultCountry is where a salon is unless its owner says otherwise.
const DefaultCountry = "FR"

// CheckCountry returns the message key of what is wrong with a country, or "".
func CheckCountry(country string) string {
	if !slices.Contains(Countries, country) {
		return "field.choose"
	}
	return ""
}
