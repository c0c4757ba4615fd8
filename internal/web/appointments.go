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
	"github.com/carnet-salon/carnet/internal/urls"
	agendaview "github.com/carnet-salon/carnet/views/agenda"
	"github.com/carnet-salon/carnet/views/ui"
)

// appointmentForm is the agenda's appointment form as typed.
type appointmentForm struct {
	StaffID           string   `form:"staff_id"`
	Date              string   `form:"date"`
	Time              string   `form:"time"`
	Services          []string `form:"services"`
	Note              string   `form:"note"`
	CustomerID        string   `form:"customer_id"`
	CustomerFirstName string   `form:"customer_first_name"`
	CustomerLastName  string   `form:"customer_last_name"`
	CustomerPhone     string   `form:"customer_phone"`
	Quiet             bool     `form:"quiet"`
	OutsideHours      bool     `form:"outside_hours"`
	Past              bool     `form:"past"`
}

// appointmentNames are the form's fields for agenda.Input's.
var appointmentNames = map[string]string{agenda.FieldStaff: "staff_id", agenda.FieldDay: "date", agenda.FieldTime: "time",
	agenda.FieldServices: "services", agenda.FieldNote: "note", agenda.FieldCustomerName: "customer_last_name",
	agenda.FieldCustomerPhone: "customer_phone"}

// input parses the form in the salon's zone. What does not parse is shown
// with what the agenda finds wrong on its own, all at once.
func (f appointmentForm) input(loc *time.Location) (agenda.Input, error) {
	in := agenda.Input{Note: f.Note, Quiet: f.Quiet, OutsideHours: f.OutsideHours, Past: f.Past,
		Customer: customer.QuickInput{FirstName: f.CustomerFirstName, LastName: f.CustomerLastName, Phone: f.CustomerPhone}}
	bad := apperr.Fields{}
	var err error
	if f.StaffID != "" {
		if in.StaffID, err = uuid.Parse(f.StaffID); err != nil {
			bad.Add("staff_id", "field.choose")
		}
	}
	day, derr := time.ParseInLocation(time.DateOnly, strings.TrimSpace(f.Date), loc)
	at, terr := time.Parse("15:04", strings.TrimSpace(f.Time))
	switch {
	case derr != nil:
		bad.Add("date", "date.invalid")
	case terr != nil:
		bad.Add("time", "time.invalid")
	default:
		in.Start = time.Date(day.Year(), day.Month(), day.Day(), at.Hour(), at.Minute(), 0, 0, loc)
	}
	for _, s := range f.Services {
		if id, err := uuid.Parse(s); err == nil {
			in.ServiceIDs = append(in.ServiceIDs, id)
		} else if s != "" {
			bad.Add("services", "field.choose")
		}
	}
	if f.CustomerID != "" {
		// Another salon's client or a made-up id: simply not found.
		if in.Customer.ID, err = uuid.Parse(f.CustomerID); err != nil {
			return in, apperr.ErrNotFound
		}
	}
	return in, withFields(bad, in.Check(), appointmentNames).Err()
}

// bindAppointment decodes and parses the posted form; the input is only
// meaningful when err is nil.
func bindAppointment(c *fiber.Ctx, loc *time.Location) (appointmentForm, agenda.Input, error) {
	var f appointmentForm
	if err := decodeForm(c, &f); err != nil {
		return f, agenda.Input{}, err
	}
	in, err := f.input(loc)
	return f, in, err
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
	out := agendaview.Form{F: f, Services: services, Edit: edit, Currency: sal.Currency, Region: sal.Country}
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
	p, err := s.agendaPage(c, sal, date, today, false, uuid.Nil)
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
	typed, in, err := bindAppointment(c, sal.Location())
	if err == nil {
		_, err = s.Agenda.Create(ctx(c), sal, member(c).UserID, in)
	}
	if err != nil {
		f := formView(typed)
		if !refused(c, &f, keyedBy(err, appointmentNames)) {
			return err
		}
		form, ferr := s.formPanel(c, sal, f, nil)
		if ferr != nil {
			return ferr
		}
		return s.panel(c, sal, f.Get("date"), agendaview.FormPanel(form))
	}
	s.flash(c, "flash.appointment_created")
	return s.redirect(c, urls.AgendaOn(in.Start))
}

func (s *Server) appointment(c *fiber.Ctx) (salon.Salon, agenda.Appointment, error) {
	sal := currentSalon(c)
	id, err := pathID(c, "id")
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
	d := agendaview.Detail{A: a, Currency: sal.Currency, Region: sal.Country, Form: form, Now: s.Clock.Now()}
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
	typed, in, err := bindAppointment(c, sal.Location())
	if err == nil {
		err = s.Agenda.Update(ctx(c), sal, a.ID, in)
	}
	if err != nil {
		f := formView(typed)
		if !refused(c, &f, keyedBy(err, appointmentNames)) {
			return err
		}
		return s.showAppointment(c, sal, a, f)
	}
	s.flash(c, "flash.appointment_updated")
	return s.redirect(c, urls.AgendaOn(in.Start))
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
		// The salon cancelling an online booking gives the client everything
		// back, and with arrhes owes them as much again.
		res, err := s.Booking.CancelBySalon(ctx(c), sal, a.ID)
		if err != nil {
			return err
		}
		if res.Owed > 0 {
			s.flash(c, "flash.appointment_cancelled_arrhes")
		} else {
			s.flash(c, "flash.appointment_cancelled_refunded")
		}
		return s.redirect(c, urls.AgendaOn(a.Start))
	}
	if err := s.Agenda.SetStatus(ctx(c), sal.ID, a.ID, c.FormValue("status")); err != nil {
		if apperr.Is(err, apperr.Invalid) {
			return apperr.New(apperr.Conflict, "agenda.status_refused").WithCause(err)
		}
		return err
	}
	s.flash(c, "flash.appointment_updated")
	return s.redirect(c, urls.AgendaOn(a.Start))
}

func (s *Server) handleCustomerQuickSearch(c *fiber.Ctx) error {
	sal := currentSalon(c)
	found, err := s.Customers.Search(ctx(c), sal.ID, c.Query("q"))
	if err != nil {
		return err
	}
	results := agendaview.CustomerResults(found, "", sal.Country)
	return s.render(c, results, results)
}
