package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	agendaarea "github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/views/agenda"
)

// agendaDate reads ?date=YYYY-MM-DD as a day in the salon's zone, today by default.
func (s *Server) agendaDate(c *fiber.Ctx, sal salon.Salon) (date, today time.Time) {
	loc := sal.Location()
	now := s.Clock.Now().In(loc)
	today = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	if d, err := time.ParseInLocation(time.DateOnly, c.Query("date"), loc); err == nil {
		return d, today
	}
	return today, today
}

func (s *Server) handleAgendaDay(c *fiber.Ctx) error {
	sal := currentSalon(c)
	date, today := s.agendaDate(c, sal)
	p, err := s.agendaPage(c, sal, date, today, false, uuid.Nil)
	if err != nil {
		return err
	}
	return s.render(c, agenda.AgendaPage(p), nil)
}

// handleAgendaWeek is the whole team's week, or one staff member's (?staff=).
func (s *Server) handleAgendaWeek(c *fiber.Ctx) error {
	sal := currentSalon(c)
	date, today := s.agendaDate(c, sal)
	staffID := uuid.Nil
	if q := c.Query("staff"); q != "" {
		id, err := uuid.Parse(q)
		if err != nil {
			return apperr.ErrNotFound
		}
		staffID = id
	}
	p, err := s.agendaPage(c, sal, date, today, true, staffID)
	if err != nil {
		return err
	}
	if staffID != uuid.Nil && len(p.Grid.Cols) == 0 {
		return apperr.ErrNotFound // not a staff member of this salon (or not active)
	}
	return s.render(c, agenda.AgendaPage(p), nil)
}

// agendaPage builds a day view, or a week: one staff member's when staffID
// is set, the whole team's otherwise.
func (s *Server) agendaPage(c *fiber.Ctx, sal salon.Salon, date, today time.Time, week bool, staffID uuid.UUID) (agenda.Page, error) {
	settings, err := s.Salons.Settings(ctx(c), sal.ID)
	if err != nil {
		return agenda.Page{}, err
	}
	var v agendaarea.View
	if week {
		v, err = s.Agenda.Week(ctx(c), sal, staffID, date)
	} else {
		v, err = s.Agenda.Day(ctx(c), sal, date)
	}
	if err != nil {
		return agenda.Page{}, err
	}
	p := agenda.Page{Date: date, Today: today, Week: week, Staff: v.Staff,
		Grid: agenda.Build(v, settings.SlotStep, s.Clock.Now(), week, staffID == uuid.Nil, i18n.LangFrom(ctx(c)), sal.Currency)}
	if staffID != uuid.Nil {
		p.StaffID = staffID.String()
	}
	return p, nil
}
