package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/views/settings"
	"github.com/carnet-salon/carnet/views/ui"
)

var staffFields = append([]string{"name", "color", "user_id", "active"}, dayFields...)

// formValues reads every value of a repeated field (the ticked boxes of a list).
func formValues(c *fiber.Ctx, name string) []string {
	if form, err := c.MultipartForm(); err == nil {
		return form.Value[name]
	}
	var out []string
	for _, v := range c.Context().PostArgs().PeekMulti(name) {
		out = append(out, string(v))
	}
	return out
}

func memberInput(c *fiber.Ctx, f ui.Form) team.MemberInput {
	return team.MemberInput{Name: f.Get("name"), Color: f.Get("color"), UserID: f.Get("user_id"),
		Active: f.Get("active") != "", Services: formValues(c, "services"), Days: weekDays(f)}
}

// staffForm fills the form with a saved staff member.
func staffForm(m team.Member) (ui.Form, []string) {
	f := ui.NewForm()
	f.Values["name"], f.Values["color"] = m.Name, strconv.Itoa(m.Color)
	if m.UserID != nil {
		f.Values["user_id"] = m.UserID.String()
	}
	if m.Active {
		f.Values["active"] = "on"
	}
	settings.WeekValues(f, m.Hours)
	var services []string
	for id := range m.Services {
		services = append(services, id.String())
	}
	return f, services
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
	id, err := setupID(c)
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
	f := ui.NewForm()
	f.Values["color"] = strconv.Itoa(freeColor(members))
	return s.staffFormPage(c, nil, f, ui.NewForm(), nil)
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
	if err := requireSetUp(c); err != nil {
		return err
	}
	f := formFrom(c, staffFields...)
	in := memberInput(c, f)
	if _, err := s.Team.Save(ctx(c), currentSalon(c).ID, uuid.Nil, in); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.staffFormPage(c, nil, f, ui.NewForm(), in.Services)
	}
	s.flash(c, "flash.staff_created")
	return s.redirect(c, "/app/staff")
}

func (s *Server) handleStaffEdit(c *fiber.Ctx) error {
	m, err := s.currentMember(c)
	if err != nil {
		return err
	}
	f, services := staffForm(m)
	return s.staffFormPage(c, &m, f, ui.NewForm(), services)
}

func (s *Server) handleStaffUpdate(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	m, err := s.currentMember(c)
	if err != nil {
		return err
	}
	f := formFrom(c, staffFields...)
	in := memberInput(c, f)
	if _, err := s.Team.Save(ctx(c), currentSalon(c).ID, m.ID, in); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.staffFormPage(c, &m, f, ui.NewForm(), in.Services)
	}
	s.flash(c, "flash.staff_saved")
	return s.redirect(c, "/app/staff")
}

func (s *Server) handleAbsenceCreate(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	m, err := s.currentMember(c)
	if err != nil {
		return err
	}
	af := formFrom(c, spanFields...)
	if err := s.Team.AddAbsence(ctx(c), currentSalon(c).ID, m.ID, spanInput(af)); err != nil {
		if !refused(c, &af, err) {
			return err
		}
		f, services := staffForm(m)
		return s.staffFormPage(c, &m, f, af, services)
	}
	s.flash(c, "flash.absence_added")
	return s.redirect(c, "/app/staff/"+m.ID.String()+"#absences")
}

func (s *Server) handleAbsenceDelete(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	id, err := setupID(c)
	if err != nil {
		return err
	}
	if err := s.Team.DeleteAbsence(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.absence_deleted")
	// Back to the member's page the button was on; only an id goes into the URL.
	if staffID, err := uuid.Parse(c.FormValue("staff_id")); err == nil {
		return s.redirect(c, "/app/staff/"+staffID.String()+"#absences")
	}
	return s.redirect(c, "/app/staff")
}
