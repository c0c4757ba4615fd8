package web

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/farewell"
	"github.com/carnet-salon/carnet/internal/urls"
	tillview "github.com/carnet-salon/carnet/views/till"
	"github.com/carnet-salon/carnet/views/ui"
)

// nextForm is the next visit as tapped on the farewell: a free time the page
// offered (RFC 3339, with its offset) and who is free then. The agenda names
// its refusals "time" and "staff".
type nextForm struct {
	Start string `form:"start" field:"time"`
	Staff string `form:"staff_id" field:"staff"`
}

func (f nextForm) input(loc *time.Location) (farewell.BookInput, apperr.Fields) {
	edge := apperr.Fields{}
	var in farewell.BookInput
	start, err := time.Parse(time.RFC3339, strings.TrimSpace(f.Start))
	if err != nil {
		edge.Add("start", "field.required")
	}
	in.Start = start.In(loc)
	in.StaffID, _ = uuid.Parse(f.Staff) // blank: the staff member of the sale
	return in, edge
}

// farewellPage shows the farewell of a closed sale, with the refused next
// visit, if any; a ticket still open (or a credit note) goes where its
// ticket page sends it.
func (s *Server) farewellPage(c *fiber.Ctx, id uuid.UUID, f ui.Form) error {
	sal := currentSalon(c)
	p, err := s.Farewell.Page(ctx(c), sal, id)
	if errors.Is(err, farewell.ErrNotClosed) {
		return s.redirect(c, urls.TillTicket(id))
	}
	if err != nil {
		return err
	}
	if f.Values == nil {
		f = ui.NewForm()
	}
	return s.render(c, tillview.FarewellPage(tillview.FarewellView{P: p, Currency: sal.Currency, Location: sal.Location(), F: f}), nil)
}

func (s *Server) handleFarewell(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	return s.farewellPage(c, id, ui.Form{})
}

// handleFarewellNext books the next visit in one tap; a second tap lands on
// the visit the first one booked.
func (s *Server) handleFarewellNext(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var nf nextForm
	if err := decodeForm(c, &nf); err != nil {
		return err
	}
	sal := currentSalon(c)
	in, edge := nf.input(sal.Location())
	err = submit(edge, noCheck, func() error {
		_, err := s.Farewell.Book(ctx(c), sal, id, member(c).UserID, in)
		return err
	})
	if err != nil {
		var f ui.Form
		if !refusedForm(c, &f, nf, err) {
			return err
		}
		return s.farewellPage(c, id, f)
	}
	return s.redirect(c, urls.TillFarewell(id))
}
