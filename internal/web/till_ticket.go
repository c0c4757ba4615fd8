package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/till"
	"github.com/carnet-salon/carnet/internal/urls"
	tillview "github.com/carnet-salon/carnet/views/till"
	"github.com/carnet-salon/carnet/views/ui"
)

// lineForm adds a service, a product or a free line.
type lineForm struct {
	Kind     string `form:"kind"`
	Service  string `form:"service_id" field:"ServiceID"`
	Product  string `form:"product_id" field:"ProductID"`
	Staff    string `form:"staff_id" field:"StaffID"`
	Label    string `form:"label"`
	Quantity string `form:"quantity"`
	Price    string `form:"price" field:"UnitCents"`
	Rate     string `form:"rate" field:"RateBP"`
}

func (f lineForm) input() (till.LineInput, apperr.Fields) {
	edge := apperr.Fields{}
	in := till.LineInput{Kind: f.Kind, Label: f.Label, Quantity: 1}
	in.ServiceID, _ = uuid.Parse(f.Service)
	in.ProductID, _ = uuid.Parse(f.Product)
	in.StaffID, _ = uuid.Parse(f.Staff)
	if strings.TrimSpace(f.Quantity) != "" {
		in.Quantity = int64(intField(edge, "quantity", f.Quantity))
	}
	if f.Kind == till.LineFree {
		in.UnitCents = centsField(edge, "price", f.Price, money.Price)
		in.RateBP = int32(intField(edge, "rate", f.Rate))
	}
	return in, edge
}

// discountForm is a discount as a percentage or an amount, with its reason.
type discountForm struct {
	Percent string `form:"discount_percent" field:"BP"`
	Amount  string `form:"discount_amount" field:"Cents"`
	Reason  string `form:"discount_reason" field:"Reason"`
}

func (f discountForm) input() (till.DiscountInput, apperr.Fields) {
	edge := apperr.Fields{}
	in := till.DiscountInput{Reason: f.Reason}
	if strings.TrimSpace(f.Percent) != "" {
		bp, err := money.ParsePercent(f.Percent)
		if err != nil {
			edge.Add("discount_percent", "till.discount.percent")
		}
		in.BP = bp
	}
	if strings.TrimSpace(f.Amount) != "" {
		in.Cents = centsField(edge, "discount_amount", f.Amount, money.Entry)
	}
	return in, edge
}

// customerForm names the ticket's client.
type customerForm struct {
	CustomerID string `form:"customer_id"`
	Q          string `form:"q"`
}

// ticketPage shows an open ticket (a closed one is its receipt), with the
// refused form, if any, as it was typed.
func (s *Server) ticketPage(c *fiber.Ctx, id uuid.UUID, v tillview.TicketView) error {
	sal := currentSalon(c)
	var err error
	if v.T, err = s.Till.Ticket(ctx(c), sal.ID, id); err != nil {
		return err
	}
	if v.T.Closed() {
		return s.redirect(c, urls.TillReceipt(id))
	}
	if v.Services, err = s.Catalog.Services(ctx(c), sal.ID); err != nil {
		return err
	}
	if v.Products, err = s.Catalog.Products(ctx(c), sal.ID); err != nil {
		return err
	}
	if v.Staff, err = s.Team.Members(ctx(c), sal.ID); err != nil {
		return err
	}
	refusal := v.Phone.Error
	if v.Phone, err = s.phoneView(c, id); err != nil {
		return err
	}
	v.Phone.Error = refusal
	v.Currency = sal.Currency
	for _, f := range []*ui.Form{&v.LineF, &v.DiscountF, &v.PayF, &v.CloseF} {
		if f.Values == nil {
			*f = ui.NewForm()
		}
	}
	v.WordsCents, v.WordsOK = chequeWordsCents(v.PayF, v.T)
	return s.render(c, tillview.TicketPage(v), nil)
}

func (s *Server) handleTicket(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	return s.ticketPage(c, id, tillview.TicketView{})
}

