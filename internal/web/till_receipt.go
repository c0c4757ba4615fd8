package web

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/till"
	"github.com/carnet-salon/carnet/internal/urls"
	tillview "github.com/carnet-salon/carnet/views/till"
	"github.com/carnet-salon/carnet/views/ui"
)

// creditForm gives lines of a receipt back, and says how the money goes back.
// A line sold more than once has a quantity: quantity_line[i] names the line
// of quantity[i].
type creditForm struct {
	Lines      []string `form:"line_id" field:"LineIDs"`
	QtyLines   []string `form:"quantity_line"`
	Quantities []string `form:"quantity"`
	Method     string   `form:"method"`
}

// creditQtyField is the form's name of a line's quantity (its input's id).
func creditQtyField(line uuid.UUID) string { return "credit-qty-" + line.String() }

func (f creditForm) input(actor uuid.UUID) (till.CreditInput, apperr.Fields) {
	edge := apperr.Fields{}
	in := till.CreditInput{Method: f.Method, Actor: actor, Quantities: map[uuid.UUID]int64{}}
	for _, raw := range f.Lines {
		if line, err := uuid.Parse(raw); err == nil {
			in.LineIDs = append(in.LineIDs, line)
		}
	}
	for i, raw := range f.QtyLines {
		line, err := uuid.Parse(raw)
		if err != nil || i >= len(f.Quantities) || !slices.Contains(in.LineIDs, line) {
			continue
		}
		if q := strings.TrimSpace(f.Quantities[i]); q != "" {
			in.Quantities[line] = int64(intField(edge, creditQtyField(line), q))
		}
	}
	return in, edge
}

// refused puts back, line by line, what was ticked and typed, and the area's
// errors about a line's quantity beside that line's field.
func (f creditForm) refused(form *ui.Form) {
	for _, raw := range f.Lines {
		form.Values["line-"+raw] = "on"
	}
	for i, raw := range f.QtyLines {
		if line, err := uuid.Parse(raw); err == nil && i < len(f.Quantities) {
			form.Rename(till.QuantityField(line), creditQtyField(line), f.Quantities[i])
		}
	}
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
	in, edge := cf.input(member(c).UserID)
	sal := currentSalon(c)
	var credit uuid.UUID
	err = submit(edge, noCheck, func() (err error) {
		credit, err = s.Till.CreditNote(ctx(c), sal.ID, id, in, sal.Currency)
		return err
	})
	if err != nil {
		var f ui.Form
		if !refusedForm(c, &f, cf, err) {
			return err
		}
		cf.refused(&f)
		return s.receiptPage(c, id, tillview.ReceiptView{CreditF: f})
	}
	return s.redirect(c, urls.TillReceipt(credit))
}
