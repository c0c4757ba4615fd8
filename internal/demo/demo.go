// Package demo seeds a demonstration salon (slug "demo") and a platform
// admin, so a newcomer can look around right after `carnet serve --demo`.
package demo

import (
	"context"
	"fmt"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/i18n"
)

// The demo's logins, printed at start-up. They are public by design: --demo
// is for a developer's machine or a throwaway showcase.
const (
	Slug          = "demo"
	OwnerEmail    = "owner@demo.test"
	OwnerPassword = "demo-salon-2026"
	AdminEmail    = "platform@carnet.test"
	AdminPassword = "carnet-admin-2026"
)

// Seed creates what is missing of the demo; running it again changes nothing.
func Seed(ctx context.Context, accounts *account.Service, areas Areas) error {
	taken, err := areas.Salons.SlugTaken(ctx, Slug)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if !taken {
		res, err := accounts.Signup(ctx, account.SignupInput{SalonName: "Institut Démo", Slug: Slug,
			OwnerName: "Camille Martin", Email: OwnerEmail, Password: OwnerPassword, Lang: i18n.FR, EmailProven: true})
		if err != nil {
			return fmt.Errorf("demo: salon: %w", err)
		}
		// Before a single visit is booked: every message the demo salon
		// writes (confirmations now, reminders later) stays in its clients'
		// history as skipped, whatever SMTP_URL or SMS_URL say.
		if err := areas.Salons.MarkDemo(ctx, res.SalonID); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if err := fill(ctx, areas, res.SalonID, res.UserID); err != nil {
			return fmt.Errorf("demo: fill: %w", err)
		}
	}
	// An account already there is left as it is: the demo takes nothing over.
	if err := accounts.EnsurePlatformAdmin(ctx, account.ByDemo, AdminEmail, "Admin Carnet", AdminPassword); err != nil {
		return fmt.Errorf("demo: admin: %w", err)
	}
	return nil
}
