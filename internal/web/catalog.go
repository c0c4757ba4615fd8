package web

import (
	"context"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/views/settings"
	"github.com/carnet-salon/carnet/views/ui"
)

var serviceFields = []string{"category_id", "name", "description", "duration", "buffer", "price", "online_bookable",
	"payment_mode", "deposit_kind", "deposit_value"}

func serviceInput(f ui.Form) catalog.ServiceInput {
	return catalog.ServiceInput{CategoryID: f.Get("category_id"), Name: f.Get("name"), Description: f.Get("description"),
		Duration: f.Get("duration"), Buffer: f.Get("buffer"), Price: f.Get("price"),
		OnlineBookable: f.Get("online_bookable") != "", PaymentMode: f.Get("payment_mode"),
		DepositKind: f.Get("deposit_kind"), DepositValue: f.Get("deposit_value")}
}

// serviceForm fills the form with a saved service, as the salon would type it.
func serviceForm(c *fiber.Ctx, svc catalog.Service) ui.Form {
	f := ui.NewForm()
	f.Values["name"], f.Values["description"] = svc.Name, svc.Description
	if svc.CategoryID != nil {
		f.Values["category_id"] = svc.CategoryID.String()
	}
	f.Values["duration"] = strconv.Itoa(int(svc.Duration / time.Minute))
	f.Values["buffer"] = strconv.Itoa(int(svc.Buffer / time.Minute))
	f.Values["price"] = money.New(svc.PriceCents, currentSalon(c).Currency).Plain(i18n.LangFrom(ctx(c)))
	if svc.OnlineBookable {
		f.Values["online_bookable"] = "on"
	}
	f.Values["payment_mode"], f.Values["deposit_kind"] = "default", "percent"
	if svc.Rule != nil {
		settings.RuleValues(ctx(c), f, *svc.Rule, currentSalon(c).Currency)
	}
	return f
}

// servicesPage shows the menu; f answers the category form that was posted
// (renaming: the id of the category being renamed).
func (s *Server) servicesPage(c *fiber.Ctx, f ui.Form, renaming string) error {
	sal := currentSalon(c)
	v := settings.ServicesView{Currency: sal.Currency, CanManage: canSetUp(c), Renaming: renaming}
	var err error
	if v.Categories, err = s.Catalog.Categories(ctx(c), sal.ID); err != nil {
		return err
	}
	if renaming != "" && !hasCategory(v.Categories, renaming) {
		return apperr.ErrNotFound
	}
	if v.Services, err = s.Catalog.Services(ctx(c), sal.ID); err != nil {
		return err
	}
	set, err := s.Salons.Settings(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	v.DefaultRule = set.DefaultRule
	return s.render(c, settings.ServicesPage(v, f), nil)
}

func hasCategory(cats []catalog.Category, id string) bool {
	for _, c := range cats {
		if c.ID.String() == id {
			return true
		}
	}
	return false
}

// serviceFormPage shows the new or edit form; svc is nil for a new service.
func (s *Server) serviceFormPage(c *fiber.Ctx, svc *catalog.Service, f ui.Form) error {
	cats, err := s.Catalog.Categories(ctx(c), currentSalon(c).ID)
	if err != nil {
		return err
	}
	v := settings.ServiceFormView{Categories: cats, Currency: currentSalon(c).Currency, CanManage: canSetUp(c)}
	if svc != nil {
		v.ID, v.Name = svc.ID.String(), svc.Name
	}
	return s.render(c, settings.ServiceFormPage(v, f), nil)
}

// currentService loads the :id service, still on the menu, of this salon.
func (s *Server) currentService(c *fiber.Ctx) (catalog.Service, error) {
	id, err := setupID(c)
	if err != nil {
		return catalog.Service{}, err
	}
	svc, err := s.Catalog.Service(ctx(c), currentSalon(c).ID, id)
	if err == nil && svc.Archived {
		err = apperr.ErrNotFound
	}
	return svc, err
}

func (s *Server) handleServices(c *fiber.Ctx) error { return s.servicesPage(c, ui.NewForm(), "") }

func (s *Server) handleServiceNew(c *fiber.Ctx) error {
	f := ui.NewForm()
	f.Values["duration"], f.Values["buffer"], f.Values["online_bookable"] = "60", "0", "on"
	f.Values["payment_mode"], f.Values["deposit_kind"] = "default", "percent"
	return s.serviceFormPage(c, nil, f)
}

func (s *Server) handleServiceCreate(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	f := formFrom(c, serviceFields...)
	if _, err := s.Catalog.CreateService(ctx(c), currentSalon(c).ID, serviceInput(f)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.serviceFormPage(c, nil, f)
	}
	s.flash(c, "flash.service_created")
	return s.redirect(c, "/app/services")
}

func (s *Server) handleServiceEdit(c *fiber.Ctx) error {
	svc, err := s.currentService(c)
	if err != nil {
		return err
	}
	return s.serviceFormPage(c, &svc, serviceForm(c, svc))
}

func (s *Server) handleServiceUpdate(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	svc, err := s.currentService(c)
	if err != nil {
		return err
	}
	f := formFrom(c, serviceFields...)
	if err := s.Catalog.UpdateService(ctx(c), currentSalon(c).ID, svc.ID, serviceInput(f)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.serviceFormPage(c, &svc, f)
	}
	s.flash(c, "flash.service_saved")
	return s.redirect(c, "/app/services")
}

func (s *Server) handleServiceArchive(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	id, err := setupID(c)
	if err != nil {
		return err
	}
	if err := s.Catalog.ArchiveService(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.service_archived")
	return s.redirect(c, "/app/services")
}

func (s *Server) handleCategoryCreate(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	f := formFrom(c, "name")
	if err := s.Catalog.CreateCategory(ctx(c), currentSalon(c).ID, f.Get("name")); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.servicesPage(c, f, "")
	}
	s.flash(c, "flash.category_created")
	return s.redirect(c, "/app/services#categories")
}

func (s *Server) handleCategoryRename(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	id, err := setupID(c)
	if err != nil {
		return err
	}
	f := formFrom(c, "name")
	if err := s.Catalog.RenameCategory(ctx(c), currentSalon(c).ID, id, f.Get("name")); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.servicesPage(c, f, id.String())
	}
	s.flash(c, "flash.category_renamed")
	return s.redirect(c, "/app/services#categories")
}

func (s *Server) handleCategoryDelete(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	id, err := setupID(c)
	if err != nil {
		return err
	}
	if err := s.Catalog.DeleteCategory(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.category_deleted")
	return s.redirect(c, "/app/services#categories")
}

// handleServiceMove moves a service up or down the menu, within its category.
func (s *Server) handleServiceMove(c *fiber.Ctx) error {
	return s.move(c, s.Catalog.MoveService, "/app/services#service-")
}

// handleCategoryMove moves a category up or down the menu.
func (s *Server) handleCategoryMove(c *fiber.Ctx) error {
	return s.move(c, s.Catalog.MoveCategory, "/app/services#category-")
}

func (s *Server) move(c *fiber.Ctx, move func(context.Context, uuid.UUID, uuid.UUID, bool) error, back string) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	id, err := setupID(c)
	if err != nil {
		return err
	}
	if err := move(ctx(c), currentSalon(c).ID, id, c.FormValue("direction") == "up"); err != nil {
		return err
	}
	return s.redirect(c, back+id.String())
}
