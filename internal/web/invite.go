package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/auth"
	"github.com/carnet-salon/carnet/views/ui"
)

// acceptForm is the invitation page's form as typed; its fields are the
// answer's own.
type acceptForm struct {
	Name     string `form:"name"`
	Password string `form:"password"`
}

// inviteRefused renders why an invitation link cannot be used now: gone, or
// waiting for its suspended salon. Other errors are left to the caller.
func (s *Server) inviteRefused(c *fiber.Ctx, err error) (bool, error) {
	if apperr.Is(err, apperr.NotFound) {
		c.Status(fiber.StatusNotFound)
		return true, s.render(c, auth.InviteInvalidPage(), nil)
	}
	if name, ok := account.InvitationSuspended(err); ok {
		c.Status(fiber.StatusForbidden)
		return true, s.render(c, auth.InviteSuspendedPage(name), nil)
	}
	return false, nil
}

func (s *Server) handleInviteForm(c *fiber.Ctx) error {
	token := c.Params("token")
	v, err := s.Accounts.LookupInvitation(ctx(c), token)
	if done, rerr := s.inviteRefused(c, err); done {
		return rerr
	}
	if err != nil {
		return err
	}
	return s.render(c, auth.InvitePage(formView(acceptForm{}), token, v), nil)
}

func (s *Server) handleInviteAccept(c *fiber.Ctx) error {
	token := c.Params("token")
	var af acceptForm
	if err := decodeForm(c, &af); err != nil {
		return err
	}
	id, salonID, err := s.Accounts.AcceptInvitation(ctx(c), token, account.AcceptInput{Name: af.Name, Password: af.Password})
	if done, rerr := s.inviteRefused(c, err); done {
		return rerr
	}
	if err != nil {
		var f ui.Form
		if !refusedForm(c, &f, af, err) {
			return err
		}
		v, lerr := s.Accounts.LookupInvitation(ctx(c), token)
		if lerr != nil {
			return lerr
		}
		return s.render(c, auth.InvitePage(f, token, v), nil)
	}
	salons, err := s.Accounts.Salons(ctx(c), id.UserID)
	if err != nil {
		return err
	}
	if err := s.startSession(c, Session{UserID: id.UserID, SalonID: salonID, IsAdmin: id.IsAdmin, SalonCount: len(salons)}); err != nil {
		return err
	}
	s.flash(c, "flash.joined")
	return s.redirect(c, urls.App())
}
