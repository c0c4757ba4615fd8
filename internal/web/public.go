package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/views/public"
)

func (s *Server) handleLanding(c *fiber.Ctx) error {
	return s.render(c, public.Landing(), nil)
}
