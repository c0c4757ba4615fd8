package web

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/settings"
	"github.com/carnet-salon/carnet/views/ui"
)

// canSetUp: owners and managers change the salon's set-up (services, prices,
// staff, hours, rules); other staff see it read-only.
func canSetUp(c *fiber.Ctx) bool { return account.CanManageTeam(member(c).Role) }

// setupToday is the salon's current date, as stored dates are (midnight UTC).
func (s *Server) setupToday(c *fiber.Ctx) time.Time {
	n := s.Clock.Now().In(currentSalon(c).Location())
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

// settingsPage shows the three settings forms; a nil form is filled from
// what is saved, a given one comes back as it was typed.
func (s *Server) settingsPage(c *fiber.Ctx, f, hf, cf *ui.Form) error {
	sal := currentSalon(c)
	v := settings.SettingsView{Currency: sal.Currency, CanManage: canSetUp(c),
		JournalKey: s.Journal.Key.PublicBase64(), JournalKeyID: s.Journal.Key.ID()}
	var err error
	if v.Closures, err = s.Salons.Closures(ctx(c), sal.ID, s.setupToday(c)); err != nil {
		return err
	}
	if f == nil {
		set, err := s.Salons.Settings(ctx(c), sal.ID)
		if err != nil {
			return err
		}
		form := settingsFormOf(c, sal, set)
		f = &form
	}
	if hf == nil {
		week, err := s.Salons.Hours(ctx(c), sal.ID)
		if err != nil {
			return err
		}
		form := formView(weekFormOf(week))
		hf = &form
	}
	if cf == nil {
		form := ui.NewForm()
		cf = &form
	}
	return s.render(c, settings.SettingsPage(v, *f, *hf, *cf), nil)
}

func (s *Server) handleSettings(c *fiber.Ctx) error { return s.settingsPage(c, nil, nil, nil) }

func (s *Server) handleSettingsUpdate(c *fiber.Ctx) error {
	var sf settingsForm
	if err := decodeForm(c, &sf); err != nil {
		return err
	}
	in, edge := sf.input()
	err := submit(edge, in.Check, func() error { return s.Salons.UpdateSettings(ctx(c), currentSalon(c).ID, in) })
	if err != nil {
		var f ui.Form
		if !refusedForm(c, &f, sf, err) {
			return err
		}
		return s.settingsPage(c, &f, nil, nil)
	}
	s.flash(c, "flash.settings_saved")
	return s.redirect(c, urls.Settings())
}

func (s *Server) handleHoursUpdate(c *fiber.Ctx) error {
	var wf weekForm
	if err := decodeForm(c, &wf); err != nil {
		return err
	}
	edge := apperr.Fields{}
	week := wf.week(edge)
	err := submit(edge, func() error { return salon.CheckWeek(week).Err() }, func() error {
		return s.Salons.SetHours(ctx(c), currentSalon(c).ID, week)
	})
	if err != nil {
		var f ui.Form
		if !refusedForm(c, &f, wf, err) {
			return err
		}
		return s.settingsPage(c, nil, &f, nil)
	}
	s.flash(c, "flash.hours_saved")
	return s.redirect(c, urls.Settings()+"#hours")
}

func (s *Server) handleClosureCreate(c *fiber.Ctx) error {
	sf, in, edge, err := decodeSpan(c)
	if err != nil {
		return err
	}
	in.Today = s.setupToday(c)
	var visits []agenda.Appointment
	err = submit(edge, in.CheckClosure, func() (err error) {
		visits, err = s.Agenda.AddClosure(ctx(c), currentSalon(c), in, spanChoice(c))
		return err
	})
	if err != nil && !errors.Is(err, agenda.ErrVisitsInSpan) {
		var f ui.Form
		if !refusedForm(c, &f, sf, err) {
			return err
		}
		return s.settingsPage(c, nil, nil, &f)
	}
	v := settings.SpanVisitsView{F: formView(sf), Action: urls.Closures(), Back: urls.Settings() + "#closures", Closure: true}
	return s.spanSaved(c, err, visits, v, "flash.closure_added", urls.Settings()+"#closures")
}

func (s *Server) handleClosureDelete(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.Salons.DeleteClosure(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.closure_deleted")
	return s.redirect(c, urls.Settings()+"#closures")
}
