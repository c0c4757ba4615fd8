package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/till"
	"github.com/carnet-salon/carnet/internal/urls"
	tillview "github.com/carnet-salon/carnet/views/till"
	"github.com/carnet-salon/carnet/views/ui"
)

// creditForm gives lines of a receipt back, and says how the money goes back.
type creditForm struct {
	Lines  []string `form:"line_id" field:"LineIDs"`
	Method string   `form:"method"`
}

func (s *Server) receiptPage(c *fiber.Ctx, id uuid.UUID, v tillview.ReceiptView) error {
	sal := currentSalon(c)
	var err error
	if v.T, err = s.Till.Ticket(ctx(c), sal.ID, id); err != nil {
		return err
	}
	if !v.T.Closed() {
		return s.redirect(c, urls.TillTicket(id))
	}
	if v.Settings, err = s.Till.Settings(ctx(c), sal.ID); err != nil {
		return err
	}
	if v.Credited, err = s.Till.CreditedLines(ctx(c), sal.ID, id); err != nil {
		return err
	}
	v.Currency, v.Location = sal.Currency, sal.Location()
	if err := s.fillHandOver(c, &v); err != nil {
		return err
	}
	if v.CreditF.Values == nil {
		v.CreditF = ui.NewForm()
	}
	return s.render(c, tillview.ReceiptPage(v), nil)
}

func (s *Server) handleReceipt(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	return s.receiptPage(c, id, tillview.ReceiptView{})
}

func (s *Server) handleCreditNote(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var cf creditForm
	if err := decodeForm(c, &cf); err != nil {
		return err
	}
	in := till.CreditInput{Method: cf.Method, Actor: member(c).UserID}
	for _, raw := range cf.Lines {
		if line, err := uuid.Parse(raw); err == nil {
			in.LineIDs = append(in.LineIDs, line)
		}
	}
	sal := currentSalon(c)
	credit, err := s.Till.CreditNote(ctx(c), sal.ID, id, in, sal.Currency)
	if err != nil {
		var f ui.Form
		if !refusedForm(c, &f, cf, err) {
			return err
		}
		return s.receiptPage(c, id, tillview.ReceiptView{CreditF: f})
	}
	return s.redirect(c, urls.TillReceipt(credit))
}
