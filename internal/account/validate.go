package account

import (
	"unicode/utf8"

	"github.com/carnet-salon/carnet/internal/contact"
)

// NormalizeEmail trims and lower-cases an email address.
func NormalizeEmail(s string) string { return contact.NormalizeEmail(s) }

// CheckEmail returns the message key of what is wrong with an email, or "".
func CheckEmail(email string) string { return contact.CheckEmail(email) }

// CheckName returns the message key of what is wrong with a person's or salon's name, or "".
func CheckName(name string) string {
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		return "field.required"
	case n > 120:
		return "name.long"
	}
	return ""
}

// Roles a member can have in a salon.
const (
	RoleOwner   = "owner"
	RoleManager = "manager"
	RoleStaff   = "staff"
)

// ValidRole reports whether r names a role.
func ValidRole(r string) bool { return r == RoleOwner || r == RoleManager || r == RoleStaff }

// CanManageTeam reports whether a member with role can invite and remove others.
func CanManageTeam(role string) bool { return role == RoleOwner || role == RoleManager }

// canGrant reports whether actor may give (or take away) role: managers run
// the team, but only an owner makes or removes another owner.
func canGrant(actor, role string) bool {
	if actor == RoleOwner {
		return true
	}
	return actor == RoleManager && role != RoleOwner
}
