package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/app"
	"github.com/carnet-salon/carnet/views/layout"
	"github.com/carnet-salon/carnet/views/ui"
)

func (s *Server) handleSalonsList(c *fiber.Ctx) error {
	sess := session(c)
	salons, err := s.Accounts.Salons(ctx(c), sess.UserID)
	if err != nil {
		return err
	}
	id, err := s.userChrome(c)
	if err != nil {
		return err
	}
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
			return s.redirect(c, urls.App())
		}
	}
	return apperr.ErrNotFound
}

var newSalonFields = []string{"salon_name", "slug"}

// handleSalonNew shows the form to open another salon.
func (s *Server) handleSalonNew(c *fiber.Ctx) error {
	if _, err := s.userChrome(c); err != nil {
		return err
	}
	return s.render(c, app.NewSalonPage(ui.NewForm(), s.publicPrefix()), nil)
}

// handleSalonCreate opens another salon owned by the user and takes them
// there; a refused form comes back filled.
func (s *Server) handleSalonCreate(c *fiber.Ctx) error {
	sess := session(c)
	f := formFrom(c, newSalonFields...)
	id, err := s.Accounts.OpenSalon(ctx(c), sess.UserID, account.NewSalonInput{SalonName: f.Get("salon_name"), Slug: f.Get("slug"),
		Lang: i18n.LangFrom(ctx(c))})
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		if _, err := s.userChrome(c); err != nil {
			return err
		}
		return s.render(c, app.NewSalonPage(f, s.publicPrefix()), nil)
	}
	salons, err := s.Accounts.Salons(ctx(c), sess.UserID)
	if err != nil {
		return err
	}
	if err := s.switchSalon(c, sess, id, len(salons)); err != nil {
		return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	s.flash(c, "flash.salon_opened")
	return s.redirect(c, urls.App())
}

// userChrome names the signed-in user in the header of pages outside a
// salon, and returns them.
func (s *Server) userChrome(c *fiber.Ctx) (account.Identity, error) {
	u, err := s.Accounts.User(ctx(c), session(c).UserID)
	if err != nil {
		return u, err
	}
	req(c).User = &layout.User{Name: u.Name, Email: u.Email}
	return u, nil
}
