package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	tillview "github.com/carnet-salon/carnet/views/till"
)

// handleTakings shows a day's takings (?date=YYYY-MM-DD, today by default
// in the salon's zone; a date that does not parse is today) of every
// register, or of the one ?register= names; an id that is not one of the
// salon's registers shows them all.
func (s *Server) handleTakings(c *fiber.Ctx) error {
	sal := currentSalon(c)
	day, today := s.agendaDate(c, sal)
	regs, err := s.Till.Registers(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	register, _ := uuid.Parse(c.Query("register"))
	known := false
	for _, r := range regs {
		known = known || r.ID == register
	}
	if !known {
		register = uuid.Nil
	}
	t, err := s.Till.Takings(ctx(c), sal.ID, day, sal.Location(), register)
	if err != nil {
		return err
	}
	return s.render(c, tillview.TakingsPage(tillview.TakingsView{Takings: t, Choices: regs, Today: today, Currency: sal.Currency}), nil)
}
