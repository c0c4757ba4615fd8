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

// VerifyLinkLifetime is how long an email verification link works: long
// enough for an owner who signs up on Friday evening and reads mail on Monday.
const VerifyLinkLifetime = 72 * time.Hour

// ErrVerifyLinkInvalid covers a used, expired or unknown link alike.
var ErrVerifyLinkInvalid = apperr.New(apperr.NotFound, "verify.invalid")

// SalonVerified reports whether one of the salon's owners has proven their
// email address.
func (s *Service) SalonVerified(ctx context.Context, salonID uuid.UUID) (bool, error) {
	var ok bool
	err := s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		ok, err = tx.MembershipOwnerVerified(ctx, salonID)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("account: salon verified: %w", err)
	}
	return ok, nil
}

// ResendVerification emails the user a fresh verification link, unless
// their address is already proven.
func (s *Service) ResendVerification(ctx context.Context, userID uuid.UUID) error {
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := tx.UserGet(ctx, userID)
		if err != nil || u.EmailVerifiedAt != nil {
			return err
		}
		return tx.Enqueue(ctx, VerifyEmailArgs{UserID: userID}, nil)
	})
	if err != nil {
		return fmt.Errorf("account: resend verification: %w", err)
	}
	return nil
}

// VerifyLinkValid reports whether a verification link can still be used.
func (s *Service) VerifyLinkValid(ctx context.Context, token string) (bool, error) {
	var ok bool
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		var err error
		ok, err = tx.EmailVerificationValid(ctx, dbq.EmailVerificationValidParams{TokenHash: secret.Hash(token), Now: s.Clock.Now()})
		return err
	})
	if err != nil {
		return false, fmt.Errorf("account: verify link valid: %w", err)
	}
	return ok, nil
}

// VerifyEmail uses a link once to mark the account's address as proven;
// the account's other links stop working.
func (s *Service) VerifyEmail(ctx context.Context, token string) (uuid.UUID, error) {
	var userID uuid.UUID
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		now := s.Clock.Now()
		var err error
		userID, err = tx.EmailVerificationConsume(ctx, dbq.EmailVerificationConsumeParams{TokenHash: secret.Hash(token), Now: now})
		if store.IsNotFound(err) {
			return ErrVerifyLinkInvalid
		}
		if err != nil {
			return err
		}
		if err := tx.UserVerifyEmail(ctx, dbq.UserVerifyEmailParams{ID: userID, Now: now}); err != nil {
			return err
		}
		return tx.EmailVerificationDeleteForUser(ctx, userID)
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("account: verify email: %w", err)
	}
	return userID, nil
}
