package web

import (
	"crypto/subtle"
	"encoding/json"

	"github.com/gofiber/fiber/v2"
)

// handleSMSInbound receives the replies the SMS gateway reports, as JSON
// {"from","to","text"} with the shared secret as bearer token: a STOP
// withdraws the client's consent to SMS offers. With no secret configured
// the webhook does not exist.
func (s *Server) handleSMSInbound(c *fiber.Ctx) error {
	want := s.cfg.SMSInboundSecret
	if want == "" {
		return fiber.ErrNotFound
	}
	got := c.Get(fiber.HeaderAuthorization)
	if subtle.ConstantTimeCompare([]byte(got), []byte("Bearer "+want)) != 1 {
		return c.Status(fiber.StatusUnauthorized).SendString("invalid secret")
	}
	var in struct{ From, To, Text string }
	if err := json.Unmarshal(c.Body(), &in); err != nil {
		return c.Status(fiber.StatusBadRequest).SendString("invalid json")
	}
	n, err := s.Messages.InboundStop(ctx(c), in.From, in.To, in.Text)
	if err != nil {
		return err // 5xx: the gateway retries
	}
	if n > 0 {
		s.log.InfoContext(ctx(c), "sms stop recorded", "records", n)
	}
	return c.JSON(fiber.Map{"received": true, "opted_out": n})
}
