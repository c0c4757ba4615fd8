package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/views/auth"
	"github.com/carnet-salon/carnet/views/ui"
)

func (s *Server) handlePasswordForgotForm(c *fiber.Ctx) error {
	return s.render(c, auth.ForgotPage(ui.NewForm(), false), nil)
}

// handlePasswordForgot always says a link was sent, so the page cannot be
// used to learn which emails have accounts.
func (s *Server) handlePasswordForgot(c *fiber.Ctx) error {
	f := formFrom(c, "email")
	email := account.NormalizeEmail(f.Get("email"))
	if k := account.CheckEmail(email); k != "" {
		f.Errors.Add("email", k)
		c.Status(fiber.StatusUnprocessableEntity)
		return s.render(c, auth.ForgotPage(f, false), nil)
	}
	if err := s.allow(c, limitResetIP, s.limitKey(c)); err != nil {
		return err
	}
	d, err := s.Limiter.Allow(ctx(c), limitResetEmail, email)
	if err != nil {
		return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	if d.Allowed {
		if err := s.Accounts.RequestPasswordReset(ctx(c), email); err != nil {
			return err
		}
	}
	return s.render(c, auth.ForgotPage(f, true), nil)
}

func (s *Server) handlePasswordResetForm(c *fiber.Ctx) error {
	token := c.Params("token")
	valid, err := s.Accounts.PasswordResetLinkValid(ctx(c), token)
	if err != nil {
		return err
	}
	if !valid {
		c.Status(fiber.StatusNotFound)
	}
	return s.render(c, auth.ResetPage(ui.NewForm(), token, valid), nil)
}

func (s *Server) handlePasswordReset(c *fiber.Ctx) error {
	token := c.Params("token")
	f := formFrom(c)
	userID, err := s.Accounts.ResetPassword(ctx(c), token, c.FormValue("password"))
	if apperr.Is(err, apperr.NotFound) {
		c.Status(fiber.StatusNotFound)
		return s.render(c, auth.ResetPage(f, token, false), nil)
	}
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.render(c, auth.ResetPage(f, token, true), nil)
	}
	// Whoever knew the old password is logged out everywhere.
	if err := s.sessions.DeleteUser(ctx(c), userID); err != nil {
		return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	s.clearSessionCookie(c)
	return s.redirect(c, "/login?reset=1")
}
