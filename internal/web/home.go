package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/app"
)

// onboardingSteps are the set-up tasks of a new salon, each done once the
// salon has what it asks for. The last one is the point of them all: a client
// can book online (a service offered online, done by a team member who works
// while the salon is open). Stripe is done once it can take payments, and is
// left out on an installation without Stripe, where it could never be done.
func (s *Server) onboardingSteps(c *fiber.Ctx) ([]app.Step, bool, error) {
	sal := currentSalon(c)
	services, err := s.Catalog.Services(ctx(c), sal.ID)
	if err != nil {
		return nil, false, err
	}
	week, err := s.Salons.Hours(ctx(c), sal.ID)
	if err != nil {
		return nil, false, err
	}
	staff, err := s.Team.Members(ctx(c), sal.ID)
	if err != nil {
		return nil, false, err
	}
	stripe, err := s.Payments.Status(ctx(c), sal.ID)
	if err != nil {
		return nil, false, err
	}
	ready, err := s.Booking.Readiness(ctx(c), sal)
	if err != nil {
		return nil, false, err
	}
	performs := false // someone on the team performs a service of the menu
	for _, m := range staff {
		for _, svc := range services {
			performs = performs || m.Active && m.Services[svc.ID]
		}
	}
	bookable := booking.AnyBookable(ready)
	steps := []app.Step{
		{Key: "account", Done: true},
		{Key: "services", Done: len(services) > 0, Href: urls.Services()},
		{Key: "hours", Done: !week.Empty(), Href: urls.Settings() + "#hours"},
		{Key: "staff", Done: performs, Href: urls.Staff()},
	}
	if stripe.Available {
		steps = append(steps, app.Step{Key: "stripe", Done: stripe.CanCharge(), Href: urls.Stripe()})
	}
	steps = append(steps, app.Step{Key: "online", Done: bookable, Href: urls.Services()})
	return steps, bookable, nil
}

// publicURL is the salon's public booking page.
func (s *Server) publicURL(c *fiber.Ctx) string {
	return strings.TrimRight(s.cfg.BaseURL.String(), "/") + urls.Salon(currentSalon(c).Slug)
}

// feedLength is how many events the home page shows: the last few days of a
// busy salon, short enough to read standing.
const feedLength = 15

func (s *Server) handleHome(c *fiber.Ctx) error {
	steps, bookable, err := s.onboardingSteps(c)
	if err != nil {
		return err
	}
	v := app.HomeView{SalonName: currentSalon(c).Name, Steps: steps, Bookable: bookable, PublicURL: s.publicURL(c)}
	if v.Feed, err = s.Activity.Recent(ctx(c), currentSalon(c).ID, currentSalon(c).Location(), feedLength); err != nil {
		return err
	}
	if app.SetUp(steps) {
		if v.Today, err = s.today(c); err != nil {
			return err
		}
	}
	return s.render(c, app.HomePage(v), nil)
}
