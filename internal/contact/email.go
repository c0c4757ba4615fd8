// Package contact checks the ways to reach someone: email addresses and
// phone numbers (read in the salon's country), wherever they are typed.
package contact

import (
	"net/mail"
	"strings"
)

// NormalizeEmail trims and lower-cases an email address.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// CheckEmail returns the message key of what is wrong with an email, or "".
func CheckEmail(email string) string {
	if email == "" {
		return "field.required"
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || addr.Name != "" || len(email) > 254 {
		return "email.invalid"
	}
	domain := email[strings.LastIndex(email, "@")+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return "email.invalid"
	}
	return ""
}
