package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/portal"
	"github.com/carnet-salon/carnet/internal/urls"
)

// handleClientPortal opens (sending the client their access link) or
// blocks a client's portal, from the client record. Owners and managers only.
func (s *Server) handleClientPortal(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	access := c.FormValue("access")
	if err := s.Portal.SetAccess(ctx(c), currentSalon(c).ID, id, access, member(c).UserID); err != nil {
		return err
	}
	if access == portal.AccessOpen {
		s.flash(c, "flash.portal_opened")
	} else {
		s.flash(c, "flash.portal_blocked")
	}
	return s.redirect(c, urls.Client(id))
}
