package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/views/auth"
	"github.com/carnet-salon/carnet/views/ui"
)

func (s *Server) handleInviteForm(c *fiber.Ctx) error {
	token := c.Params("token")
	v, err := s.Accounts.LookupInvitation(ctx(c), token)
	if apperr.Is(err, apperr.NotFound) {
		c.Status(fiber.StatusNotFound)
		return s.render(c, auth.InviteInvalidPage(), nil)
	}
	if err != nil {
		return err
	}
	return s.render(c, auth.InvitePage(ui.NewForm(), token, v), nil)
}

func (s *Server) handleInviteAccept(c *fiber.Ctx) error {
	if err := s.allow(c, limitInviteIP, s.limitKey(c)); err != nil {
		return err
	}
	token := c.Params("token")
	f := formFrom(c, "name")
	id, salonID, err := s.Accounts.AcceptInvitation(ctx(c), token, account.AcceptInput{Name: f.Get("name"), Password: c.FormValue("password")})
	if apperr.Is(err, apperr.NotFound) {
		c.Status(fiber.StatusNotFound)
		return s.render(c, auth.InviteInvalidPage(), nil)
	}
	if err != nil {
		if !refused(c, &f, err) {
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
	return s.redirect(c, "/app")
}
