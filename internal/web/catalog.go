package web

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/settings"
	"github.com/carnet-salon/carnet/views/ui"
)

// serviceForm is the service form as typed.
type serviceForm struct {
	CategoryID     string `form:"category_id"`
	Name           string `form:"name"`
	Description    string `form:"description"`
	Duration       string `form:"duration"`
	Buffer         string `form:"buffer"`
	Price          string `form:"price" field:"PriceCents"`
	OnlineBookable string `form:"online_bookable"`
	PaymentMode    string `form:"payment_mode" field:"Rule.Mode"`
	DepositKind    string `form:"deposit_kind"`
	DepositValue   string `form:"deposit_value" field:"Rule.DepositValue"`
	Rate           string `form:"vat_rate" field:"VATRateBP"`
}

// input parses the form; problems are keyed by the form's field names.
func (f serviceForm) input() (catalog.ServiceInput, apperr.Fields) {
	errs := apperr.Fields{}
	in := catalog.ServiceInput{Name: f.Name, Description: f.Description, OnlineBookable: f.OnlineBookable != ""}
	if f.CategoryID != "" {
		id, err := uuid.Parse(f.CategoryID)
		if err != nil {
			errs.Add("category_id", "field.choose")
		}
		in.CategoryID = &id
	}
	in.Duration = time.Duration(intField(errs, "duration", f.Duration)) * time.Minute
	if strings.TrimSpace(f.Buffer) != "" {
		in.Buffer = time.Duration(intField(errs, "buffer", f.Buffer)) * time.Minute
	}
	in.PriceCents = centsField(errs, "price", f.Price, money.Price)
	if errs["price"] != "" {
		in.PriceCents = -1 // unknown: the area's rules that compare with the price stand aside
	}
	if f.PaymentMode != "default" && f.PaymentMode != "" {
		r := ruleField(errs, f.PaymentMode, f.DepositKind, f.DepositValue, "deposit_value")
		in.Rule = &r
	}
	in.VATRateBP = rateField(errs, "vat_rate", f.Rate)
	return in, errs
}

// serviceFormOf fills the form with a saved service, as the salon would type it.
func serviceFormOf(c *fiber.Ctx, svc catalog.Service) ui.Form {
	sf := serviceForm{Name: svc.Name, Description: svc.Description, Duration: strconv.Itoa(int(svc.Duration / time.Minute)),
		Buffer: strconv.Itoa(int(svc.Buffer / time.Minute)), Price: centsText(c, svc.PriceCents),
		PaymentMode: "default", DepositKind: "percent", Rate: strconv.Itoa(int(svc.VATRateBP))}
	if svc.CategoryID != nil {
		sf.CategoryID = svc.CategoryID.String()
	}
	if svc.OnlineBookable {
		sf.OnlineBookable = "on"
	}
	f := formView(sf)
	if svc.Rule != nil {
		settings.RuleValues(ctx(c), f, *svc.Rule, currentSalon(c).Currency)
	}
	return f
}

// saveService creates (id Nil) or updates a service from the posted form;
// on a refusal, ok is false and f holds the form to show again.
func (s *Server) saveService(c *fiber.Ctx, id uuid.UUID, f *ui.Form) (ok bool, err error) {
	var sf serviceForm
	if err := decodeForm(c, &sf); err != nil {
		return false, err
	}
	in, edge := sf.input()
	sal := currentSalon(c).ID
	err = submit(edge, in.Check, func() error {
		if id == uuid.Nil {
			_, err := s.Catalog.CreateService(ctx(c), sal, in)
			return err
		}
		return s.Catalog.UpdateService(ctx(c), sal, id, in)
	})
	if err != nil && !refusedForm(c, f, sf, err) {
		return false, err
	}
	return err == nil, nil
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
	if v.Readiness, err = s.Booking.Readiness(ctx(c), sal); err != nil {
		return err
	}
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
	id, err := pathID(c, "id")
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
	sf := serviceForm{Duration: "60", Buffer: "0", OnlineBookable: "on", PaymentMode: "default", DepositKind: "percent"}
	return s.serviceFormPage(c, nil, formView(sf))
}

func (s *Server) handleServiceCreate(c *fiber.Ctx) error {
	var f ui.Form
	if ok, err := s.saveService(c, uuid.Nil, &f); !ok {
		if err != nil {
			return err
		}
		return s.serviceFormPage(c, nil, f)
	}
	s.flash(c, "flash.service_created")
	return s.redirect(c, urls.Services())
}

func (s *Server) handleServiceEdit(c *fiber.Ctx) error {
	svc, err := s.currentService(c)
	if err != nil {
		return err
	}
	return s.serviceFormPage(c, &svc, serviceFormOf(c, svc))
}

func (s *Server) handleServiceUpdate(c *fiber.Ctx) error {
	svc, err := s.currentService(c)
	if err != nil {
		return err
	}
	var f ui.Form
	if ok, err := s.saveService(c, svc.ID, &f); !ok {
		if err != nil {
			return err
		}
		return s.serviceFormPage(c, &svc, f)
	}
	s.flash(c, "flash.service_saved")
	return s.redirect(c, urls.Services())
}

func (s *Server) handleServiceArchive(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.Catalog.ArchiveService(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.service_archived")
	return s.redirect(c, urls.Services())
}

func (s *Server) handleCategoryCreate(c *fiber.Ctx) error {
	f := formFrom(c, "name")
	if err := s.Catalog.CreateCategory(ctx(c), currentSalon(c).ID, f.Get("name")); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.servicesPage(c, f, "")
	}
	s.flash(c, "flash.category_created")
	return s.redirect(c, urls.Services()+"#categories")
}

func (s *Server) handleCategoryRename(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
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
	return s.redirect(c, urls.Services()+"#categories")
}

func (s *Server) handleCategoryDelete(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.Catalog.DeleteCategory(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.category_deleted")
	return s.redirect(c, urls.Services()+"#categories")
}

// handleServiceMove moves a service up or down the menu, within its category.
func (s *Server) handleServiceMove(c *fiber.Ctx) error {
	return s.move(c, s.Catalog.MoveService, urls.Services()+"#service-")
}

// handleCategoryMove moves a category up or down the menu.
func (s *Server) handleCategoryMove(c *fiber.Ctx) error {
	return s.move(c, s.Catalog.MoveCategory, urls.Services()+"#category-")
}

func (s *Server) move(c *fiber.Ctx, move func(context.Context, uuid.UUID, uuid.UUID, bool) error, back string) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := move(ctx(c), currentSalon(c).ID, id, c.FormValue("direction") == "up"); err != nil {
		return err
	}
	return s.redirect(c, back+id.String())
}
