package web

import (
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	agendaview "github.com/carnet-salon/carnet/views/agenda"
	"github.com/carnet-salon/carnet/views/ui"
)

var appointmentFields = []string{"staff_id", "date", "time", "note", "customer_id", "customer_first_name", "customer_last_name", "customer_phone", "quiet"}

// appointmentForm reads the posted form, services included (a multi-value field).
func appointmentForm(c *fiber.Ctx) (ui.Form, agenda.Input) {
	f := formFrom(c, appointmentFields...)
	var services []string
	for _, v := range c.Request().PostArgs().PeekMulti("services") {
		services = append(services, string(v))
	}
	f.Values["services"] = strings.Join(services, ",")
	in := agenda.Input{StaffID: f.Get("staff_id"), Date: f.Get("date"), Time: f.Get("time"), ServiceIDs: services, Note: f.Get("note"),
		Customer: customer.QuickInput{ID: f.Get("customer_id"), FirstName: f.Get("customer_first_name"),
			LastName: f.Get("customer_last_name"), Phone: f.Get("customer_phone")}, Quiet: f.Get("quiet") != ""}
	return f, in
}

// formPanel fills the form's pickers (bookable services, active staff).
func (s *Server) formPanel(c *fiber.Ctx, sal salon.Salon, f ui.Form, edit *agenda.Appointment) (agendaview.Form, error) {
	services, err := s.Catalog.Services(ctx(c), sal.ID)
	if err != nil {
		return agendaview.Form{}, err
	}
	members, err := s.Team.Members(ctx(c), sal.ID)
	if err != nil {
		return agendaview.Form{}, err
	}
	out := agendaview.Form{F: f, Services: services, Edit: edit, Currency: sal.Currency, Region: customer.RegionOf(sal.TimeZone)}
	for _, m := range members {
		if m.Active {
			out.Staff = append(out.Staff, m)
		}
	}
	return out, nil
}

// panel renders a side panel: alone for htmx, inside the agenda of its day otherwise.
func (s *Server) panel(c *fiber.Ctx, sal salon.Salon, day string, content templ.Component) error {
	if wantsFragment(c) {
		return s.render(c, content, content)
	}
	date, today := s.agendaDate(c, sal)
	if d, err := time.ParseInLocation(time.DateOnly, day, sal.Location()); err == nil {
		date = d
	}
	p, err := s.agendaPage(c, sal, date, today, uuid.Nil)
	if err != nil {
		return err
	}
	p.Panel = content
	return s.render(c, agendaview.AgendaPage(p), nil)
}

func (s *Server) handleAppointmentNew(c *fiber.Ctx) error {
	sal := currentSalon(c)
	date, _ := s.agendaDate(c, sal)
	f := ui.NewForm()
	f.Values["date"], f.Values["time"], f.Values["staff_id"] = date.Format(time.DateOnly), c.Query("time"), c.Query("staff")
	form, err := s.formPanel(c, sal, f, nil)
	if err != nil {
		return err
	}
	if id, err := uuid.Parse(c.Query("customer")); err == nil {
		rec, err := s.Customers.Get(ctx(c), sal.ID, id)
		if err != nil {
			return err
		}
		form.Preset, form.F.Values["customer_id"] = []customer.Customer{rec.Customer}, rec.ID.String()
	}
	return s.panel(c, sal, f.Get("date"), agendaview.FormPanel(form))
}

func (s *Server) handleAppointmentCreate(c *fiber.Ctx) error {
	sal := currentSalon(c)
	f, in := appointmentForm(c)
	if _, err := s.Agenda.Create(ctx(c), sal, member(c).UserID, in); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		form, ferr := s.formPanel(c, sal, f, nil)
		if ferr != nil {
			return ferr
		}
		return s.panel(c, sal, f.Get("date"), agendaview.FormPanel(form))
	}
	s.flash(c, "flash.appointment_created")
	return s.redirect(c, "/app/agenda?date="+in.Date)
}

func (s *Server) appointment(c *fiber.Ctx) (salon.Salon, agenda.Appointment, error) {
	sal := currentSalon(c)
	id, err := uuid.Parse(c.Params("id"))
	if err != nil {
		return sal, agenda.Appointment{}, apperr.ErrNotFound
	}
	a, err := s.Agenda.Get(ctx(c), sal, id)
	return sal, a, err
}

func (s *Server) handleAppointmentShow(c *fiber.Ctx) error {
	sal, a, err := s.appointment(c)
	if err != nil {
		return err
	}
	f := ui.NewForm()
	f.Values["date"], f.Values["time"], f.Values["staff_id"], f.Values["note"] = a.Start.Format(time.DateOnly), a.Start.Format("15:04"), a.StaffID.String(), a.Note
	ids := make([]string, len(a.Lines))
	for i, l := range a.Lines {
		ids[i] = l.ServiceID.String()
	}
	f.Values["services"] = strings.Join(ids, ",")
	return s.showAppointment(c, sal, a, f)
}

func (s *Server) showAppointment(c *fiber.Ctx, sal salon.Salon, a agenda.Appointment, f ui.Form) error {
	form, err := s.formPanel(c, sal, f, &a)
	if err != nil {
		return err
	}
	d := agendaview.Detail{A: a, Currency: sal.Currency, Region: customer.RegionOf(sal.TimeZone), Form: form}
	if err := s.paymentsOf(c, sal, &d); err != nil {
		return err
	}
	return s.panel(c, sal, a.Start.Format(time.DateOnly), agendaview.ShowPanel(d))
}

func (s *Server) handleAppointmentUpdate(c *fiber.Ctx) error {
	sal, a, err := s.appointment(c)
	if err != nil {
		return err
	}
	f, in := appointmentForm(c)
	if err := s.Agenda.Update(ctx(c), sal, a.ID, in); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.showAppointment(c, sal, a, f)
	}
	s.flash(c, "flash.appointment_updated")
	return s.redirect(c, "/app/agenda?date="+in.Date)
}

func (s *Server) handleAppointmentStatus(c *fiber.Ctx) error {
	sal, a, err := s.appointment(c)
	if err != nil {
		return err
	}
	online, _, err := s.Booking.Online(ctx(c), sal, a.ID)
	if err != nil {
		return err
	}
	if online && c.FormValue("status") == agenda.StatusCancelled {
		// The salon cancelling an online booking gives the client everything back.
		if err := s.Booking.CancelBySalon(ctx(c), sal, a.ID); err != nil {
			return err
		}
		s.flash(c, "flash.appointment_cancelled_refunded")
		return s.redirect(c, "/app/agenda?date="+a.Start.Format(time.DateOnly))
	}
	if err := s.Agenda.SetStatus(ctx(c), sal.ID, a.ID, c.FormValue("status")); err != nil {
		if apperr.Is(err, apperr.Invalid) {
			return apperr.New(apperr.Conflict, "agenda.status_refused").WithCause(err)
		}
		return err
	}
	s.flash(c, "flash.appointment_updated")
	return s.redirect(c, "/app/agenda?date="+a.Start.Format(time.DateOnly))
}

func (s *Server) handleCustomerQuickSearch(c *fiber.Ctx) error {
	sal := currentSalon(c)
	found, err := s.Customers.Search(ctx(c), sal.ID, c.Query("q"))
	if err != nil {
		return err
	}
	results := agendaview.CustomerResults(found, "", customer.RegionOf(sal.TimeZone))
	return s.render(c, results, results)
}
