package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/views/app"
)

// today gathers the salon's day at a glance from the areas that own each
// figure: the agenda (visits, arrivals, no-shows, free time), the payments
// (deposits) and the client accounts (who owes money).
func (s *Server) today(c *fiber.Ctx) (*app.Today, error) {
	sal := currentSalon(c)
	now := s.Clock.Now().In(sal.Location())
	from := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, sal.Location())
	to := from.AddDate(0, 0, 1)
	t := &app.Today{Date: from, Currency: sal.Currency}
	var err error
	if t.Glance, err = s.Agenda.Today(ctx(c), sal, now); err != nil {
		return nil, err
	}
	if t.Deposits, err = s.Payments.DepositsOnDay(ctx(c), sal.ID, from, to); err != nil {
		return nil, err
	}
	if t.Owing, err = s.Customers.OwingOnDay(ctx(c), sal.ID, from, to); err != nil {
		return nil, err
	}
	return t, nil
}
