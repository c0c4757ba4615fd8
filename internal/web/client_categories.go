package web

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/clients"
	"github.com/carnet-salon/carnet/views/ui"
)

// categoryForm is the client category form as typed.
type categoryForm struct {
	Name        string `form:"name"`
	PaymentMode string `form:"payment_mode"`
	Discount    string `form:"discount" field:"DiscountBP"`
	Default     string `form:"default"`
}

// input parses the form; problems are keyed by the form's field names.
func (f categoryForm) input() (customer.CategoryInput, apperr.Fields) {
	errs := apperr.Fields{}
	in := customer.CategoryInput{Name: f.Name, PaymentMode: f.PaymentMode, Default: f.Default != ""}
	if strings.TrimSpace(f.Discount) != "" {
		bp, err := money.ParsePercent(f.Discount)
		if err != nil {
			errs.Add("discount", "clientcats.discount.range")
		}
		in.DiscountBP = bp
	}
	return in, errs
}

// saveCategory creates (id Nil) or updates a category from the posted form;
// on a refusal, ok is false and f holds the form to show again.
func (s *Server) saveCategory(c *fiber.Ctx, id uuid.UUID, f *ui.Form) (ok bool, err error) {
	var cf categoryForm
	if err := decodeForm(c, &cf); err != nil {
		return false, err
	}
	in, edge := cf.input()
	sal := currentSalon(c).ID
	err = submit(edge, in.Check, func() error { return s.Customers.SaveCategory(ctx(c), sal, id, in) })
	if err != nil && !refusedForm(c, f, cf, err) {
		return false, err
	}
	return err == nil, nil
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

func (s *Server) handleCategoryCreateClients(c *fiber.Ctx) error {
	var f ui.Form
	if ok, err := s.saveCategory(c, uuid.Nil, &f); !ok {
		if err != nil {
			return err
		}
		return s.categoriesPage(c, clients.CategoriesView{F: f})
	}
	s.flash(c, "flash.client_category_saved")
	return s.redirect(c, urls.ClientCategories())
}

func (s *Server) handleCategoryUpdateClients(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return apperr.ErrNotFound
	}
	var f ui.Form
	if ok, err := s.saveCategory(c, id, &f); !ok {
		if err != nil {
			return err
		}
		return s.categoriesPage(c, clients.CategoriesView{EditID: id.String(), EditF: f})
	}
	s.flash(c, "flash.client_category_saved")
	return s.redirect(c, urls.ClientCategories())
}

func (s *Server) handleCategoryDeleteClients(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return apperr.ErrNotFound
	}
	if err := s.Customers.DeleteCategory(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.client_category_deleted")
	return s.redirect(c, urls.ClientCategories())
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
