package account

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Who changed the platform admins, as the audit log names them when no
// signed-in admin did (the command line, the demo seed).
const (
	ByCommandLine = "carnet admin (command line)"
	ByDemo        = "carnet demo"
)

// Audit log actions on platform admins.
const (
	AuditAdminCreate  = "admins.create"
	AuditAdminPromote = "admins.promote"
	AuditAdminRemove  = "admins.remove"
	AuditAdminSignIn  = "admins.sign_in"
)

// PlatformAdmin is one account that administers the platform.
type PlatformAdmin struct {
	UserID uuid.UUID
	Email  string
	Name   string
	Since  time.Time
}

// CreatePlatformAdmin creates a new account with this email as a platform
// admin. It never takes an existing account over: for an email that already
// has one it refuses (admin.account_exists), and that account's password is
// left alone; PromotePlatformAdmin is the way to make it an admin.
func (s *Service) CreatePlatformAdmin(ctx context.Context, by, email, name, password string) (uuid.UUID, error) {
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
	if err := s.refuseExisting(ctx, email); err != nil {
		return uuid.Nil, err
	}
	hash, err := HashPassword(ctx, password)
	if err != nil {
		return uuid.Nil, err
	}
	id := uuid.New()
	if name == "" {
		name = email
	}
	err = s.DB.Unscoped(ctx, func(tx store.Tx) error {
		if _, err := tx.UserGetByEmail(ctx, email); err == nil {
			return apperr.New(apperr.Conflict, "admin.account_exists", email)
		} else if !store.IsNotFound(err) {
			return err
		}
		now := s.Clock.Now() // the operator vouches for the address
		if err := tx.UserCreate(ctx, dbq.UserCreateParams{ID: id, Email: email, Name: name, PasswordHash: hash, Locale: "fr",
			EmailVerifiedAt: &now}); err != nil {
			if store.IsUniqueViolation(err, "users_email_key") { // created meanwhile
				return apperr.New(apperr.Conflict, "admin.account_exists", email)
			}
			return err
		}
		if err := tx.PlatformAdminCreate(ctx, id); err != nil {
			return err
		}
		return auditAdmin(ctx, tx, by, AuditAdminCreate, id, email)
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("account: create platform admin: %w", err)
	}
	return id, nil
}

// refuseExisting answers admin.account_exists before a password is hashed
// (or even asked for) when the email already has an account.
func (s *Service) refuseExisting(ctx context.Context, email string) error {
	exists, err := s.AccountExists(ctx, email)
	if err != nil {
		return err
	}
	if exists {
		return apperr.New(apperr.Conflict, "admin.account_exists", email)
	}
	return nil
}

// AccountExists reports whether an account uses this email (platform path).
func (s *Service) AccountExists(ctx context.Context, email string) (bool, error) {
	email = NormalizeEmail(email)
	exists := false
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		_, err := tx.UserGetByEmail(ctx, email)
		if store.IsNotFound(err) {
			return nil
		}
		exists = err == nil
		return err
	})
	if err != nil {
		return false, fmt.Errorf("account: exists: %w", err)
	}
	return exists, nil
}

// PromotePlatformAdmin makes an existing account a platform admin. Its
// password, name and salons stay as they are. Promoting an admin again
// changes nothing and is not logged twice.
func (s *Service) PromotePlatformAdmin(ctx context.Context, by, email string) error {
	email = NormalizeEmail(email)
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := accountByEmailTx(ctx, tx, email)
		if err != nil {
			return err
		}
		is, err := tx.PlatformAdminIs(ctx, u.ID)
		if err != nil || is {
			return err
		}
		if err := tx.PlatformAdminCreate(ctx, u.ID); err != nil {
			return err
		}
		return auditAdmin(ctx, tx, by, AuditAdminPromote, u.ID, email)
	})
	if err != nil {
		return fmt.Errorf("account: promote platform admin: %w", err)
	}
	return nil
}

// RemovePlatformAdmin takes platform admin rights away from an account; the
// account itself, its password and its salons stay. The last platform admin
// cannot be removed (admin.last): the platform would have nobody to run it.
func (s *Service) RemovePlatformAdmin(ctx context.Context, by, email string) error {
	email = NormalizeEmail(email)
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := accountByEmailTx(ctx, tx, email)
		if err != nil {
			return err
		}
		if err := tx.PlatformAdminLock(ctx); err != nil {
			return err
		}
		admins, err := tx.PlatformAdminIDs(ctx)
		if err != nil {
			return err
		}
		found := false
		for _, id := range admins {
			found = found || id == u.ID
		}
		if !found {
			return apperr.New(apperr.NotFound, "admin.not_admin", email)
		}
		if len(admins) == 1 {
			return apperr.New(apperr.Conflict, "admin.last", email)
		}
		if _, err := tx.PlatformAdminDelete(ctx, u.ID); err != nil {
			return err
		}
		return auditAdmin(ctx, tx, by, AuditAdminRemove, u.ID, email)
	})
	if err != nil {
		return fmt.Errorf("account: remove platform admin: %w", err)
	}
	return nil
}

// PlatformAdmins lists the platform admins, oldest first.
func (s *Service) PlatformAdmins(ctx context.Context) ([]PlatformAdmin, error) {
	var out []PlatformAdmin
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		rows, err := tx.PlatformAdminList(ctx)
		for _, r := range rows {
			out = append(out, PlatformAdmin{UserID: r.ID, Email: r.Email, Name: r.Name, Since: r.CreatedAt})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("account: platform admins: %w", err)
	}
	return out, nil
}

// EnsurePlatformAdmin creates the account as a platform admin if no account
// uses the email, and leaves an existing one exactly as it is (the demo seed,
// run at every start).
func (s *Service) EnsurePlatformAdmin(ctx context.Context, by, email, name, password string) error {
	exists, err := s.AccountExists(ctx, email)
	if err != nil || exists {
		return err
	}
	_, err = s.CreatePlatformAdmin(ctx, by, email, name, password)
	if apperr.Is(err, apperr.Conflict) {
		return nil // created meanwhile by another instance
	}
	return err
}

// AuditAdminSignedIn records that a platform admin signed in, from where.
func (s *Service) AuditAdminSignedIn(ctx context.Context, userID uuid.UUID, ip string) error {
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := tx.UserGet(ctx, userID)
		if err != nil {
			return err
		}
		return tx.AuditInsert(ctx, dbq.AuditInsertParams{ActorUserID: &u.ID, ActorEmail: u.Email, Action: AuditAdminSignIn,
			Detail: []byte(`{}`), Ip: ip})
	})
	if err != nil {
		return fmt.Errorf("account: audit admin sign-in: %w", err)
	}
	return nil
}

func auditAdmin(ctx context.Context, tx store.Tx, by, action string, userID uuid.UUID, email string) error {
	detail, _ := json.Marshal(map[string]string{"email": email, "user_id": userID.String()})
	return tx.AuditInsert(ctx, dbq.AuditInsertParams{ActorEmail: by, Action: action, Detail: detail})
}

// accountByEmailTx is the account the command line names; none is a
// sentence for the operator (admin.no_account), not a bare "not found".
func accountByEmailTx(ctx context.Context, tx store.Tx, email string) (dbq.User, error) {
	u, err := tx.UserGetByEmail(ctx, email)
	if store.IsNotFound(err) {
		return dbq.User{}, apperr.New(apperr.NotFound, "admin.no_account", email)
	}
	return u, err
}
