package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/views/clients"
	"github.com/carnet-salon/carnet/views/ui"
)

var sheetFields = []string{"date", "appointment_id", "title", "products", "settings", "reactions", "notes"}

func sheetInput(f ui.Form) customer.SheetInput {
	return customer.SheetInput{Date: f.Get("date"), AppointmentID: f.Get("appointment_id"), Title: f.Get("title"),
		Products: f.Get("products"), Settings: f.Get("settings"), Reactions: f.Get("reactions"), Notes: f.Get("notes")}
}

func (s *Server) sheetPage(c *fiber.Ctx, rec customer.Record, sheetID string, f ui.Form) error {
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
	return s.sheetPage(c, rec, "", f)
}

func (s *Server) handleSheetCreate(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	f := formFrom(c, sheetFields...)
	if _, err := s.Customers.SaveSheet(ctx(c), currentSalon(c).ID, rec.ID, uuid.Nil, member(c).UserID, sheetInput(f)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.sheetPage(c, rec, "", f)
	}
	s.flash(c, "flash.sheet_saved")
	return s.redirect(c, "/app/clients/"+rec.ID.String()+"#sheets")
}

// sheet loads a sheet of the salon and its client.
func (s *Server) sheet(c *fiber.Ctx) (customer.Sheet, customer.Record, error) {
	id, err := uuid.Parse(c.Params("id"))
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
	return s.sheetPage(c, rec, sh.ID.String(), f)
}

func (s *Server) handleSheetUpdate(c *fiber.Ctx) error {
	sh, rec, err := s.sheet(c)
	if err != nil {
		return err
	}
	f := formFrom(c, sheetFields...)
	if _, err := s.Customers.SaveSheet(ctx(c), currentSalon(c).ID, rec.ID, sh.ID, member(c).UserID, sheetInput(f)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.sheetPage(c, rec, sh.ID.String(), f)
	}
	s.flash(c, "flash.sheet_saved")
	return s.redirect(c, "/app/clients/"+rec.ID.String()+"#sheets")
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
	return s.redirect(c, "/app/clients/"+rec.ID.String()+"#sheets")
}

func (s *Server) handleSheetPrint(c *fiber.Ctx) error {
	sh, rec, err := s.sheet(c)
	if err != nil {
		return err
	}
	return s.render(c, clients.PrintPage(currentSalon(c).Name, rec, sh), nil)
}
