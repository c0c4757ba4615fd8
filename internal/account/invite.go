package account

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// InvitationLifetime is how long an invitation link works.
const InvitationLifetime = 7 * 24 * time.Hour

// ErrInvitationInvalid covers an accepted, revoked, expired or unknown invitation.
var ErrInvitationInvalid = apperr.New(apperr.NotFound, "invite.invalid")

// Invitation is a pending invitation to join a salon.
type Invitation struct {
	ID        uuid.UUID
	Email     string
	Role      string
	ExpiresAt time.Time
	CreatedAt time.Time
}

// InviteInput is an invitation to the salon. Field errors are keyed by these
// field names.
type InviteInput struct {
	Email string
	Role  string
}

// Invite emails a link to join the salon with a role. Managers may invite
// managers and staff; only owners may invite owners.
func (s *Service) Invite(ctx context.Context, actor Member, sal salon.Salon, in InviteInput, lang i18n.Lang) error {
	in.Email = NormalizeEmail(in.Email)
	f := apperr.Fields{}
	if k := CheckEmail(in.Email); k != "" {
		f.Add("Email", k)
	}
	if !ValidRole(in.Role) {
		f.Add("Role", "field.choose")
	} else if !canGrant(actor.Role, in.Role) {
		f.Add("Role", "invite.role.forbidden")
	}
	if !CanManageTeam(actor.Role) {
		return apperr.New(apperr.Forbidden, "team.forbidden")
	}
	err := s.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		members, err := tx.MembershipListByTenant(ctx, sal.ID)
		if err != nil {
			return err
		}
		for _, m := range members {
			if m.Email == in.Email {
				f.Add("Email", "invite.already_member")
			}
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := tx.InvitationRevokePendingFor(ctx, dbq.InvitationRevokePendingForParams{TenantID: sal.ID, Email: in.Email, Now: s.Clock.Now()}); err != nil {
			return err
		}
		_, placeholder := secret.NewToken() // replaced by the email job, which alone ever knows a working token
		inv, err := tx.InvitationCreate(ctx, dbq.InvitationCreateParams{TenantID: sal.ID, Email: in.Email, Role: in.Role,
			TokenHash: placeholder, InvitedBy: actor.UserID, ExpiresAt: s.Clock.Now().Add(InvitationLifetime)})
		if err != nil {
			return err
		}
		return tx.Enqueue(ctx, InviteEmailArgs{SalonID: sal.ID, InvitationID: inv.ID, SalonName: sal.Name, Inviter: actor.Name, Lang: string(lang)}, nil)
	})
	if err != nil {
		return fmt.Errorf("account: invite: %w", err)
	}
	return nil
}

// Invitations lists the salon's pending invitations.
func (s *Service) Invitations(ctx context.Context, salonID uuid.UUID) ([]Invitation, error) {
	var out []Invitation
	err := s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.InvitationListPending(ctx, dbq.InvitationListPendingParams{TenantID: salonID, Now: s.Clock.Now()})
		for _, r := range rows {
			out = append(out, Invitation{ID: r.ID, Email: r.Email, Role: r.Role, ExpiresAt: r.ExpiresAt, CreatedAt: r.CreatedAt})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("account: invitations: %w", err)
	}
	return out, nil
}

// RevokeInvitation cancels a pending invitation of the salon.
func (s *Service) RevokeInvitation(ctx context.Context, actor Member, salonID, id uuid.UUID) error {
	err := s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		inv, err := tx.InvitationGet(ctx, dbq.InvitationGetParams{TenantID: salonID, ID: id})
		if err != nil {
			return err
		}
		if !CanManageTeam(actor.Role) || !canGrant(actor.Role, inv.Role) {
			return apperr.New(apperr.Forbidden, "team.forbidden")
		}
		n, err := tx.InvitationRevoke(ctx, dbq.InvitationRevokeParams{TenantID: salonID, ID: id, Now: s.Clock.Now()})
		if err == nil && n == 0 {
			return apperr.ErrNotFound // accepted or revoked meanwhile
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("account: revoke invitation: %w", err)
	}
	return nil
}

const invitationSuspendedKey = "suspension.invite.suspended"

// InvitationSuspended reports whether err refused a good invitation because
// its salon is suspended, and names the salon.
func InvitationSuspended(err error) (salonName string, ok bool) {
	e, coded := apperr.As(err)
	if !coded || e.Key != invitationSuspendedKey || len(e.Args) != 1 {
		return "", false
	}
	salonName, ok = e.Args[0].(string)
	return salonName, ok
}

