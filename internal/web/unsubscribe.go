package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/views/messages"
)

// handleUnsubscribePage shows the link of an offer: who it concerns and one
// button; once unsubscribed, that it is done. The signed token is the only
// authority: no session, in the client's language.
func (s *Server) handleUnsubscribePage(c *fiber.Ctx) error {
	u, err := s.Messages.Unsubscription(ctx(c), c.Params("token"))
	if err != nil {
		return err
	}
	c.SetUserContext(i18n.WithLang(ctx(c), u.Lang))
	return s.render(c, messages.UnsubscribePage(u, c.OriginalURL()), nil)
}

// handleUnsubscribe is both the page's button and the mail app's one-click
// POST (RFC 8058: body "List-Unsubscribe=One-Click", no cookie, no token
// but the link's own), so it sits outside the CSRF check.
func (s *Server) handleUnsubscribe(c *fiber.Ctx) error {
	token := c.Params("token")
	source := customer.ConsentFromLink
	if c.FormValue("List-Unsubscribe") == "One-Click" {
		source = customer.ConsentFromOneClick
	}
	if err := s.Messages.Unsubscribe(ctx(c), token, source); err != nil {
		return err
	}
	if source == customer.ConsentFromOneClick {
		return c.SendStatus(fiber.StatusOK)
	}
	return s.redirect(c, c.OriginalURL())
}
