package account

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
)

// Identity is a user who proved who they are.
type Identity struct {
	UserID  uuid.UUID
	Name    string
	Email   string
	Locale  string
	IsAdmin bool
}

// ErrBadCredentials is the one answer for an unknown email or a wrong
// password, so a login form never reveals which accounts exist.
var ErrBadCredentials = apperr.New(apperr.Unauthorized, "login.invalid")

// Login checks an email and password and returns the user with the salons
// they may enter. A user whose every salon is suspended is refused with the
// reason; platform admins always get in (to /admin).
func (s *Service) Login(ctx context.Context, email, password string) (Identity, []SalonMembership, error) {
	// An empty field is named as missing, not as a wrong password: saying so
	// reveals no account.
	missing := apperr.Fields{}
	if NormalizeEmail(email) == "" {
		missing.Add("email", "field.required")
	}
	if password == "" {
		missing.Add("password", "field.required")
	}
	if err := missing.Err(); err != nil {
		return Identity{}, nil, err
	}
	id, err := s.authenticate(ctx, NormalizeEmail(email), password)
	if err != nil {
		return Identity{}, nil, err
	}
	all, err := s.Salons(ctx, id.UserID)
	if err != nil {
		return Identity{}, nil, err
	}
	var active []SalonMembership
	for _, m := range all {
		if m.Active() {
			active = append(active, m)
		}
	}
	if len(active) == 0 && !id.IsAdmin {
		if len(all) > 0 {
			return Identity{}, nil, apperr.New(apperr.Forbidden, "login.suspended", all[0].Name, all[0].StatusReason)
		}
		return Identity{}, nil, apperr.New(apperr.Forbidden, "login.no_salon")
	}
	return id, active, nil
}

func (s *Service) authenticate(ctx context.Context, email, password string) (Identity, error) {
	var id Identity
	var hash string
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := tx.UserGetByEmail(ctx, email)
		if err != nil {
			return err
		}
		id = Identity{UserID: u.ID, Name: u.Name, Email: u.Email, Locale: u.Locale}
		hash = u.PasswordHash
		id.IsAdmin, err = tx.PlatformAdminIs(ctx, u.ID)
		return err
	})
	if store.IsNotFound(err) {
		_, _ = VerifyPassword(ctx, dummyHash, password)
		return Identity{}, ErrBadCredentials
	}
	if err != nil {
		return Identity{}, fmt.Errorf("account: login: %w", err)
	}
	ok, err := VerifyPassword(ctx, hash, password)
	if err != nil {
		return Identity{}, fmt.Errorf("account: login: %w", err)
	}
	if !ok {
		return Identity{}, ErrBadCredentials
	}
	return id, nil
}
