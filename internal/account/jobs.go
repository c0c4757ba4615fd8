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
		msg = resetEmail(lang, u.Email, u.Name, s.BaseURL+"/password/reset/"+raw)
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
		msg = invitationEmail(lang, inv.Email, a.SalonName, a.Inviter, inv.Role, s.BaseURL+"/invite/"+raw)
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
