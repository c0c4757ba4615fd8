package account

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// ResetLinkLifetime is how long a password-reset link works.
const ResetLinkLifetime = time.Hour

// ErrResetLinkInvalid covers a used, expired or unknown link alike.
var ErrResetLinkInvalid = apperr.New(apperr.NotFound, "reset.invalid")

// RequestPasswordReset emails a single-use link to the account's address.
// It answers the same whether or not the account exists.
func (s *Service) RequestPasswordReset(ctx context.Context, email string) error {
	email = NormalizeEmail(email)
	if CheckEmail(email) != "" {
		return nil
	}
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := tx.UserGetByEmail(ctx, email)
		if store.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		return tx.Enqueue(ctx, ResetEmailArgs{UserID: u.ID}, nil)
	})
	if err != nil {
		return fmt.Errorf("account: request password reset: %w", err)
	}
	return nil
}

// PasswordResetLinkValid reports whether a link can still be used.
func (s *Service) PasswordResetLinkValid(ctx context.Context, token string) (bool, error) {
	var ok bool
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		var err error
		ok, err = tx.PasswordResetValid(ctx, dbq.PasswordResetValidParams{TokenHash: secret.Hash(token), Now: s.Clock.Now()})
		return err
	})
	if err != nil {
		return false, fmt.Errorf("account: reset link valid: %w", err)
	}
	return ok, nil
}

// ResetPassword uses a link once to set a new password. It returns the user,
// whose other sessions the caller should end. A weak password is refused
// under the field name "Password".
func (s *Service) ResetPassword(ctx context.Context, token, password string) (uuid.UUID, error) {
	if k := CheckPassword(password, ""); k != "" {
		return uuid.Nil, apperr.Fields{"Password": k}.Err()
	}
	hash, err := HashPassword(ctx, password)
	if err != nil {
		return uuid.Nil, err
	}
	var userID uuid.UUID
	err = s.DB.Unscoped(ctx, func(tx store.Tx) error {
		th := secret.Hash(token)
		userID, err = tx.PasswordResetConsume(ctx, dbq.PasswordResetConsumeParams{TokenHash: th, Now: s.Clock.Now()})
		if store.IsNotFound(err) {
			return ErrResetLinkInvalid
		}
		if err != nil {
			return err
		}
		u, err := tx.UserGet(ctx, userID)
		if err != nil {
			return err
		}
		if k := CheckPassword(password, u.Email); k != "" {
			return apperr.Fields{"Password": k}.Err() // rolls back: the link still works
		}
		if err := tx.UserSetPassword(ctx, dbq.UserSetPasswordParams{ID: userID, PasswordHash: hash}); err != nil {
			return err
		}
		return tx.PasswordResetDeleteForUser(ctx, dbq.PasswordResetDeleteForUserParams{UserID: userID, Keep: th})
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("account: reset password: %w", err)
	}
	return userID, nil
}
