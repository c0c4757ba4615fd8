package account

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Service runs account operations.
type Service struct {
	DB      *store.DB
	Clock   clock.Clock
	BaseURL string      // absolute, without trailing slash: links in emails point here
	Box     *secret.Box // seals admins' TOTP secrets
}

// Member is a user acting inside one salon.
type Member struct {
	UserID uuid.UUID
	Name   string
	Email  string
	Locale string
	Role   string
}

// SalonMembership is one salon a user belongs to.
type SalonMembership struct {
	SalonID      uuid.UUID
	Slug         string
	Name         string
	Role         string
	Status       string
	StatusReason string
}

// Active reports whether the salon may be used.
func (m SalonMembership) Active() bool { return m.Status == salon.StatusActive }

// Member returns the user's membership of the salon with the salon itself, in
// one unit of work. A user who is not (or no longer) a member is not found.
func (s *Service) Member(ctx context.Context, tenantID, userID uuid.UUID) (Member, salon.Salon, error) {
	var m Member
	var sal salon.Salon
	err := s.DB.WithTenant(ctx, tenantID, func(tx store.Tx) error {
		row, err := tx.MembershipGet(ctx, dbq.MembershipGetParams{TenantID: tenantID, UserID: userID})
		if err != nil {
			return err
		}
		m = Member{UserID: row.UserID, Name: row.UserName, Email: row.UserEmail, Locale: row.UserLocale, Role: row.Role}
		t, err := tx.TenantGet(ctx, tenantID)
		sal = salon.FromRow(t)
		return err
	})
	if err != nil {
		return Member{}, salon.Salon{}, fmt.Errorf("account: member: %w", err)
	}
	return m, sal, nil
}

// Salons lists every salon the user belongs to, active or not.
func (s *Service) Salons(ctx context.Context, userID uuid.UUID) ([]SalonMembership, error) {
	var out []SalonMembership
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		rows, err := tx.MembershipListByUser(ctx, userID)
		for _, r := range rows {
			out = append(out, SalonMembership{SalonID: r.ID, Slug: r.Slug, Name: r.Name, Role: r.Role, Status: r.Status, StatusReason: r.StatusReason})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("account: salons of user: %w", err)
	}
	return out, nil
}

// IsPlatformAdmin reports whether the user administers the platform.
func (s *Service) IsPlatformAdmin(ctx context.Context, userID uuid.UUID) (bool, error) {
	var is bool
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		var err error
		is, err = tx.PlatformAdminIs(ctx, userID)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("account: is platform admin: %w", err)
	}
	return is, nil
}

// User returns a user's identity by id (platform path: users span salons).
func (s *Service) User(ctx context.Context, userID uuid.UUID) (Identity, error) {
	var id Identity
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := tx.UserGet(ctx, userID)
		if err != nil {
			return err
		}
		id = Identity{UserID: u.ID, Name: u.Name, Email: u.Email, Locale: u.Locale}
		id.IsAdmin, err = tx.PlatformAdminIs(ctx, u.ID)
		return err
	})
	if err != nil {
		return Identity{}, fmt.Errorf("account: user: %w", err)
	}
	return id, nil
}
