package account

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// TeamMember is one member of a salon's team.
type TeamMember struct {
	UserID uuid.UUID
	Name   string
	Email  string
	Role   string
	Since  time.Time
}

// Team lists the salon's members, owners first.
func (s *Service) Team(ctx context.Context, salonID uuid.UUID) ([]TeamMember, error) {
	var out []TeamMember
	err := s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.MembershipListByTenant(ctx, salonID)
		for _, r := range rows {
			out = append(out, TeamMember{UserID: r.UserID, Name: r.Name, Email: r.Email, Role: r.Role, Since: r.CreatedAt})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("account: team: %w", err)
	}
	return out, nil
}

// RemoveMember takes a user out of the salon. Nobody removes themselves here,
// and a salon always keeps at least one owner.
func (s *Service) RemoveMember(ctx context.Context, actor Member, salonID, userID uuid.UUID) error {
	err := s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		target, err := tx.MembershipGet(ctx, dbq.MembershipGetParams{TenantID: salonID, UserID: userID})
		if err != nil {
			return err
		}
		switch {
		case !CanManageTeam(actor.Role) || !canGrant(actor.Role, target.Role):
			return apperr.New(apperr.Forbidden, "team.forbidden")
		case userID == actor.UserID:
			return apperr.New(apperr.Conflict, "team.remove_self")
		}
		if target.Role == RoleOwner {
			owners, err := tx.MembershipLockOwners(ctx, salonID)
			if err != nil {
				return err
			}
			if len(owners) <= 1 {
				return apperr.New(apperr.Conflict, "team.last_owner")
			}
		}
		_, err = tx.MembershipDelete(ctx, dbq.MembershipDeleteParams{TenantID: salonID, UserID: userID})
		return err
	})
	if err != nil {
		return fmt.Errorf("account: remove member: %w", err)
	}
	return nil
}