// InvitationView is what the invitation page shows before accepting.
type InvitationView struct {
	ID              uuid.UUID
	SalonID         uuid.UUID
	SalonName       string
	Email           string
	Role            string
	ExistingAccount bool
}

// LookupInvitation finds a usable invitation by its link token.
func (s *Service) LookupInvitation(ctx context.Context, token string) (InvitationView, error) {
	var v InvitationView
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		inv, err := tx.InvitationGetByToken(ctx, secret.Hash(token))
		if store.IsNotFound(err) {
			return ErrInvitationInvalid
		}
		if err != nil {
			return err
		}
		if inv.AcceptedAt != nil || inv.RevokedAt != nil || !inv.ExpiresAt.After(s.Clock.Now()) {
			return ErrInvitationInvalid
		}
		if inv.TenantStatus != salon.StatusActive {
			// Still a good link: the salon is paused, not the invitation.
			return apperr.New(apperr.Forbidden, invitationSuspendedKey, inv.TenantName)
		}
		v = InvitationView{ID: inv.ID, SalonID: inv.TenantID, SalonName: inv.TenantName, Email: inv.Email, Role: inv.Role}
		v.ExistingAccount, err = tx.UserEmailTaken(ctx, inv.Email)
		return err
	})
	if err != nil {
		return InvitationView{}, fmt.Errorf("account: lookup invitation: %w", err)
	}
	return v, nil
}

// AcceptInput answers an invitation: a name and a new password for a new
// account, or the existing account's password. Field errors are keyed by
// these field names.
type AcceptInput struct {
	Name     string
	Password string
}

// AcceptInvitation joins the invited user to the salon, creating their account
// if they have none. It returns the identity to log in and the salon joined.
func (s *Service) AcceptInvitation(ctx context.Context, token string, in AcceptInput) (Identity, uuid.UUID, error) {
	v, err := s.LookupInvitation(ctx, token)
	if err != nil {
		return Identity{}, uuid.Nil, err
	}
	var id Identity
	newUser := !v.ExistingAccount
	var hash string
	if v.ExistingAccount {
		id, err = s.authenticate(ctx, v.Email, in.Password)
		if apperr.Is(err, apperr.Unauthorized) {
			return Identity{}, uuid.Nil, apperr.Fields{"Password": "login.invalid"}.Err()
		}
		if err != nil {
			return Identity{}, uuid.Nil, err
		}
	} else {
		in.Name = strings.TrimSpace(in.Name)
		f := apperr.Fields{}
		if k := CheckName(in.Name); k != "" {
			f.Add("Name", k)
		}
		if k := CheckPassword(in.Password, v.Email); k != "" {
			f.Add("Password", k)
		}
		if err := f.Err(); err != nil {
			return Identity{}, uuid.Nil, err
		}
		if hash, err = HashPassword(ctx, in.Password); err != nil {
			return Identity{}, uuid.Nil, err
		}
		id = Identity{UserID: uuid.New(), Name: in.Name, Email: v.Email, Locale: string(i18n.LangFrom(ctx))}
	}
	err = s.DB.WithTenant(ctx, v.SalonID, func(tx store.Tx) error {
		if newUser {
			now := s.Clock.Now() // the emailed invitation proved the address
			err := tx.UserCreate(ctx, dbq.UserCreateParams{ID: id.UserID, Email: id.Email, Name: id.Name, PasswordHash: hash,
				Locale: id.Locale, EmailVerifiedAt: &now})
			if store.IsUniqueViolation(err, "users_email_key") {
				return ErrInvitationInvalid // a second submit of the same form: the first one joined
			}
			if err != nil {
				return err
			}
		}
		n, err := tx.InvitationAccept(ctx, dbq.InvitationAcceptParams{TenantID: v.SalonID, ID: v.ID, Now: s.Clock.Now()})
		if err != nil {
			return err
		}
		if n == 0 {
			return ErrInvitationInvalid
		}
		_, err = tx.MembershipGet(ctx, dbq.MembershipGetParams{TenantID: v.SalonID, UserID: id.UserID})
		if err == nil {
			return nil // already a member: joining again changes nothing
		}
		if !store.IsNotFound(err) {
			return err
		}
		return tx.MembershipCreate(ctx, dbq.MembershipCreateParams{TenantID: v.SalonID, UserID: id.UserID, Role: v.Role})
	})
	if err != nil {
		return Identity{}, uuid.Nil, fmt.Errorf("account: accept invitation: %w", err)
	}
	return id, v.SalonID, nil
}
