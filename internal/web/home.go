package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/views/app"
)

// onboardingSteps are the set-up tasks of a new salon, each done once the
// salon has what it asks for; Stripe is done once it can take payments, and
// is left out on an installation without Stripe, where it could never be done.
func (s *Server) onboardingSteps(c *fiber.Ctx) ([]app.Step, error) {
	salonID := currentSalon(c).ID
	services, err := s.Catalog.Services(ctx(c), salonID)
	if err != nil {
		return nil, err
	}
	week, err := s.Salons.Hours(ctx(c), salonID)
	if err != nil {
		return nil, err
	}
	staff, err := s.Team.Members(ctx(c), salonID)
	if err != nil {
		return nil, err
	}
	stripe, err := s.Payments.Status(ctx(c), salonID)
	if err != nil {
		return nil, err
	}
	hours := false
	for _, day := range week {
		hours = hours || len(day) > 0
	}
	steps := []app.Step{
		{Key: "account", Done: true},
		{Key: "services", Done: len(services) > 0, Href: "/app/services"},
		{Key: "hours", Done: hours, Href: "/app/settings#hours"},
		{Key: "staff", Done: len(staff) > 0, Href: "/app/staff"},
	}
	if stripe.Available {
		steps = append(steps, app.Step{Key: "stripe", Done: stripe.CanCharge(), Href: "/app/stripe"})
	}
	return steps, nil
}

func (s *Server) handleHome(c *fiber.Ctx) error {
	steps, err := s.onboardingSteps(c)
	if err != nil {
		return err
	}
	return s.render(c, app.HomePage(currentSalon(c).Name, steps), nil)
}
