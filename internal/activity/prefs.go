package activity

import (
	"context"
	"fmt"
	"slices"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Who chooses what: an owner sets the salon's switches, which every owner
// of it follows; a manager sets their own. Staff members get no such email.
const (
	roleOwner   = "owner"
	roleManager = "manager"
)

// Prefs are the kinds of event that email this member.
func (f *Feed) Prefs(ctx context.Context, salonID, userID uuid.UUID, role string) ([]string, error) {
	var on []string
	err := f.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		switch role {
		case roleOwner:
			on, err = tx.NotifySalonGet(ctx, salonID)
		case roleManager:
			on, err = tx.NotifyMemberGet(ctx, dbq.NotifyMemberGetParams{TenantID: salonID, UserID: userID})
		default:
			err = apperr.ErrNotFound
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("activity: prefs: %w", err)
	}
	return on, nil
}

// SetPrefs keeps the kinds that email this member; unknown kinds are dropped.
func (f *Feed) SetPrefs(ctx context.Context, salonID, userID uuid.UUID, role string, kinds []string) error {
	on := []string{}
	for _, k := range Kinds {
		if slices.Contains(kinds, k) {
			on = append(on, k)
		}
	}
	err := f.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		switch role {
		case roleOwner:
			return tx.NotifySalonSet(ctx, dbq.NotifySalonSetParams{TenantID: salonID, NotifyEvents: on})
		case roleManager:
			return tx.NotifyMemberSet(ctx, dbq.NotifyMemberSetParams{TenantID: salonID, UserID: userID, NotifyEvents: on})
		}
		return apperr.ErrNotFound
	})
	if err != nil {
		return fmt.Errorf("activity: set prefs: %w", err)
	}
	return nil
}
