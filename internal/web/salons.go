package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/views/app"
	"github.com/carnet-salon/carnet/views/layout"
)

func (s *Server) handleSalonsList(c *fiber.Ctx) error {
	sess := session(c)
	salons, err := s.Accounts.Salons(ctx(c), sess.UserID)
	if err != nil {
		return err
	}
	id, err := s.Accounts.User(ctx(c), sess.UserID)
	if err != nil {
		return err
	}
	req(c).User = &layout.User{Name: id.Name, Email: id.Email}
	if len(salons) == 0 && !id.IsAdmin {
		return apperr.New(apperr.Forbidden, "login.no_salon")
	}
	return s.render(c, app.SalonsPage(salons, sess.SalonID.String()), nil)
}

// handleSalonSwitch opens another salon of the user's. A salon they do not
// belong to is simply not found.
func (s *Server) handleSalonSwitch(c *fiber.Ctx) error {
	sess := session(c)
	target, err := uuid.Parse(c.FormValue("salon_id"))
	if err != nil {
		return apperr.ErrNotFound
	}
	salons, err := s.Accounts.Salons(ctx(c), sess.UserID)
	if err != nil {
		return err
	}
	for _, m := range salons {
		if m.SalonID == target {
			if !m.Active() {
				return apperr.New(apperr.Forbidden, "login.suspended", m.Name, m.StatusReason)
			}
			if err := s.switchSalon(c, sess, target, len(salons)); err != nil {
				return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
			}
			s.flash(c, "flash.salon_switched")
			return s.redirect(c, "/app")
		}
	}
	return apperr.ErrNotFound
}
