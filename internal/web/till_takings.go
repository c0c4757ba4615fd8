package web

import (
	"github.com/gofiber/fiber/v2"

	tillview "github.com/carnet-salon/carnet/views/till"
)

// handleTakings shows a day's takings (?date=YYYY-MM-DD, today by default
// in the salon's zone); a date that does not parse is today.
func (s *Server) handleTakings(c *fiber.Ctx) error {
	sal := currentSalon(c)
	day, today := s.agendaDate(c, sal)
	t, err := s.Till.Takings(ctx(c), sal.ID, day, sal.Location())
	if err != nil {
		return err
	}
	return s.render(c, tillview.TakingsPage(tillview.TakingsView{Takings: t, Today: today, Currency: sal.Currency}), nil)
}
