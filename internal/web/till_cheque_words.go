package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/till"
	tillview "github.com/carnet-salon/carnet/views/till"
	"github.com/carnet-salon/carnet/views/ui"
)

// handleChequeWords answers the cheque form's amount as French words while
// the cashier types it, to compare with the cheque's "somme en toutes
// lettres"; an amount that does not parse gives no words rather than wrong ones.
func (s *Server) handleChequeWords(c *fiber.Ctx) error {
	cents, problem := money.Entry.Parse(c.Query("amount"))
	w := tillview.ChequeWords(cents, problem == "" && cents > 0)
	return s.render(c, w, w)
}

// chequeWordsCents is the amount whose words the ticket page shows at load:
// the refused form's amount as typed if it parses, otherwise what is due.
func chequeWordsCents(f ui.Form, t till.Ticket) (int64, bool) {
	if raw := f.Get("amount"); raw != "" {
		cents, problem := money.Entry.Parse(raw)
		return cents, problem == "" && cents > 0
	}
	return t.DueCents(), t.DueCents() > 0
}
