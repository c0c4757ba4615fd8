package account

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/urls"
)

// Account emails are jobs that carry ids only: the worker mints the link's
// token and stores its hash just before sending, so the job queue (readable
// by the application role, kept for a day) never holds a working link.

// ResetEmailArgs sends a password-reset link to a user.
type ResetEmailArgs struct {
	UserID uuid.UUID `json:"user_id"`
}

// Kind names the job.
func (ResetEmailArgs) Kind() string { return "account.reset_email" }

// InsertOpts: emails have their own queue.
func (ResetEmailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: mail.Queue, MaxAttempts: 5}
}

// InviteEmailArgs sends an invitation link.
type InviteEmailArgs struct {
	SalonID      uuid.UUID `json:"salon_id"`
	InvitationID uuid.UUID `json:"invitation_id"`
	SalonName    string    `json:"salon_name"`
	Inviter      string    `json:"inviter"`
	Lang         string    `json:"lang"`
}

// Kind names the job.
func (InviteEmailArgs) Kind() string { return "account.invite_email" }

// InsertOpts: emails have their own queue.
func (InviteEmailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: mail.Queue, MaxAttempts: 5}
}

// ResetEmailWorker sends password-reset emails.
type ResetEmailWorker struct {
	river.WorkerDefaults[ResetEmailArgs]
	Accounts *Service
	Sender   mail.Sender
}

// Work mints a single-use link valid for an hour and emails it.
func (w *ResetEmailWorker) Work(ctx context.Context, job *river.Job[ResetEmailArgs]) error {
	s := w.Accounts
	var msg mail.Message
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := tx.UserGet(ctx, job.Args.UserID)
		if err != nil {
			return err
		}
		raw, hash := secret.NewToken()
		if err := tx.PasswordResetCreate(ctx, dbq.PasswordResetCreateParams{
			TokenHash: hash, UserID: u.ID, ExpiresAt: s.Clock.Now().Add(ResetLinkLifetime)}); err != nil {
			return err
		}
		lang, _ := i18n.Parse(u.Locale)
		msg = resetEmail(lang, u.Email, u.Name, s.BaseURL+urls.PasswordReset(raw))
		return nil
	})
	if store.IsNotFound(err) {
		return nil // the account is gone: nothing to send
	}
	if err != nil {
		return fmt.Errorf("account: reset email: %w", err)
	}
	return w.Sender.Send(ctx, msg)
}

// InviteEmailWorker sends invitation emails.
type InviteEmailWorker struct {
	river.WorkerDefaults[InviteEmailArgs]
	Accounts *Service
	Sender   mail.Sender
}

// Work gives the invitation a fresh token and emails its link. An invitation
// revoked or accepted meanwhile is not sent.
func (w *InviteEmailWorker) Work(ctx context.Context, job *river.Job[InviteEmailArgs]) error {
	s, a := w.Accounts, job.Args
	var msg mail.Message
	err := s.DB.WithTenant(ctx, a.SalonID, func(tx store.Tx) error {
		raw, hash := secret.NewToken()
		inv, err := tx.InvitationRetoken(ctx, dbq.InvitationRetokenParams{TenantID: a.SalonID, ID: a.InvitationID, TokenHash: hash, Now: s.Clock.Now()})
		if err != nil {
			return err
		}
		lang, _ := i18n.Parse(a.Lang)
		msg = invitationEmail(lang, inv.Email, a.SalonName, a.Inviter, inv.Role, s.BaseURL+urls.Invite(raw))
		return nil
	})
	if store.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("account: invitation email: %w", err)
	}
	return w.Sender.Send(ctx, msg)
}

// VerifyEmailArgs sends a user a link that proves their email address.
type VerifyEmailArgs struct {
	UserID uuid.UUID `json:"user_id"`
}

// Kind names the job.
func (VerifyEmailArgs) Kind() string { return "account.verify_email" }

// InsertOpts: emails have their own queue.
func (VerifyEmailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: mail.Queue, MaxAttempts: 5}
}

// WelcomeEmailArgs welcomes a salon's new owner with the next steps.
type WelcomeEmailArgs struct {
	UserID  uuid.UUID `json:"user_id"`
	SalonID uuid.UUID `json:"salon_id"`
}

// Kind names the job.
func (WelcomeEmailArgs) Kind() string { return "account.welcome_email" }

// InsertOpts: emails have their own queue.
func (WelcomeEmailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: mail.Queue, MaxAttempts: 5}
}

// VerifyEmailWorker sends verification links.
type VerifyEmailWorker struct {
	river.WorkerDefaults[VerifyEmailArgs]
	Accounts *Service
	Sender   mail.Sender
}

// Work mints a single-use link bound to the account's current address. An
// address proven meanwhile gets nothing.
func (w *VerifyEmailWorker) Work(ctx context.Context, job *river.Job[VerifyEmailArgs]) error {
	s := w.Accounts
	var msg *mail.Message
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := tx.UserGet(ctx, job.Args.UserID)
		if err != nil || u.EmailVerifiedAt != nil {
			return err
		}
		raw, hash := secret.NewToken()
		if err := tx.EmailVerificationCreate(ctx, dbq.EmailVerificationCreateParams{TokenHash: hash, UserID: u.ID,
			Email: u.Email, ExpiresAt: s.Clock.Now().Add(VerifyLinkLifetime)}); err != nil {
			return err
		}
		lang, _ := i18n.Parse(u.Locale)
		m := verifyEmail(lang, u.Email, u.Name, s.BaseURL+urls.Verify(raw))
		msg = &m
		return nil
	})
	if store.IsNotFound(err) || (err == nil && msg == nil) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("account: verify email: %w", err)
	}
	return w.Sender.Send(ctx, *msg)
}

// WelcomeEmailWorker sends the welcome email.
type WelcomeEmailWorker struct {
	river.WorkerDefaults[WelcomeEmailArgs]
	Accounts *Service
	Sender   mail.Sender
}

// Work writes to the owner in their language about the salon they opened.
func (w *WelcomeEmailWorker) Work(ctx context.Context, job *river.Job[WelcomeEmailArgs]) error {
	s := w.Accounts
	var msg mail.Message
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := tx.UserGet(ctx, job.Args.UserID)
		if err != nil {
			return err
		}
		t, err := tx.TenantGet(ctx, job.Args.SalonID)
		if err != nil {
			return err
		}
		lang, _ := i18n.Parse(u.Locale)
		msg = welcomeEmail(lang, u.Email, u.Name, t.Name, s.BaseURL, t.Slug)
		return nil
	})
	if store.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("account: welcome email: %w", err)
	}
	return w.Sender.Send(ctx, msg)
}
