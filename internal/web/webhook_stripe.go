package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"
)

// handleStripeWebhook receives Stripe's events: verified by signature against
// the platform endpoint's secret, then the Connect endpoint's (connected
// accounts' events come only there), stored once by id, processed by a job.
// Stripe needs a quick 2xx; anything unsigned is refused with 400.
func (s *Server) handleStripeWebhook(c *fiber.Ctx) error {
	payload := append([]byte(nil), c.Body()...)
	header := c.Get("Stripe-Signature")
	var ev stripe.Event
	var err error = errNoWebhookSecret
	for _, secret := range []string{s.cfg.StripeWebhookSecret, s.cfg.StripeConnectWebhookSecret} {
		if secret == "" {
			continue
		}
		if ev, err = webhook.ConstructEvent(payload, header, secret); err == nil {
			break
		}
	}
	if err != nil {
		s.log.WarnContext(ctx(c), "stripe webhook refused", "err", err)
		return c.Status(fiber.StatusBadRequest).SendString("invalid signature")
	}
	isNew, err := s.Booking.RecordEvent(ctx(c), ev, payload)
	if err != nil {
		return err // 5xx: Stripe will retry
	}
	return c.JSON(fiber.Map{"received": true, "duplicate": !isNew})
}

var errNoWebhookSecret = fiber.NewError(fiber.StatusBadRequest, "no webhook secret configured")
