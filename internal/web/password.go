package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/auth"
	"github.com/carnet-salon/carnet/views/ui"
)

// forgotForm and resetForm are the password pages' forms as typed.
type (
	forgotForm struct {
		Email string `form:"email"`
	}
	resetForm struct {
		Password string `form:"password"`
	}
)

func (s *Server) handlePasswordForgotForm(c *fiber.Ctx) error {
	return s.render(c, auth.ForgotPage(ui.NewForm(), false), nil)
}

// handlePasswordForgot always says a link was sent, so the page cannot be
// used to learn which emails have accounts.
func (s *Server) handlePasswordForgot(c *fiber.Ctx) error {
	var ff forgotForm
	if err := decodeForm(c, &ff); err != nil {
		return err
	}
	f := formView(ff)
	email := account.NormalizeEmail(ff.Email)
	if k := account.CheckEmail(email); k != "" {
		f.Errors.Add("email", k)
		c.Status(fiber.StatusUnprocessableEntity)
		return s.render(c, auth.ForgotPage(f, false), nil)
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
	var rf resetForm
	if err := decodeForm(c, &rf); err != nil {
		return err
	}
	userID, err := s.Accounts.ResetPassword(ctx(c), token, rf.Password)
	if apperr.Is(err, apperr.NotFound) {
		c.Status(fiber.StatusNotFound)
		return s.render(c, auth.ResetPage(ui.NewForm(), token, false), nil)
	}
	if err != nil {
		var f ui.Form
		if !refusedForm(c, &f, rf, err) {
			return err
		}
		return s.render(c, auth.ResetPage(f, token, true), nil)
	}
	// Whoever knew the old password is logged out everywhere.
	if err := s.sessions.DeleteOwner(ctx(c), userID); err != nil {
		return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	s.clearSessionCookie(c)
	return s.redirect(c, urls.Login()+"?reset=1")
}
