package account

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Audit log actions on platform admins' second factor.
const (
	AuditAdminTwoFactorEnrol = "admins.2fa_enrol"
	AuditAdminSignInTOTP     = "admins.sign_in_totp"
	AuditAdminRecoveryUsed   = "admins.recovery_code_used"
	AuditAdminTwoFactorReset = "admins.2fa_reset"
)

// RecoveryCodeCount is how many single-use recovery codes an admin gets.
const RecoveryCodeCount = 10

const totpPeriod = 30 // seconds, what every authenticator app assumes

// ErrBadCode answers a wrong, replayed or used code alike, beside the field.
var ErrBadCode = apperr.Fields{"code": "twofactor.bad_code"}.Err()

// Enrolment is a secret being set up, for the admin's authenticator app.
type Enrolment struct {
	Secret  string // base32, to type by hand
	URL     string // otpauth://, for the QR code
	Pending []byte // the secret sealed, for the session that set it up
}

// TwoFactorEnrolled reports whether the admin has confirmed a second factor.
func (s *Service) TwoFactorEnrolled(ctx context.Context, userID uuid.UUID) (bool, error) {
	var ok bool
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		t, err := tx.AdminTOTPGet(ctx, userID)
		if store.IsNotFound(err) {
			return nil
		}
		ok = err == nil && t.ConfirmedAt != nil
		return err
	})
	if err != nil {
		return false, fmt.Errorf("account: two-factor enrolled: %w", err)
	}
	return ok, nil
}

// StartEnrolment gives the admin a secret to add to their app. The secret
// lives sealed in the session that asked for it (pending), never in the
// database until confirmed: a secret shown to one session is never shown to
// another, so someone who phished the password and opened this page first
// cannot read the secret the real admin will scan. A confirmed second factor
// is never replaced here (carnet admin reset-2fa does that).
func (s *Service) StartEnrolment(ctx context.Context, userID uuid.UUID, pending []byte) (Enrolment, error) {
	var e Enrolment
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := tx.UserGet(ctx, userID)
		if err != nil {
			return err
		}
		t, err := tx.AdminTOTPGet(ctx, userID)
		switch {
		case err == nil && t.ConfirmedAt != nil:
			return apperr.New(apperr.Conflict, "twofactor.already")
		case err != nil && !store.IsNotFound(err):
			return err
		}
		if raw, err := s.Box.Open(pending, userID[:]); err == nil && len(pending) > 0 {
			e.Secret, e.Pending = string(raw), pending
		} else {
			key, err := totp.Generate(totp.GenerateOpts{Issuer: "Carnet", AccountName: u.Email})
			if err != nil {
				return err
			}
			e.Secret = key.Secret()
			e.Pending = s.Box.Seal([]byte(e.Secret), userID[:])
		}
		e.URL = otpURL(e.Secret, u.Email)
		return nil
	})
	if err != nil {
		return Enrolment{}, fmt.Errorf("account: start two-factor enrolment: %w", err)
	}
	return e, nil
}

func otpURL(secretB32, email string) string {
	v := url.Values{"secret": {secretB32}, "issuer": {"Carnet"}, "algorithm": {"SHA1"}, "digits": {"6"}, "period": {"30"}}
	return (&url.URL{Scheme: "otpauth", Host: "totp", Path: "/Carnet:" + email, RawQuery: v.Encode()}).String()
}

// ConfirmEnrolment checks a code from the admin's app against the pending
// secret and, when it matches, turns the second factor on and returns the
// recovery codes: shown once, only their hashes are kept.
func (s *Service) ConfirmEnrolment(ctx context.Context, userID uuid.UUID, pending []byte, code, ip string) ([]string, error) {
	codes := make([]string, RecoveryCodeCount)
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		if _, err := s.Box.Open(pending, userID[:]); err != nil || len(pending) == 0 {
			return ErrBadCode // no secret was shown to this session
		}
		step, ok, err := s.matchStep(dbq.AdminTotp{SecretEnc: pending}, userID, code)
		if err != nil || !ok {
			return firstErr(err, ErrBadCode)
		}
		if err := tx.AdminTOTPPending(ctx, dbq.AdminTOTPPendingParams{UserID: userID, SecretEnc: pending}); err != nil {
			return err
		}
		n, err := tx.AdminTOTPConfirm(ctx, dbq.AdminTOTPConfirmParams{UserID: userID, Now: s.Clock.Now(), Step: step})
		if err != nil || n == 0 {
			return firstErr(err, apperr.New(apperr.Conflict, "twofactor.already"))
		}
		if err := tx.AdminRecoveryCodeDeleteForUser(ctx, userID); err != nil {
			return err
		}
		for i := range codes {
			codes[i] = newRecoveryCode()
			if err := tx.AdminRecoveryCodeCreate(ctx, dbq.AdminRecoveryCodeCreateParams{UserID: userID,
				CodeHash: secret.Hash(normalizeRecovery(codes[i]))}); err != nil {
				return err
			}
		}
		return auditSelf(ctx, tx, userID, AuditAdminTwoFactorEnrol, ip, nil)
	})
	if err != nil {
		return nil, fmt.Errorf("account: confirm two-factor enrolment: %w", err)
	}
	return codes, nil
}

