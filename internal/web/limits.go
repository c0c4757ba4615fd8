package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/account"
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
	// Verification: links used per address, new links asked per account.
	limitVerifyIP     = ratelimit.Rule{Name: "verify-ip", Limit: 30, Window: 15 * time.Minute}
	limitVerifyResend = ratelimit.Rule{Name: "verify-resend", Limit: 3, Window: time.Hour}
	// An admin's second step: a 6-digit code falls to guessing without a
	// bound; 5 tries per quarter-hour per admin, cleared by a success.
	limitTwoFactor = ratelimit.Rule{Name: "2fa-user", Limit: 5, Window: 15 * time.Minute}
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
		// Debug: during an outage this is every public request, and the
		// Redis client already warned once when Redis stopped answering.
		s.log.DebugContext(ctx(c), "rate limit unavailable, letting the request through", "rule", r.Name, "err", err)
		return nil
	}
	if !d.Allowed {
		return errRateLimited
	}
	return nil
}

// limitKey names what a rate limit counts a request under; "" counts nothing.
type limitKey func(c *fiber.Ctx) string

// limited declares a rate limit on a route, failing closed like allow.
func (s *Server) limited(r ratelimit.Rule, key limitKey) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if k := key(c); k != "" {
			if err := s.allow(c, r, k); err != nil {
				return err
			}
		}
		return c.Next()
	}
}

// limitedOpen declares a rate limit that lets requests through when Redis
// cannot count, like allowOpen.
func (s *Server) limitedOpen(r ratelimit.Rule, key limitKey) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if k := key(c); k != "" {
			if err := s.allowOpen(c, r, k); err != nil {
				return err
			}
		}
		return c.Next()
	}
}

// What limits count under.
func (s *Server) byAddress(c *fiber.Ctx) string { return s.limitKey(c) }

func byUser(c *fiber.Ctx) string { return session(c).UserID.String() }

func bySalon(c *fiber.Ctx) string { return currentSalon(c).ID.String() }

func byEmail(c *fiber.Ctx) string { return account.NormalizeEmail(c.FormValue("email")) }

// byPortalEmail counts per salon: someone asking for links at one salon must
// not lock the same person out of every other salon's portal.
func byPortalEmail(c *fiber.Ctx) string {
	if email := byEmail(c); email != "" {
		return publicSalonOf(c).ID.String() + ":" + email
	}
	return ""
}

// Receipts: the public link fails open like the salon's pages; sending and
// printing fail closed, bounded per salon so the till cannot be made to
// mail or text any number of people.
var (
	limitReceiptIP   = ratelimit.Rule{Name: "receipt-ip", Limit: 60, Window: time.Minute}
	limitReceiptSend = ratelimit.Rule{Name: "receipt-send", Limit: 200, Window: time.Hour}
	limitReceiptTo   = ratelimit.Rule{Name: "receipt-to", Limit: 5, Window: time.Hour}
)
