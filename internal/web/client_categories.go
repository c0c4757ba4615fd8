package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/views/clients"
	"github.com/carnet-salon/carnet/views/ui"
)

var categoryFields = []string{"name", "payment_mode", "discount", "default"}

func categoryInput(f ui.Form) customer.CategoryInput {
	return customer.CategoryInput{Name: f.Get("name"), PaymentMode: f.Get("payment_mode"), Discount: f.Get("discount"), Default: f.Get("default") != ""}
}

func (s *Server) categoriesPage(c *fiber.Ctx, v clients.CategoriesView) error {
	var err error
	if v.Categories, err = s.Customers.Categories(ctx(c), currentSalon(c).ID); err != nil {
		return err
	}
	v.CanManage = account.CanManageTeam(member(c).Role)
	if v.F.Values == nil {
		v.F = ui.NewForm()
	}
	return s.render(c, clients.CategoriesPage(v), nil)
}

func (s *Server) handleCategories(c *fiber.Ctx) error {
	return s.categoriesPage(c, clients.CategoriesView{})
}

// requireManager refuses owner-only set-up to other staff (they read it).
func requireManager(c *fiber.Ctx) error {
	if !account.CanManageTeam(member(c).Role) {
		return apperr.New(apperr.Forbidden, "settings.forbidden")
	}
	return nil
}

func (s *Server) handleCategoryCreateClients(c *fiber.Ctx) error {
	if err := requireManager(c); err != nil {
		return err
	}
	f := formFrom(c, categoryFields...)
	if err := s.Customers.SaveCategory(ctx(c), currentSalon(c).ID, uuid.Nil, categoryInput(f)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.categoriesPage(c, clients.CategoriesView{F: f})
	}
	s.flash(c, "flash.client_category_saved")
	return s.redirect(c, "/app/clients/categories")
}

func (s *Server) handleCategoryUpdateClients(c *fiber.Ctx) error {
	id, err := uuid.Parse(c.Params("id"))
	if err != nil {
		return apperr.ErrNotFound
	}
	if err := requireManager(c); err != nil {
		return err
	}
	f := formFrom(c, categoryFields...)
	if err := s.Customers.SaveCategory(ctx(c), currentSalon(c).ID, id, categoryInput(f)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.categoriesPage(c, clients.CategoriesView{EditID: id.String(), EditF: f})
	}
	s.flash(c, "flash.client_category_saved")
	return s.redirect(c, "/app/clients/categories")
}

func (s *Server) handleCategoryDeleteClients(c *fiber.Ctx) error {
	id, err := uuid.Parse(c.Params("id"))
	if err != nil {
		return apperr.ErrNotFound
	}
	if err := requireManager(c); err != nil {
		return err
	}
	if err := s.Customers.DeleteCategory(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.client_category_deleted")
	return s.redirect(c, "/app/clients/categories")
}

// handleClientReport compares categories, over the last 90 days by default.
func (s *Server) handleClientReport(c *fiber.Ctx) error {
	sal := currentSalon(c)
	loc := sal.Location()
	now := s.Clock.Now().In(loc)
	to := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, loc)
	from := to.AddDate(0, 0, -90)
	if d, err := time.ParseInLocation(time.DateOnly, c.Query("from"), loc); err == nil {
		from = d
	}
	if d, err := time.ParseInLocation(time.DateOnly, c.Query("to"), loc); err == nil && !d.Before(from) {
		to = d.AddDate(0, 0, 1)
	}
	rows, err := s.Customers.Report(ctx(c), sal.ID, from, to)
	if err != nil {
		return err
	}
	return s.render(c, clients.ReportPage(clients.ReportView{From: from, To: to, Rows: rows, Currency: sal.Currency, Lang: i18n.LangFrom(ctx(c))}), nil)
}
