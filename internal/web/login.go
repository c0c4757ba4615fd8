package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/auth"
	"github.com/carnet-salon/carnet/views/ui"
)

func (s *Server) handleLoginForm(c *fiber.Ctx) error {
	notice := ""
	if c.Query("reset") == "1" {
		notice = "flash.password_reset"
	}
	f := ui.NewForm()
	f.Values["next"] = c.Query("next")
	return s.render(c, auth.LoginPage(f, notice), nil)
}

func (s *Server) handleLogin(c *fiber.Ctx) error {
	f := formFrom(c, "email", "password", "next")
	email := account.NormalizeEmail(f.Get("email"))
	id, salons, err := s.Accounts.Login(ctx(c), email, f.Get("password"))
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		delete(f.Values, "password")
		return s.render(c, auth.LoginPage(f, ""), nil)
	}
	// The route counted this attempt against the address; a success clears it.
	_ = s.Limiter.Reset(ctx(c), limitLoginEmail, email)

	sess := Session{UserID: id.UserID, IsAdmin: id.IsAdmin, SalonCount: len(salons)}
	next := urls.Admin()
	if len(salons) > 0 {
		sess.SalonID = salons[0].SalonID
		next = urls.App()
	}
	if err := s.startSession(c, sess); err != nil {
		return err
	}
	return s.redirect(c, safeNext(f.Get("next"), next))
}

// startSession logs the user in under a brand-new session id and CSRF token.
// A platform admin crosses salons: each of their sign-ins is in the audit
// log, or the sign-in does not happen.
func (s *Server) startSession(c *fiber.Ctx, sess Session) error {
	if sess.IsAdmin {
		if err := s.Accounts.AuditAdminSignedIn(ctx(c), sess.UserID, s.clientIP(c)); err != nil {
			return err
		}
	}
	return s.issueSession(c, sess)
}

// issueSession stores the session under a new id, ending the visitor's old one.
func (s *Server) issueSession(c *fiber.Ctx, sess Session) error {
	if old := c.Cookies(sessionCookie); old != "" {
		_ = s.sessions.Delete(ctx(c), old)
	}
	id, err := s.sessions.Create(ctx(c), sess)
	if err != nil {
		return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: id, Path: "/", HTTPOnly: true,
		Secure: s.cfg.Secure(), SameSite: fiber.CookieSameSiteLaxMode})
	s.setCSRFCookie(c)
	return nil
}

func (s *Server) clearSessionCookie(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HTTPOnly: true,
		Secure: s.cfg.Secure(), SameSite: fiber.CookieSameSiteLaxMode})
}

func (s *Server) handleLogout(c *fiber.Ctx) error {
	if id := c.Cookies(sessionCookie); id != "" {
		if err := s.sessions.Delete(ctx(c), id); err != nil {
			return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
		}
	}
	s.clearSessionCookie(c)
	s.setCSRFCookie(c)
	return s.redirect(c, urls.Login())
}

// switchSalon points the session at another salon the user belongs to.
func (s *Server) switchSalon(c *fiber.Ctx, sess *Session, salonID uuid.UUID, count int) error {
	sess.SalonID = salonID
	sess.SalonCount = count
	return s.sessions.Update(ctx(c), *sess)
}
