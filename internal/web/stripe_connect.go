package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/urls"
	paymentview "github.com/carnet-salon/carnet/views/payment"
)

// handleStripe shows where the salon's Stripe account stands; every member
// may look, owners and managers connect it.
func (s *Server) handleStripe(c *fiber.Ctx) error {
	sal := currentSalon(c)
	verified, err := s.Accounts.SalonVerified(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	st, err := s.Payments.Status(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	fee, err := s.Payments.Fee(ctx(c))
	if err != nil {
		return err
	}
	return s.render(c, paymentview.ConnectPage(paymentview.ConnectView{Connect: st, Fee: fee, Currency: sal.Currency,
		CanManage: canSetUp(c), Unverified: !verified}), nil)
}

// handleStripeConnect sends the owner to Stripe's onboarding, opening the
// salon's account the first time. The CSP's form-action allows Stripe, so
// the browser follows the redirect. Until the owner's address is proven the
// page comes back refused, with the way to get a new link.
func (s *Server) handleStripeConnect(c *fiber.Ctx) error {
	sal := currentSalon(c)
	if verified, err := s.Accounts.SalonVerified(ctx(c), sal.ID); err != nil || !verified {
		if err != nil {
			return err
		}
		c.Status(fiber.StatusForbidden)
		return s.handleStripe(c)
	}
	link, err := s.Payments.StartOnboarding(ctx(c), sal.ID, sal.TimeZone, member(c).Email)
	if err != nil {
		return err
	}
	return s.redirect(c, link)
}

// handleStripeReturn is where Stripe sends the owner back: the account is
// read at once, so the page shows the new state without waiting for the webhook.
func (s *Server) handleStripeReturn(c *fiber.Ctx) error {
	salonID := currentSalon(c).ID
	if err := s.Payments.Refresh(ctx(c), salonID); err != nil {
		if !apperr.Is(err, apperr.Unavailable) {
			return err
		}
		// Stripe slow to answer: show what is known; account.updated will follow.
		s.log.WarnContext(ctx(c), "stripe refresh on return", "err", err)
	}
	st, err := s.Payments.Status(ctx(c), salonID)
	if err != nil {
		return err
	}
	switch {
	case st.CanCharge():
		s.flash(c, "flash.stripe_ready")
	case st.Connected():
		s.flash(c, "flash.stripe_pending")
	}
	return c.Redirect(urls.Stripe(), fiber.StatusSeeOther)
}

// handleStripeRefresh: Stripe's link expired or was used; make a new one.
// Only for a salon that already started (a GET must not open an account).
func (s *Server) handleStripeRefresh(c *fiber.Ctx) error {
	sal := currentSalon(c)
	st, err := s.Payments.Status(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	verified, err := s.Accounts.SalonVerified(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	if !st.Available || !st.Connected() || !verified {
		return c.Redirect(urls.Stripe(), fiber.StatusSeeOther)
	}
	link, err := s.Payments.StartOnboarding(ctx(c), sal.ID, sal.TimeZone, member(c).Email)
	if err != nil {
		return err
	}
	return c.Redirect(link, fiber.StatusSeeOther)
}
