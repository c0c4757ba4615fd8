package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"
	"rsc.io/qr"

	"github.com/carnet-salon/carnet/views/app"
)

// handlePublicLinkQR draws the salon's public page address as a QR code to
// print for the counter: large modules and level M, so a phone reads it off
// paper from arm's length, smudged or not.
func (s *Server) handlePublicLinkQR(c *fiber.Ctx) error {
	code, err := qr.Encode(s.publicURL(c), qr.M)
	if err != nil {
		return fmt.Errorf("web: public link qr: %w", err)
	}
	code.Scale = 12
	c.Type("png")
	c.Set(fiber.HeaderContentDisposition, `inline; filename="carnet-`+currentSalon(c).Slug+`.png"`)
	return c.Send(code.PNG())
}

// handlePublicLinkPoster is a page to print: the salon's name, the QR code
// and the address for those who type it.
func (s *Server) handlePublicLinkPoster(c *fiber.Ctx) error {
	return s.render(c, app.PosterPage(currentSalon(c).Name, s.publicURL(c)), nil)
}