// ticketChange runs save on the ticket of the path once the edge found
// nothing wrong; a refusal shows the ticket again with the refused form
// (put in place by put) as typed.
func (s *Server) ticketChange(c *fiber.Ctx, src any, edge apperr.Fields, put func(*tillview.TicketView, ui.Form),
	save func(id uuid.UUID) error) error {
	return s.ticketChangeThen(c, src, edge, put, save, urls.TillTicket)
}

// ticketChangeThen is ticketChange going on to then(id) once saved.
func (s *Server) ticketChangeThen(c *fiber.Ctx, src any, edge apperr.Fields, put func(*tillview.TicketView, ui.Form),
	save func(id uuid.UUID) error, then func(uuid.UUID) string) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := submit(edge, noCheck, func() error { return save(id) }); err != nil {
		if e, ok := apperr.As(err); ok && e.Key == "till.ticket.closed" {
			return err // the ticket is a receipt now: no form to show again
		}
		var f ui.Form
		if !refusedForm(c, &f, src, err) {
			return err
		}
		var v tillview.TicketView
		put(&v, f)
		return s.ticketPage(c, id, v)
	}
	return s.redirect(c, then(id))
}

func putLine(v *tillview.TicketView, f ui.Form)     { v.LineF = f }
func putDiscount(v *tillview.TicketView, f ui.Form) { v.DiscountF = f }
func putClose(v *tillview.TicketView, f ui.Form)    { v.CloseF = f }

func (s *Server) handleTicketLineAdd(c *fiber.Ctx) error {
	var lf lineForm
	if err := decodeForm(c, &lf); err != nil {
		return err
	}
	in, edge := lf.input()
	return s.ticketChange(c, lf, edge, putLine, func(id uuid.UUID) error {
		return s.Till.AddLine(ctx(c), currentSalon(c).ID, id, in)
	})
}

func (s *Server) handleTicketLineRemove(c *fiber.Ctx) error {
	line, err := pathID(c, "line")
	if err != nil {
		return err
	}
	return s.ticketChange(c, lineForm{}, nil, putLine, func(id uuid.UUID) error {
		return s.Till.RemoveLine(ctx(c), currentSalon(c).ID, id, line)
	})
}

func (s *Server) handleTicketLineDiscount(c *fiber.Ctx) error {
	line, err := pathID(c, "line")
	if err != nil {
		return err
	}
	var df discountForm
	if err := decodeForm(c, &df); err != nil {
		return err
	}
	in, edge := df.input()
	return s.ticketChange(c, df, edge, putDiscount, func(id uuid.UUID) error {
		return s.Till.SetLineDiscount(ctx(c), currentSalon(c).ID, id, line, in)
	})
}

func (s *Server) handleTicketDiscount(c *fiber.Ctx) error {
	var df discountForm
	if err := decodeForm(c, &df); err != nil {
		return err
	}
	in, edge := df.input()
	return s.ticketChange(c, df, edge, putDiscount, func(id uuid.UUID) error {
		return s.Till.SetDiscount(ctx(c), currentSalon(c).ID, id, in)
	})
}

func (s *Server) handleTicketCustomer(c *fiber.Ctx) error {
	var cf customerForm
	if err := decodeForm(c, &cf); err != nil {
		return err
	}
	client, _ := uuid.Parse(cf.CustomerID)
	return s.ticketChange(c, cf, nil, putClose, func(id uuid.UUID) error {
		return s.Till.SetCustomer(ctx(c), currentSalon(c).ID, id, client)
	})
}

// handleTicketClose closes a paid ticket and goes on to the farewell (seed
// 000: thank the client by name, see them to the door with their next visit).
func (s *Server) handleTicketClose(c *fiber.Ctx) error {
	sal := currentSalon(c)
	return s.ticketChangeThen(c, customerForm{}, nil, putClose, func(id uuid.UUID) error {
		_, err := s.Till.Close(ctx(c), sal.ID, id, member(c).UserID, sal.Currency)
		return err
	}, urls.TillFarewell)
}

func (s *Server) handleTicketDelete(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.Till.DeleteTicket(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	return s.redirect(c, urls.Till())
}
