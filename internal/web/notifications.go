package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/settings"
)

// handleNotifications shows which events about online bookings email the
// member: the salon's switches for an owner, their own for a manager.
func (s *Server) handleNotifications(c *fiber.Ctx) error {
	m := member(c)
	on, err := s.Activity.Prefs(ctx(c), currentSalon(c).ID, m.UserID, m.Role)
	if err != nil {
		return err
	}
	return s.render(c, settings.NotificationsPage(settings.NotificationsView{Owner: m.Role == "owner", On: on}), nil)
}

// handleNotificationsUpdate keeps the boxes ticked; an unticked box sends nothing.
func (s *Server) handleNotificationsUpdate(c *fiber.Ctx) error {
	var kinds []string
	for _, v := range c.Request().PostArgs().PeekMulti("events") {
		kinds = append(kinds, string(v)) // copied: Fiber reuses the buffer
	}
	m := member(c)
	if err := s.Activity.SetPrefs(ctx(c), currentSalon(c).ID, m.UserID, m.Role, kinds); err != nil {
		return err
	}
	s.flash(c, "flash.notifications_saved")
	return s.redirect(c, urls.Notifications())
}
