package web

import (
	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/customer"
)

// messagesPanel is the record's message history and write form; an erased
// client can no longer be written to, so they get neither.
func (s *Server) messagesPanel(c *fiber.Ctx, rec customer.Record) (templ.Component, error) {
	if rec.Erased {
		return nil, nil
	}
	return s.clientMessages(c, rec.ID)
}
