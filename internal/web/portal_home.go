package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/urls"
)

// handlePortalManage opens the manage page of one of the client's online
// visits (a fresh manage link): cancelling or moving it there follows the
// salon's policy exactly as from the emailed link.
func (s *Server) handlePortalManage(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return apperr.ErrNotFound
	}
	path, err := s.Portal.ManagePath(ctx(c), publicSalonOf(c), portalClientOf(c).ID, id)
	if err != nil {
		return err
	}
	return s.redirect(c, path)
}

// handlePortalCardRemove withdraws the client's saved card.
func (s *Server) handlePortalCardRemove(c *fiber.Ctx) error {
	sal := publicSalonOf(c)
	if err := s.Portal.RemoveCard(ctx(c), sal, portalClientOf(c).ID); err != nil {
		return err
	}
	return s.redirect(c, urls.Portal(sal.Slug)+"?card=removed")
}
