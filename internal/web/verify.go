package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/auth"
)

// handleVerifyForm shows the button that confirms an email address.
func (s *Server) handleVerifyForm(c *fiber.Ctx) error {
	token := c.Params("token")
	ok, err := s.Accounts.VerifyLinkValid(ctx(c), token)
	if err != nil {
		return err
	}
	if !ok {
		c.Status(fiber.StatusNotFound)
	}
	return s.render(c, auth.VerifyPage(token, ok), nil)
}

// handleVerify uses the link: the link alone proves the address, so no
// session is needed (the owner may open it on their phone).
func (s *Server) handleVerify(c *fiber.Ctx) error {
	token := c.Params("token")
	if _, err := s.Accounts.VerifyEmail(ctx(c), token); err != nil {
		if !apperr.Is(err, apperr.NotFound) {
			return err
		}
		c.Status(fiber.StatusNotFound)
		return s.render(c, auth.VerifyPage(token, false), nil)
	}
	s.flash(c, "flash.email_verified")
	return s.redirect(c, urls.App())
}

// handleVerifyResend sends the signed-in member a new link, then goes back
// to the page that asked for it.
func (s *Server) handleVerifyResend(c *fiber.Ctx) error {
	m := member(c)
	if err := s.Accounts.ResendVerification(ctx(c), m.UserID); err != nil {
		return err
	}
	s.flash(c, "flash.verify_sent")
	return s.redirect(c, safeNext(c.FormValue("back"), urls.App()))
}

// errMarketingUnverified refuses an offer, beside the purpose field, from a
// salon whose owner has not confirmed their address.
var errMarketingUnverified = apperr.Fields{"purpose": "verify.marketing"}.Err()

// refuseUnverifiedOffer lets an offer go only from a salon whose owner has
// proven their address: offers are what spammers would sign up to send.
func (s *Server) refuseUnverifiedOffer(c *fiber.Ctx, purpose string) error {
	if purpose != message.Marketing {
		return nil
	}
	verified, err := s.Accounts.SalonVerified(ctx(c), currentSalon(c).ID)
	if err != nil || verified {
		return err
	}
	return errMarketingUnverified
}
