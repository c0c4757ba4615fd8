package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/till"
	"github.com/carnet-salon/carnet/internal/urls"
	tillview "github.com/carnet-salon/carnet/views/till"
	"github.com/carnet-salon/carnet/views/ui"
)

// dayForm opens a register's day (float) or closes it (counted cash).
type dayForm struct {
	Float   string `form:"float" field:"FloatCents"`
	Counted string `form:"counted" field:"CountedCents"`
}

// newTicketForm starts a sale, for a client found by the search or nobody.
type newTicketForm struct {
	RegisterID string `form:"register_id"`
	CustomerID string `form:"customer_id"`
	Q          string `form:"q"`
}

func (s *Server) caissePage(c *fiber.Ctx, v tillview.CaisseView) error {
	sal := currentSalon(c)
	var err error
	if v.Registers, err = s.Till.Registers(ctx(c), sal.ID); err != nil {
		return err
	}
	if v.Open, err = s.Till.OpenTickets(ctx(c), sal.ID); err != nil {
		return err
	}
	if v.Receipts, err = s.Till.Receipts(ctx(c), sal.ID, 20); err != nil {
		return err
	}
	v.Currency, v.CanManage = sal.Currency, account.CanManageTeam(member(c).Role)
	if v.F.Values == nil {
		v.F = ui.NewForm()
	}
	return s.render(c, tillview.CaissePage(v), nil)
}

// handleTill is the Caisse page. Opening it signs the member in to the
// registers open today: once per member and register day in the journal.
func (s *Server) handleTill(c *fiber.Ctx) error {
	if err := s.Till.SignIn(ctx(c), currentSalon(c).ID, member(c).UserID); err != nil {
		return err
	}
	return s.caissePage(c, tillview.CaisseView{})
}

// dayChange opens or closes the day of the register in the path.
func (s *Server) dayChange(c *fiber.Ctx, open bool) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var df dayForm
	if err := decodeForm(c, &df); err != nil {
		return err
	}
	edge := apperr.Fields{}
	sal, actor := currentSalon(c).ID, member(c).UserID
	var closing till.DayClosing
	if open {
		float := centsField(edge, "float", df.Float, money.Entry)
		err = submit(edge, noCheck, func() error { return s.Till.OpenDay(ctx(c), sal, id, actor, float) })
	} else {
		counted := centsField(edge, "counted", df.Counted, money.Entry)
		err = submit(edge, noCheck, func() (err error) {
			closing, err = s.Till.CloseDay(ctx(c), sal, id, actor, counted)
			return err
		})
	}
	if err != nil {
		var f ui.Form
		if !refusedForm(c, &f, df, err) {
			return err
		}
		return s.caissePage(c, tillview.CaisseView{F: ofRegister(f, id)})
	}
	if !open {
		return s.caissePage(c, tillview.CaisseView{Closing: &closing})
	}
	return s.redirect(c, urls.Till())
}

func (s *Server) handleDayOpen(c *fiber.Ctx) error  { return s.dayChange(c, true) }
func (s *Server) handleDayClose(c *fiber.Ctx) error { return s.dayChange(c, false) }

func (s *Server) handleTicketCreate(c *fiber.Ctx) error {
	var nf newTicketForm
	if err := decodeForm(c, &nf); err != nil {
		return err
	}
	register, _ := uuid.Parse(nf.RegisterID) // blank: the first open register
	client, _ := uuid.Parse(nf.CustomerID)   // blank: a walk-in nobody names
	id, err := s.Till.OpenTicket(ctx(c), currentSalon(c).ID, register, client, member(c).UserID)
	if err != nil {
		var f ui.Form
		if !refusedForm(c, &f, nf, err) {
			return err
		}
		return s.caissePage(c, tillview.CaisseView{F: f})
	}
	return s.redirect(c, urls.TillTicket(id))
}

// handleTicketFromVisit is the "Encaisser" button of a visit.
func (s *Server) handleTicketFromVisit(c *fiber.Ctx) error {
	appt, err := pathID(c, "id")
	if err != nil {
		return err
	}
	id, err := s.Till.OpenFromVisit(ctx(c), currentSalon(c).ID, uuid.Nil, appt, member(c).UserID)
	if err != nil {
		return err
	}
	return s.redirect(c, urls.TillTicket(id))
}

// ofRegister keys a refused day form's values and errors by the register
// it was sent for, as the Caisse page names each register's inputs.
func ofRegister(f ui.Form, register uuid.UUID) ui.Form {
	for _, name := range []string{"float", "counted"} {
		f.Rename(name, name+"-"+register.String(), f.Values[name])
	}
	return f
}

// noCheck is the area check of a form whose area validates only when saving.
func noCheck() error { return nil }
