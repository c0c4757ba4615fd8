package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/ratelimit"
)

// Rate limits. Login counts attempts per email, cleared by a success (so the
// 11th failure within 15 minutes is refused), and every attempt per address.
var (
	limitLoginEmail  = ratelimit.Rule{Name: "login-email", Limit: 10, Window: 15 * time.Minute}
	limitLoginIP     = ratelimit.Rule{Name: "login-ip", Limit: 50, Window: 15 * time.Minute}
	limitSignupIP    = ratelimit.Rule{Name: "signup-ip", Limit: 10, Window: time.Hour}
	limitSlugCheckIP = ratelimit.Rule{Name: "slug-ip", Limit: 120, Window: time.Minute}
	limitResetIP     = ratelimit.Rule{Name: "reset-ip", Limit: 10, Window: time.Hour}
	limitResetEmail  = ratelimit.Rule{Name: "reset-email", Limit: 3, Window: time.Hour}
	limitInviteIP    = ratelimit.Rule{Name: "invite-ip", Limit: 30, Window: 15 * time.Minute}
	// Invitations email any address with text the salon chose: bounded so the
	// platform's mail cannot be turned into a spam cannon.
	limitInviteSalon = ratelimit.Rule{Name: "invite-salon", Limit: 50, Window: 24 * time.Hour}
	limitInviteTo    = ratelimit.Rule{Name: "invite-to", Limit: 3, Window: 24 * time.Hour}
)

var errRateLimited = apperr.New(apperr.RateLimited, "error.rate_limited")

// allow counts an attempt against a rule. These routes guard accounts, so
// they fail closed: if Redis cannot count, the attempt is refused (503).
func (s *Server) allow(c *fiber.Ctx, r ratelimit.Rule, key string) error {
	d, err := s.Limiter.Allow(ctx(c), r, key)
	if err != nil {
		return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	if !d.Allowed {
		return errRateLimited
	}
	return nil
}

// Public booking: read limits fail open (a Redis outage must not close every
// salon's page), submissions are limited per address, email and phone.
var (
	limitSlotsIP     = ratelimit.Rule{Name: "slots-ip", Limit: 240, Window: time.Minute}
	limitBookIP      = ratelimit.Rule{Name: "book-ip", Limit: 10, Window: 10 * time.Minute}
	limitBookContact = ratelimit.Rule{Name: "book-contact", Limit: 5, Window: time.Hour}
)

// allowOpen counts an attempt but lets it through when Redis cannot count.
func (s *Server) allowOpen(c *fiber.Ctx, r ratelimit.Rule, key string) error {
	d, err := s.Limiter.Allow(ctx(c), r, key)
	if err != nil {
		s.log.WarnContext(ctx(c), "rate limit unavailable, letting the request through", "rule", r.Name, "err", err)
		return nil
	}
	if !d.Allowed {
		return errRateLimited
	}
	return nil
}
