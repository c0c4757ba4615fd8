package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/views/app"
)

// onboardingSteps are the set-up tasks of a new salon. Their pages arrive with
// later work; until then they show as "coming".
func onboardingSteps() []app.Step {
	return []app.Step{
		{Key: "account", Done: true},
		{Key: "services"},
		{Key: "hours"},
		{Key: "staff"},
		{Key: "stripe"},
	}
}

func (s *Server) handleHome(c *fiber.Ctx) error {
	return s.render(c, app.HomePage(currentSalon(c).Name, onboardingSteps()), nil)
}