// VerifySecondFactor checks the second step of an admin's sign-in: a code
// from their app, never one already accepted (not even within its own 30
// seconds), or one of their recovery codes, once.
func (s *Service) VerifySecondFactor(ctx context.Context, userID uuid.UUID, code, ip string) error {
	code = strings.TrimSpace(code)
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		if isTOTPCode(code) {
			t, err := tx.AdminTOTPGet(ctx, userID)
			if err != nil || t.ConfirmedAt == nil {
				return firstErr(err, ErrBadCode)
			}
			step, ok, err := s.matchStep(t, userID, code)
			if err != nil || !ok {
				return firstErr(err, ErrBadCode)
			}
			n, err := tx.AdminTOTPUseStep(ctx, dbq.AdminTOTPUseStepParams{UserID: userID, Step: step})
			if err != nil || n == 0 {
				return firstErr(err, ErrBadCode)
			}
			return auditSelf(ctx, tx, userID, AuditAdminSignInTOTP, ip, nil)
		}
		n, err := tx.AdminRecoveryCodeUse(ctx, dbq.AdminRecoveryCodeUseParams{UserID: userID,
			CodeHash: secret.Hash(normalizeRecovery(code)), Now: s.Clock.Now()})
		if err != nil || n == 0 {
			return firstErr(err, ErrBadCode)
		}
		left, err := tx.AdminRecoveryCodesLeft(ctx, userID)
		if err != nil {
			return err
		}
		return auditSelf(ctx, tx, userID, AuditAdminRecoveryUsed, ip, map[string]any{"codes_left": left})
	})
	if err != nil {
		return fmt.Errorf("account: second factor: %w", err)
	}
	return nil
}

// ResetSecondFactor removes an admin's second factor and recovery codes (a
// lost phone): they enrol again at their next visit to /admin.
func (s *Service) ResetSecondFactor(ctx context.Context, by, email string) error {
	email = NormalizeEmail(email)
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		u, err := accountByEmailTx(ctx, tx, email)
		if err != nil {
			return err
		}
		if is, err := tx.PlatformAdminIs(ctx, u.ID); err != nil || !is {
			return firstErr(err, apperr.New(apperr.NotFound, "admin.not_admin", email))
		}
		if _, err := tx.AdminTOTPDelete(ctx, u.ID); err != nil {
			return err
		}
		if err := tx.AdminRecoveryCodeDeleteForUser(ctx, u.ID); err != nil {
			return err
		}
		return auditAdmin(ctx, tx, by, AuditAdminTwoFactorReset, u.ID, email)
	})
	if err != nil {
		return fmt.Errorf("account: reset second factor: %w", err)
	}
	return nil
}

// matchStep finds the 30-second step, among the current one and its two
// neighbours (clocks drift), whose code is the one typed.
func (s *Service) matchStep(t dbq.AdminTotp, userID uuid.UUID, code string) (int64, bool, error) {
	if !isTOTPCode(code) {
		return 0, false, nil
	}
	raw, err := s.Box.Open(t.SecretEnc, userID[:])
	if err != nil {
		return 0, false, err
	}
	now := s.Clock.Now().Unix() / totpPeriod
	for _, step := range []int64{now - 1, now, now + 1} {
		want, err := totp.GenerateCodeCustom(string(raw), time.Unix(step*totpPeriod, 0),
			totp.ValidateOpts{Period: totpPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err != nil {
			return 0, false, err
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return step, true, nil
		}
	}
	return 0, false, nil
}

func isTOTPCode(code string) bool {
	if len(code) != 6 {
		return false
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// newRecoveryCode is 50 random bits as two groups of five letters or digits.
func newRecoveryCode() string {
	b := make([]byte, 7)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	s := strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))[:10]
	return s[:5] + "-" + s[5:]
}

// normalizeRecovery accepts a code typed with capitals, spaces or without its dash.
func normalizeRecovery(code string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(code)))
}

func auditSelf(ctx context.Context, tx store.Tx, userID uuid.UUID, action, ip string, detail map[string]any) error {
	u, err := tx.UserGet(ctx, userID)
	if err != nil {
		return err
	}
	raw := []byte(`{}`)
	if detail != nil {
		raw, _ = json.Marshal(detail)
	}
	return tx.AuditInsert(ctx, dbq.AuditInsertParams{ActorUserID: &u.ID, ActorEmail: u.Email, Action: action, Detail: raw, Ip: ip})
}

func firstErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}
