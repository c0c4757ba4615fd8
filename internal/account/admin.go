package account

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// CreatePlatformAdmin makes the account with this email a platform admin,
// creating it if needed, and sets its password (the command line's answer).
func (s *Service) CreatePlatformAdmin(ctx context.Context, email, name, password string) (uuid.UUID, error) {
	email = NormalizeEmail(email)
	f := apperr.Fields{}
	if k := CheckEmail(email); k != "" {
		f.Add("email", k)
	}
	if k := CheckPassword(password, email); k != "" {
		f.Add("password", k)
	}
	if err := f.Err(); err != nil {
		return uuid.Nil, err
	}
	hash, err := HashPassword(ctx, password)
	if err != nil {
		return uuid.Nil, err
	}
	var id uuid.UUID
	err = s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := tx.UserGetByEmail(ctx, email)
		switch {
		case store.IsNotFound(err):
			id = uuid.New()
			if name == "" {
				name = email
			}
			if err := tx.UserCreate(ctx, dbq.UserCreateParams{ID: id, Email: email, Name: name, PasswordHash: hash, Locale: "fr"}); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			id = u.ID
			if err := tx.UserSetPassword(ctx, dbq.UserSetPasswordParams{ID: id, PasswordHash: hash}); err != nil {
				return err
			}
		}
		return tx.PlatformAdminCreate(ctx, id)
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("account: create platform admin: %w", err)
	}
	return id, nil
}
