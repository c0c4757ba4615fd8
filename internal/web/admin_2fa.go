package web

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"net/url"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"
	"rsc.io/qr"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/admin"
	"github.com/carnet-salon/carnet/views/ui"
)

// requireAdminPassword lets through a platform admin who has given their
// password, second factor or not: the pages that set it up or ask for it.
// Everyone else gets 404, as for every /admin page.
func (s *Server) requireAdminPassword(c *fiber.Ctx) error {
	if _, err := s.platformAdmin(c); err != nil {
		return err
	}
	return c.Next()
}

// platformAdmin is the session of a platform admin who gave their password,
// admin rights re-read on every request so that revoking them takes effect
// at once; anyone else is not found, as if /admin did not exist.
func (s *Server) platformAdmin(c *fiber.Ctx) (*Session, error) {
	if err, ok := c.Locals(localSessErr).(error); ok {
		return nil, apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	sess := session(c)
	if sess == nil || !sess.IsAdmin {
		return nil, apperr.ErrNotFound
	}
	ok, err := s.Accounts.IsPlatformAdmin(ctx(c), sess.UserID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, apperr.ErrNotFound
	}
	return sess, nil
}

// toSecondFactor sends an admin without a proven second factor to the step
// they miss: setting one up, or giving a code.
func (s *Server) toSecondFactor(c *fiber.Ctx, sess *Session) error {
	enrolled, err := s.Accounts.TwoFactorEnrolled(ctx(c), sess.UserID)
	if err != nil {
		return err
	}
	if !enrolled {
		return s.redirect(c, urls.TwoFactorSetup())
	}
	return s.redirect(c, urls.TwoFactor()+"?next="+url.QueryEscape(c.OriginalURL()))
}

func (s *Server) handleTwoFactorForm(c *fiber.Ctx) error {
	sess := session(c)
	if sess.SecondFactor {
		return s.redirect(c, urls.Admin())
	}
	enrolled, err := s.Accounts.TwoFactorEnrolled(ctx(c), sess.UserID)
	if err != nil {
		return err
	}
	if !enrolled {
		return s.redirect(c, urls.TwoFactorSetup())
	}
	f := ui.NewForm()
	f.Values["next"] = c.Query("next")
	return s.render(c, admin.TwoFactorStep(f), nil)
}

// handleTwoFactor checks a code from the admin's app or a recovery code,
// then gives the session a new id that carries the proof.
func (s *Server) handleTwoFactor(c *fiber.Ctx) error {
	sess := session(c)
	key := sess.UserID.String()
	f := formFrom(c, "code", "next")
	if err := s.Accounts.VerifySecondFactor(ctx(c), sess.UserID, f.Get("code"), s.clientIP(c)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		delete(f.Values, "code")
		return s.render(c, admin.TwoFactorStep(f), nil)
	}
	_ = s.Limiter.Reset(ctx(c), limitTwoFactor, key)
	if err := s.proveSecondFactor(c, *sess); err != nil {
		return err
	}
	return s.redirect(c, safeNext(f.Get("next"), urls.Admin()))
}

func (s *Server) handleTwoFactorSetup(c *fiber.Ctx) error {
	e, err := s.enrolment(c)
	if apperr.Is(err, apperr.Conflict) {
		return s.redirect(c, urls.TwoFactor())
	}
	if err != nil {
		return err
	}
	return s.renderTwoFactorSetup(c, e, ui.NewForm())
}

// enrolment is the secret this session is setting up, kept sealed in the
// session: the same on a reload or a refused code, and another session's
// own.
func (s *Server) enrolment(c *fiber.Ctx) (account.Enrolment, error) {
	sess := session(c)
	e, err := s.Accounts.StartEnrolment(ctx(c), sess.UserID, sess.PendingTOTP)
	if err != nil || bytes.Equal(e.Pending, sess.PendingTOTP) {
		return e, err
	}
	sess.PendingTOTP = e.Pending
	return e, s.sessions.Update(ctx(c), *sess)
}

// handleTwoFactorEnrol turns the second factor on with a first code and
// shows the recovery codes, this once (the answer is not cached: noStore).
func (s *Server) handleTwoFactorEnrol(c *fiber.Ctx) error {
	sess := session(c)
	f := formFrom(c, "code")
	codes, err := s.Accounts.ConfirmEnrolment(ctx(c), sess.UserID, sess.PendingTOTP, f.Get("code"), s.clientIP(c))
	if apperr.Is(err, apperr.Conflict) {
		return s.redirect(c, urls.TwoFactor())
	}
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		e, err := s.enrolment(c)
		if err != nil {
			return err
		}
		delete(f.Values, "code")
		return s.renderTwoFactorSetup(c, e, f)
	}
	if err := s.proveSecondFactor(c, *sess); err != nil {
		return err
	}
	return s.render(c, admin.RecoveryCodes(codes), nil)
}

func (s *Server) renderTwoFactorSetup(c *fiber.Ctx, e account.Enrolment, f ui.Form) error {
	code, err := qr.Encode(e.URL, qr.M)
	if err != nil {
		return fmt.Errorf("web: two-factor qr: %w", err)
	}
	code.Scale = 6
	src := templ.SafeURL("data:image/png;base64," + base64.StdEncoding.EncodeToString(code.PNG()))
	return s.render(c, admin.TwoFactorSetup(src, e.Secret, f), nil)
}

// proveSecondFactor replaces the session by one that carries the proof,
// under a new id: a session id seen before the second step is worth nothing.
func (s *Server) proveSecondFactor(c *fiber.Ctx, sess Session) error {
	sess.SecondFactor, sess.PendingTOTP = true, nil
	return s.issueSession(c, sess)
}
