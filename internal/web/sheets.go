package web

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/clients"
	"github.com/carnet-salon/carnet/views/ui"
)

// sheetForm is the technical sheet form as typed; its fields are the
// sheet's own, but for the visit's id.
type sheetForm struct {
	Date          string `form:"date"`
	AppointmentID string `form:"appointment_id"`
	Title         string `form:"title"`
	Products      string `form:"products"`
	Settings      string `form:"settings"`
	Reactions     string `form:"reactions"`
	Notes         string `form:"notes"`
}

// input parses the form; what does not parse is shown with what the sheet's
// own rules refuse.
func (f sheetForm) input(today time.Time) (customer.SheetInput, error) {
	in := customer.SheetInput{Today: today, Title: f.Title, Products: f.Products, Settings: f.Settings, Reactions: f.Reactions, Notes: f.Notes}
	bad := apperr.Fields{}
	var err error
	if in.Date, err = time.Parse(time.DateOnly, strings.TrimSpace(f.Date)); err != nil {
		bad.Add("date", "date.invalid")
	}
	if f.AppointmentID != "" {
		if in.AppointmentID, err = uuid.Parse(f.AppointmentID); err != nil {
			bad.Add("appointment_id", "field.choose")
		}
	}
	return in, withFields(bad, in.Check(), nil).Err()
}

// saveSheet creates (id Nil) or updates a sheet from the posted form, and
// returns the form to show again when it is refused.
func (s *Server) saveSheet(c *fiber.Ctx, customerID, id uuid.UUID) (ui.Form, error) {
	var typed sheetForm
	if err := decodeForm(c, &typed); err != nil {
		return ui.Form{}, err
	}
	in, err := typed.input(s.setupToday(c))
	if err == nil {
		_, err = s.Customers.SaveSheet(ctx(c), currentSalon(c).ID, customerID, id, member(c).UserID, in)
	}
	return formView(typed), err
}

func (s *Server) sheetPage(c *fiber.Ctx, rec customer.Record, sheetID uuid.UUID, f ui.Form) error {
	sal := currentSalon(c)
	h, err := s.Customers.Visits(ctx(c), sal.ID, rec.ID, sal.Location(), s.Clock.Now())
	if err != nil {
		return err
	}
	visits := append(append([]customer.Visit{}, h.Past...), h.Upcoming...)
	return s.render(c, clients.SheetPage(clients.SheetView{F: f, Client: rec, SheetID: sheetID, Visits: visits}), nil)
}

func (s *Server) handleSheetNew(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	f := ui.NewForm()
	f.Values["date"] = s.Clock.Now().In(currentSalon(c).Location()).Format(time.DateOnly)
	f.Values["appointment_id"] = c.Query("appointment")
	return s.sheetPage(c, rec, uuid.Nil, f)
}

func (s *Server) handleSheetCreate(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	if f, err := s.saveSheet(c, rec.ID, uuid.Nil); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.sheetPage(c, rec, uuid.Nil, f)
	}
	s.flash(c, "flash.sheet_saved")
	return s.redirect(c, urls.Client(rec.ID)+"#sheets")
}

// sheet loads a sheet of the salon and its client.
func (s *Server) sheet(c *fiber.Ctx) (customer.Sheet, customer.Record, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return customer.Sheet{}, customer.Record{}, apperr.ErrNotFound
	}
	sh, err := s.Customers.Sheet(ctx(c), currentSalon(c).ID, id)
	if err != nil {
		return sh, customer.Record{}, err
	}
	rec, err := s.Customers.Get(ctx(c), currentSalon(c).ID, sh.CustomerID)
	return sh, rec, err
}

func (s *Server) handleSheetEdit(c *fiber.Ctx) error {
	sh, rec, err := s.sheet(c)
	if err != nil {
		return err
	}
	f := ui.NewForm()
	f.Values["date"], f.Values["title"], f.Values["products"] = sh.Date.Format(time.DateOnly), sh.Title, sh.Products
	f.Values["settings"], f.Values["reactions"], f.Values["notes"] = sh.Settings, sh.Reactions, sh.Notes
	if sh.AppointmentID != nil {
		f.Values["appointment_id"] = sh.AppointmentID.String()
	}
	return s.sheetPage(c, rec, sh.ID, f)
}

func (s *Server) handleSheetUpdate(c *fiber.Ctx) error {
	sh, rec, err := s.sheet(c)
	if err != nil {
		return err
	}
	if f, err := s.saveSheet(c, rec.ID, sh.ID); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.sheetPage(c, rec, sh.ID, f)
	}
	s.flash(c, "flash.sheet_saved")
	return s.redirect(c, urls.Client(rec.ID)+"#sheets")
}

func (s *Server) handleSheetDelete(c *fiber.Ctx) error {
	sh, rec, err := s.sheet(c)
	if err != nil {
		return err
	}
	if err := s.Customers.DeleteSheet(ctx(c), currentSalon(c).ID, sh.ID); err != nil {
		return err
	}
	s.flash(c, "flash.sheet_deleted")
	return s.redirect(c, urls.Client(rec.ID)+"#sheets")
}

func (s *Server) handleSheetPrint(c *fiber.Ctx) error {
	sh, rec, err := s.sheet(c)
	if err != nil {
		return err
	}
	return s.render(c, clients.PrintPage(currentSalon(c).Name, rec, sh), nil)
}
