package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/urls"
	adminview "github.com/carnet-salon/carnet/views/admin"
	"github.com/carnet-salon/carnet/views/ui"
)

func (s *Server) adminActor(c *fiber.Ctx) admin.Actor {
	id, _ := c.Locals("carnet.admin").(account.Identity)
	return admin.Actor{UserID: id.UserID, Email: id.Email, IP: s.clientIP(c)}
}

func (s *Server) handleAdminSalons(c *fiber.Ctx) error {
	page, _ := strconv.Atoi(c.Query("page"))
	q := admin.ListQuery{Search: c.Query("q"), Status: c.Query("status"), Page: page}
	list, err := s.Admin.Salons(ctx(c), q)
	if err != nil {
		return err
	}
	return s.render(c, adminview.SalonsPage(list, q), adminview.SalonResults(list, q))
}

func (s *Server) handleAdminSalon(c *fiber.Ctx) error {
	return s.renderAdminSalon(c, ui.NewForm())
}

func (s *Server) renderAdminSalon(c *fiber.Ctx, f ui.Form) error {
	id, err := uuid.Parse(c.Params("id"))
	if err != nil {
		return apperr.ErrNotFound
	}
	d, err := s.Admin.Salon(ctx(c), s.adminActor(c), id)
	if err != nil {
		return err
	}
	return s.render(c, adminview.SalonPage(d, f), nil)
}

func (s *Server) handleAdminSalonSuspend(c *fiber.Ctx) error {
	id, err := uuid.Parse(c.Params("id"))
	if err != nil {
		return apperr.ErrNotFound
	}
	f := formFrom(c, "reason")
	if err := s.Admin.Suspend(ctx(c), s.adminActor(c), id, f.Get("reason")); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.renderAdminSalon(c, f)
	}
	s.flash(c, "flash.salon_suspended")
	return s.redirect(c, urls.AdminSalon(id))
}

func (s *Server) handleAdminSalonReactivate(c *fiber.Ctx) error {
	id, err := uuid.Parse(c.Params("id"))
	if err != nil {
		return apperr.ErrNotFound
	}
	if err := s.Admin.Reactivate(ctx(c), s.adminActor(c), id); err != nil {
		return err
	}
	s.flash(c, "flash.salon_reactivated")
	return s.redirect(c, urls.AdminSalon(id))
}

func (s *Server) handleAdminAudit(c *fiber.Ctx) error {
	page, _ := strconv.Atoi(c.Query("page"))
	q := admin.AuditQuery{Salon: c.Query("salon"), Admin: c.Query("admin"), Action: c.Query("action"), Page: page}
	log, err := s.Admin.Audit(ctx(c), q)
	if err != nil {
		return err
	}
	return s.render(c, adminview.AuditPage(log, q), nil)
}

func (s *Server) handleAdminBusiness(c *fiber.Ctx) error {
	b, err := s.Admin.Business(ctx(c))
	if err != nil {
		return err
	}
	return s.render(c, adminview.BusinessPage(b), nil)
}
