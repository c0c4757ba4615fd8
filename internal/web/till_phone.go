package web

import (
	"encoding/base64"
	"fmt"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
	"rsc.io/qr"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/till"
	"github.com/carnet-salon/carnet/internal/urls"
	tillview "github.com/carnet-salon/carnet/views/till"
)

// handleTicketPhoneLink creates the Stripe link for what the ticket owes and
// shows the ticket again with its QR code; a refusal (not connected, nothing
// due) is said in the panel.
func (s *Server) handleTicketPhoneLink(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	sal := currentSalon(c)
	_, err = s.Till.StartLink(ctx(c), sal.ID, id, till.LinkInput{Currency: sal.Currency, Locale: string(i18n.LangFrom(ctx(c))),
		SuccessURL: s.publicURL(c)})
	if e, ok := apperr.As(err); ok && e.Code == apperr.Conflict {
		c.Status(fiber.StatusUnprocessableEntity)
		return s.ticketPage(c, id, tillview.TicketView{Phone: tillview.PhoneView{Error: e.Key}})
	}
	if err != nil {
		return err
	}
	return s.redirect(c, urls.TillTicket(id))
}

// handleTicketPhone is what the ticket page polls while a link is pending:
// the panel again, or the receipt once the webhook closed the ticket.
func (s *Server) handleTicketPhone(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	tk, err := s.Till.Ticket(ctx(c), currentSalon(c).ID, id)
	if err != nil {
		return err
	}
	if tk.Closed() {
		return s.redirect(c, urls.TillReceipt(id))
	}
	v, err := s.phoneView(c, id)
	if err != nil {
		return err
	}
	return s.render(c, tillview.PhonePanel(v), nil)
}

// phoneView is the ticket's phone payment panel.
func (s *Server) phoneView(c *fiber.Ctx, id uuid.UUID) (tillview.PhoneView, error) {
	sal := currentSalon(c)
	v := tillview.PhoneView{TicketID: id, Currency: sal.Currency}
	st, err := s.Payments.Status(ctx(c), sal.ID)
	if err != nil {
		return v, err
	}
	v.Available = st.CanCharge()
	links, err := s.Till.Links(ctx(c), sal.ID, id)
	if err != nil {
		return v, err
	}
	// The newest link expired unpaid: say so, the button sends a new one.
	v.Expired = len(links) > 0 && links[0].Status == till.LinkExpired
	for _, l := range links {
		if l.Status != till.LinkPending {
			continue
		}
		code, err := qr.Encode(l.URL, qr.M)
		if err != nil {
			return v, fmt.Errorf("web: phone link qr: %w", err)
		}
		code.Scale = 6
		v.Links = append(v.Links, tillview.PhoneLink{URL: l.URL, AmountCents: l.AmountCents,
			QR: templ.SafeURL("data:image/png;base64," + base64.StdEncoding.EncodeToString(code.PNG()))})
	}
	return v, nil
}
