package web

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/views/settings"
)

// spanForm is a closure's or an absence's form as typed; its fields are
// salon.DateSpanInput's.
type spanForm struct {
	From   string `form:"from"`
	To     string `form:"to"`
	Reason string `form:"reason"`
}

// input parses the dates (<input type=date> sends YYYY-MM-DD); problems are
// keyed by the form's field names. No end date is the first day alone.
func (f spanForm) input() (salon.DateSpanInput, apperr.Fields) {
	errs := apperr.Fields{}
	in := salon.DateSpanInput{From: dateField(errs, "from", f.From), Reason: f.Reason}
	if strings.TrimSpace(f.To) != "" {
		in.To = dateField(errs, "to", f.To)
	}
	return in, errs
}

// decodeSpan decodes a posted closure or absence form.
func decodeSpan(c *fiber.Ctx) (spanForm, salon.DateSpanInput, apperr.Fields, error) {
	var sf spanForm
	if err := decodeForm(c, &sf); err != nil {
		return sf, salon.DateSpanInput{}, nil, err
	}
	in, edge := sf.input()
	return sf, in, edge, nil
}

// spanChoice reads what the salon decided on the page listing the visits an
// absence or a closure falls on: the visits it was shown, and a button.
// Without a button (the first post, or Enter pressed) it has decided nothing.
func spanChoice(c *fiber.Ctx) agenda.SpanChoice {
	choice := c.FormValue("choice")
	if choice != "cancel" && choice != "keep" {
		return agenda.SpanChoice{}
	}
	ch := agenda.SpanChoice{Cancel: choice == "cancel"}
	for _, v := range c.Request().PostArgs().PeekMulti("seen") {
		if id, err := uuid.Parse(string(v)); err == nil {
			ch.Seen = append(ch.Seen, id)
		}
	}
	return ch
}

// spanSaved finishes an absence or a closure the agenda saved: the visits the
// salon chose to cancel are cancelled, each client told, then back to back.
// If it was not saved because visits fall on it, they are shown instead.
func (s *Server) spanSaved(c *fiber.Ctx, err error, visits []agenda.Appointment, v settings.SpanVisitsView, flash, back string) error {
	if errors.Is(err, agenda.ErrVisitsInSpan) {
		v.Visits = visits
		c.Status(fiber.StatusConflict)
		return s.render(c, settings.SpanVisitsPage(v), nil)
	}
	if err != nil {
		return err
	}
	ids := make([]uuid.UUID, len(visits))
	for i, a := range visits {
		ids[i] = a.ID
	}
	if err := s.Booking.CancelAllBySalon(ctx(c), currentSalon(c), ids); err != nil {
		return err
	}
	switch {
	case len(visits) > 0:
		flash = "flash.span_cancelled"
	case c.FormValue("choice") == "keep":
		flash = "flash.span_kept"
	}
	s.flash(c, flash)
	return s.redirect(c, back)
}
