package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/urls"
	agendaview "github.com/carnet-salon/carnet/views/agenda"
)

// paymentsOf adds an online booking's payments and saved card to the panel.
func (s *Server) paymentsOf(c *fiber.Ctx, sal salon.Salon, d *agendaview.Detail) error {
	online, fee, err := s.Booking.Online(ctx(c), sal, d.A.ID)
	if err != nil || !online {
		return err
	}
	m, err := s.Booking.Payments(ctx(c), sal.ID, d.A.ID)
	if err != nil {
		return err
	}
	d.Online, d.Card, d.FeeCents, d.DepositName, d.Owed = true, m.Card, fee, m.DepositName, m.Owed
	for _, p := range m.Payments {
		ref := ""
		for _, id := range []*string{p.RefundID, p.PaymentIntentID, p.SetupIntentID, p.CheckoutSessionID} {
			if id != nil && ref == "" {
				ref = *id
			}
		}
		d.Payments = append(d.Payments, agendaview.Payment{Kind: p.Kind, Status: p.Status, Failure: p.Failure, Outcome: p.Outcome, AmountCents: p.AmountCents, Ref: ref})
	}
	return nil
}

// handleAppointmentFee charges the no-show fee to the client's saved card.
func (s *Server) handleAppointmentFee(c *fiber.Ctx) error {
	sal, a, err := s.appointment(c)
	if err != nil {
		return err
	}
	outcome, err := s.Booking.ChargeFee(ctx(c), sal, a.ID)
	if err != nil {
		return err
	}
	s.flash(c, map[string]string{booking.FeeCharged: "flash.fee_charged", booking.FeeLinkSent: "flash.fee_link_sent",
		booking.FeeDeclined: "flash.fee_declined"}[outcome])
	return s.redirect(c, urls.AgendaOn(a.Start))
}
