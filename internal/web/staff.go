package web

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/settings"
	"github.com/carnet-salon/carnet/views/ui"
)

// staffForm is the staff member form as typed.
type staffForm struct {
	Name     string   `form:"name"`
	Color    string   `form:"color"`
	UserID   string   `form:"user_id"`
	Active   bool     `form:"active"`
	Services []string `form:"services"`
	weekForm
}

// input parses the form; problems are keyed by the form's field names.
func (f staffForm) input() (team.MemberInput, apperr.Fields) {
	errs := apperr.Fields{}
	in := team.MemberInput{Name: f.Name, Active: f.Active, Days: f.week(errs)}
	color, err := strconv.Atoi(strings.TrimSpace(f.Color))
	if err != nil {
		errs.Add("color", "field.choose")
	}
	in.Color = color
	if f.UserID != "" {
		id, err := uuid.Parse(f.UserID)
		if err != nil {
			errs.Add("user_id", "field.choose")
		}
		in.UserID = &id
	}
	for _, s := range f.Services {
		if id, err := uuid.Parse(s); err == nil {
			in.Services = append(in.Services, id)
		} else if s != "" {
			errs.Add("services", "field.choose")
		}
	}
	return in, errs
}

// staffFormOf fills the form with a saved staff member.
func staffFormOf(m team.Member) staffForm {
	f := staffForm{Name: m.Name, Color: strconv.Itoa(m.Color), Active: m.Active, weekForm: weekFormOf(m.Hours)}
	if m.UserID != nil {
		f.UserID = m.UserID.String()
	}
	for id := range m.Services {
		f.Services = append(f.Services, id.String())
	}
	return f
}

// saveMember creates (id Nil) or updates a staff member from the posted
// form; on a refusal, ok is false and sf holds what was typed, f the form to
// show again.
func (s *Server) saveMember(c *fiber.Ctx, id uuid.UUID, sf *staffForm, f *ui.Form) (ok bool, err error) {
	if err := decodeForm(c, sf); err != nil {
		return false, err
	}
	in, edge := sf.input()
	err = submit(edge, in.Check, func() error {
		_, err := s.Team.Save(ctx(c), currentSalon(c).ID, id, in)
		return err
	})
	if err != nil && !refusedForm(c, f, *sf, err) {
		return false, err
	}
	return err == nil, nil
}

// staffFormPage shows the new (m nil) or edit form, with the services ticked
// and, when editing, the member's absences and the absence form af.
func (s *Server) staffFormPage(c *fiber.Ctx, m *team.Member, f, af ui.Form, services []string) error {
	salonID := currentSalon(c).ID
	v := settings.StaffFormView{CanManage: canSetUp(c), Checked: map[string]bool{}}
	for _, id := range services {
		v.Checked[id] = true
	}
	var err error
	if v.Accounts, err = s.Accounts.Team(ctx(c), salonID); err != nil {
		return err
	}
	if v.Services, err = s.Catalog.Services(ctx(c), salonID); err != nil {
		return err
	}
	if m != nil {
		v.ID, v.Name, v.Color = m.ID.String(), m.Name, m.Color
		absences, err := s.Team.Absences(ctx(c), salonID, s.setupToday(c))
		if err != nil {
			return err
		}
		for _, a := range absences {
			if a.StaffID == m.ID {
				v.Absences = append(v.Absences, a)
			}
		}
	}
	return s.render(c, settings.StaffFormPage(v, f, af), nil)
}

// currentMember loads the :id staff member of this salon.
func (s *Server) currentMember(c *fiber.Ctx) (team.Member, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return team.Member{}, err
	}
	return s.Team.Member(ctx(c), currentSalon(c).ID, id)
}

func (s *Server) handleStaffList(c *fiber.Ctx) error {
	v := settings.StaffListView{CanManage: canSetUp(c)}
	var err error
	if v.Members, err = s.Team.Members(ctx(c), currentSalon(c).ID); err != nil {
		return err
	}
	if v.Services, err = s.Catalog.Services(ctx(c), currentSalon(c).ID); err != nil {
		return err
	}
	return s.render(c, settings.StaffListPage(v), nil)
}

func (s *Server) handleStaffNew(c *fiber.Ctx) error {
	members, err := s.Team.Members(ctx(c), currentSalon(c).ID)
	if err != nil {
		return err
	}
	sf := staffForm{Color: strconv.Itoa(freeColor(members))}
	return s.staffFormPage(c, nil, formView(sf), ui.NewForm(), nil)
}

// freeColor proposes the first colour nobody uses yet, so the agenda's
// columns tell people apart.
func freeColor(members []team.Member) int {
	used := map[int]bool{}
	for _, m := range members {
		used[m.Color] = true
	}
	for i := 1; i <= team.Colors; i++ {
		if !used[i] {
			return i
		}
	}
	return len(members)%team.Colors + 1
}

func (s *Server) handleStaffCreate(c *fiber.Ctx) error {
	var sf staffForm
	var f ui.Form
	if ok, err := s.saveMember(c, uuid.Nil, &sf, &f); !ok {
		if err != nil {
			return err
		}
		return s.staffFormPage(c, nil, f, ui.NewForm(), sf.Services)
	}
	s.flash(c, "flash.staff_created")
	return s.redirect(c, urls.Staff())
}

func (s *Server) handleStaffEdit(c *fiber.Ctx) error {
	m, err := s.currentMember(c)
	if err != nil {
		return err
	}
	sf := staffFormOf(m)
	return s.staffFormPage(c, &m, formView(sf), ui.NewForm(), sf.Services)
}

func (s *Server) handleStaffUpdate(c *fiber.Ctx) error {
	m, err := s.currentMember(c)
	if err != nil {
		return err
	}
	var sf staffForm
	var f ui.Form
	if ok, err := s.saveMember(c, m.ID, &sf, &f); !ok {
		if err != nil {
			return err
		}
		return s.staffFormPage(c, &m, f, ui.NewForm(), sf.Services)
	}
	s.flash(c, "flash.staff_saved")
	return s.redirect(c, urls.Staff())
}

func (s *Server) handleAbsenceCreate(c *fiber.Ctx) error {
	m, err := s.currentMember(c)
	if err != nil {
		return err
	}
	sf, in, edge, err := decodeSpan(c)
	if err != nil {
		return err
	}
	var visits []agenda.Appointment
	err = submit(edge, in.Check, func() (err error) {
		visits, err = s.Agenda.AddAbsence(ctx(c), currentSalon(c), m.ID, in, spanChoice(c))
		return err
	})
	if err != nil && !errors.Is(err, agenda.ErrVisitsInSpan) {
		var af ui.Form
		if !refusedForm(c, &af, sf, err) {
			return err
		}
		sf := staffFormOf(m)
		return s.staffFormPage(c, &m, formView(sf), af, sf.Services)
	}
	page := urls.StaffMember(m.ID)
	v := settings.SpanVisitsView{F: formView(sf), Action: urls.StaffAbsences(m.ID), Back: page + "#absences", Staff: m.Name}
	return s.spanSaved(c, err, visits, v, "flash.absence_added", page+"#absences")
}

func (s *Server) handleAbsenceDelete(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.Team.DeleteAbsence(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.absence_deleted")
	// Back to the member's page the button was on; only an id goes into the URL.
	if staffID, err := uuid.Parse(c.FormValue("staff_id")); err == nil {
		return s.redirect(c, urls.StaffMember(staffID)+"#absences")
	}
	return s.redirect(c, urls.Staff())
}
