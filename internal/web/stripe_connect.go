package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
	paymentview "github.com/carnet-salon/carnet/views/payment"
)

// handleStripe shows where the salon's Stripe account stands; every member
// may look, owners and managers connect it.
func (s *Server) handleStripe(c *fiber.Ctx) error {
	sal := currentSalon(c)
	st, err := s.Payments.Status(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	fee, err := s.Payments.Fee(ctx(c))
	if err != nil {
		return err
	}
	return s.render(c, paymentview.ConnectPage(paymentview.ConnectView{Connect: st, Fee: fee, Currency: sal.Currency,
		CanManage: canSetUp(c)}), nil)
}

// handleStripeConnect sends the owner to Stripe's onboarding, opening the
// salon's account the first time. The CSP's form-action allows Stripe, so
// the browser follows the redirect.
func (s *Server) handleStripeConnect(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	sal := currentSalon(c)
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
	return c.Redirect("/app/stripe", fiber.StatusSeeOther)
}

// handleStripeRefresh: Stripe's link expired or was used; make a new one.
// Only for a salon that already started (a GET must not open an account).
func (s *Server) handleStripeRefresh(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	sal := currentSalon(c)
	st, err := s.Payments.Status(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	if !st.Available || !st.Connected() {
		return c.Redirect("/app/stripe", fiber.StatusSeeOther)
	}
	link, err := s.Payments.StartOnboarding(ctx(c), sal.ID, sal.TimeZone, member(c).Email)
	if err != nil {
		return err
	}
	return c.Redirect(link, fiber.StatusSeeOther)
}
