package customer

import "github.com/carnet-salon/carnet/internal/contact"

// NormalizePhone is contact.NormalizePhone: one rule for every phone typed,
// the client's and the salon's.
func NormalizePhone(raw, region string) (string, bool) { return contact.NormalizePhone(raw, region) }

// FormatPhone is contact.FormatPhone.
func FormatPhone(e164, region string) string { return contact.FormatPhone(e164, region) }
