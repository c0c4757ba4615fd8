package till

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Kinds of line.
const (
	LineService = "service"
	LineProduct = "product"
	LineFree    = "free"
)

// OpenTicket opens a ticket on a register whose day is open (registerID Nil:
// the first open register), for a walk-in client or nobody.
func (t *Till) OpenTicket(ctx context.Context, salonID, registerID, customerID, actor uuid.UUID) (uuid.UUID, error) {
	var id uuid.UUID
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		id, err = t.openTx(ctx, tx, salonID, registerID, customerID, uuid.Nil, actor)
		return err
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("till: open ticket: %w", err)
	}
	return id, nil
}

// OpenFromVisit opens the visit's ticket with its services, staff and
// client, and what the client already paid online for it; a visit that has
// an open ticket gets that one back.
func (t *Till) OpenFromVisit(ctx context.Context, salonID, registerID, appointmentID, actor uuid.UUID) (uuid.UUID, error) {
	var id uuid.UUID
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		// Held until the ticket has the visit's deposit: a cancellation waits
		// (see DepositTakenTx), or went first and the visit is cancelled.
		visit, err := lockVisitTx(ctx, tx, salonID, appointmentID)
		if err != nil {
			return err
		}
		if id, err = tx.TicketOpenOfVisit(ctx, dbq.TicketOpenOfVisitParams{TenantID: salonID, AppointmentID: &appointmentID}); err == nil {
			return nil
		} else if !store.IsNotFound(err) {
			return err
		}
		if visit.Status == "cancelled" || visit.Status == "pending" {
			return notBillableTx(ctx, tx, salonID, appointmentID, visit.Status)
		}
		if id, err = t.openTx(ctx, tx, salonID, registerID, visit.CustomerID, appointmentID, actor); err != nil {
			return err
		}
		return fillFromVisitTx(ctx, tx, salonID, id, appointmentID)
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("till: open from visit: %w", err)
	}
	return id, nil
}

func fillFromVisitTx(ctx context.Context, tx store.Tx, salonID, ticketID, appointmentID uuid.UUID) error {
	services, err := tx.TillVisitServices(ctx, dbq.TillVisitServicesParams{TenantID: salonID, AppointmentID: appointmentID})
	if err != nil {
		return err
	}
	for _, s := range services {
		// The price as booked already carries the client's category discount.
		if _, err := tx.TicketLineAdd(ctx, dbq.TicketLineAddParams{TenantID: salonID, TicketID: ticketID, Kind: LineService,
			ServiceID: &s.ServiceID, StaffID: &s.StaffID, Label: s.Name, Quantity: 1, UnitCents: s.PriceCents, RateBp: s.VatRateBp}); err != nil {
			return err
		}
	}
	paid, err := tx.TillVisitPaidOnline(ctx, dbq.TillVisitPaidOnlineParams{TenantID: salonID, AppointmentID: appointmentID})
	if err != nil {
		return err
	}
	for _, p := range paid {
		if p.NetCents <= 0 {
			continue
		}
		// Taken by another ticket of the visit already: the insert does nothing.
		if _, err := tx.TicketPaymentOnline(ctx, dbq.TicketPaymentOnlineParams{TenantID: salonID, TicketID: ticketID, AmountCents: p.NetCents,
			PaymentID: &p.ID, StripeIntentID: p.PaymentIntentID, StripeSessionID: p.CheckoutSessionID}); err != nil {
			return err
		}
	}
	return nil
}

func (t *Till) openTx(ctx context.Context, tx store.Tx, salonID, registerID, customerID, appointmentID, actor uuid.UUID) (uuid.UUID, error) {
	day, err := openDayTx(ctx, tx, salonID, registerID)
	if err != nil {
		return uuid.Nil, err
	}
	var bp int32
	if customerID != uuid.Nil {
		if bp, err = customer.DiscountTx(ctx, tx, salonID, customerID); err != nil {
			return uuid.Nil, err
		}
	}
	return tx.TicketCreate(ctx, dbq.TicketCreateParams{TenantID: salonID, RegisterID: day.RegisterID, DayID: day.ID, Kind: KindSale,
		AppointmentID: ptr(appointmentID), CustomerID: ptr(customerID), CategoryBp: bp, OpenedAt: t.now(), OpenedBy: &actor})
}

// openDayTx is the register's open day (registerID Nil: the first register
// open); sales need one.
func openDayTx(ctx context.Context, tx store.Tx, salonID, registerID uuid.UUID) (dbq.RegisterDay, error) {
	if registerID == uuid.Nil {
		regs, err := tx.RegisterList(ctx, salonID)
		if err != nil {
			return dbq.RegisterDay{}, err
		}
		for _, r := range regs {
			if r.DayID != nil {
				registerID = r.ID
				break
			}
		}
	}
	day, err := tx.RegisterDayCurrent(ctx, dbq.RegisterDayCurrentParams{TenantID: salonID, RegisterID: registerID})
	if store.IsNotFound(err) {
		return day, apperr.New(apperr.Conflict, "till.day.closed")
	}
	return day, err
}

// SetCustomer names the ticket's client (Nil: nobody); the client's category
// discount then applies to its services.
func (t *Till) SetCustomer(ctx context.Context, salonID, ticketID, customerID uuid.UUID) error {
	return t.change(ctx, salonID, ticketID, "set client", func(tx store.Tx, tk dbq.Ticket) error {
		if tk.AppointmentID != nil {
			return apperr.New(apperr.Conflict, "till.ticket.visit_client")
		}
		// What is left on the account is the named client's: it cannot move to
		// another client, or to nobody, once taken.
		if has, err := hasPayment(ctx, tx, salonID, ticketID, MethodAccount); err != nil || has {
			return cmp.Or[error](err, apperr.New(apperr.Conflict, "till.ticket.account_taken"))
		}
		var bp int32
		if customerID != uuid.Nil {
			var err error
			if bp, err = customer.DiscountTx(ctx, tx, salonID, customerID); err != nil {
				return err
			}
		}
		_, err := tx.TicketSetCustomer(ctx, dbq.TicketSetCustomerParams{TenantID: salonID, ID: ticketID, CustomerID: ptr(customerID), CategoryBp: bp})
		return err
	})
}

// LineInput is a line the cashier adds. Field errors are keyed by its names.
type LineInput struct {
	Kind      string
	ServiceID uuid.UUID // a service line
	ProductID uuid.UUID // a product line
	StaffID   uuid.UUID // who did the service, or sold (optional)
	Label     string    // a free line
	Quantity  int64
	UnitCents int64 // a free line's price including VAT
	RateBP    int32 // a free line's VAT rate
}

// AddLine adds a service, product or free line to an open ticket.
func (t *Till) AddLine(ctx context.Context, salonID, ticketID uuid.UUID, in LineInput) error {
	f := apperr.Fields{}
	if in.Quantity < 1 || in.Quantity > 1000 {
		f.Add("Quantity", "till.quantity.range")
	}
	if in.Kind == LineFree {
		in.Label = strings.TrimSpace(in.Label)
		if in.Label == "" {
			f.Add("Label", "field.required")
		} else if len([]rune(in.Label)) > 120 {
			f.Add("Label", "name.long")
		}
		if p := money.Price.Check(in.UnitCents); p != "" {
			f.Add("UnitCents", p)
		}
		if !ValidRate(in.RateBP) {
			f.Add("RateBP", "till.rate.invalid")
		}
	}
	if err := f.Err(); err != nil {
		return err
	}
	return t.change(ctx, salonID, ticketID, "add line", func(tx store.Tx, tk dbq.Ticket) error {
		p, err := lineParamsTx(ctx, tx, salonID, tk, in)
		if err != nil {
			return err
		}
		_, err = tx.TicketLineAdd(ctx, p)
		return err
	})
}

func lineParamsTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, tk dbq.Ticket, in LineInput) (dbq.TicketLineAddParams, error) {
	p := dbq.TicketLineAddParams{TenantID: salonID, TicketID: tk.ID, Kind: in.Kind, Quantity: int32(in.Quantity), StaffID: ptr(in.StaffID)}
	if in.StaffID != uuid.Nil {
		if _, err := tx.TillStaff(ctx, dbq.TillStaffParams{TenantID: salonID, ID: in.StaffID}); err != nil {
			return p, apperr.Fields{"StaffID": "till.staff.unknown"}.Err()
		}
	}
	switch in.Kind {
	case LineService:
		s, err := tx.TillService(ctx, dbq.TillServiceParams{TenantID: salonID, ID: in.ServiceID})
		if err != nil {
			return p, apperr.Fields{"ServiceID": "till.service.unknown"}.Err()
		}
		p.ServiceID, p.Label, p.UnitCents, p.RateBp = &s.ID, s.Name, s.PriceCents, s.VatRateBp
		if tk.CategoryBp > 0 {
			p.DiscountBp, p.DiscountReason = tk.CategoryBp, ReasonCategory
		}
	case LineProduct:
		pr, err := tx.TillProduct(ctx, dbq.TillProductParams{TenantID: salonID, ID: in.ProductID})
		if err != nil {
			return p, apperr.Fields{"ProductID": "till.product.unknown"}.Err()
		}
		p.ProductID, p.Label, p.UnitCents, p.RateBp = &pr.ID, pr.Name, pr.PriceCents, pr.VatRateBp
	case LineFree:
		p.Label, p.UnitCents, p.RateBp = in.Label, in.UnitCents, in.RateBP
	default:
		return p, apperr.Fields{"Kind": "till.line.kind_invalid"}.Err()
	}
	return p, nil
}

// RemoveLine takes a line off an open ticket.
func (t *Till) RemoveLine(ctx context.Context, salonID, ticketID, lineID uuid.UUID) error {
	return t.change(ctx, salonID, ticketID, "remove line", func(tx store.Tx, _ dbq.Ticket) error {
		n, err := tx.TicketLineRemove(ctx, dbq.TicketLineRemoveParams{TenantID: salonID, TicketID: ticketID, ID: lineID})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
}

// DiscountInput is a discount in basis points or as an amount, with its
// reason. Field errors are keyed by its names.
type DiscountInput struct {
	BP     int64
	Cents  int64
	Reason string
}

func (in DiscountInput) parse() (DiscountInput, error) {
	f := apperr.Fields{}
	in.Reason = strings.TrimSpace(in.Reason)
	if in.BP < 0 || in.BP > 10000 {
		f.Add("BP", "till.discount.percent")
	}
	if in.Cents < 0 || in.Cents > money.Entry.Max {
		f.Add("Cents", "amount.invalid")
	}
	if (in.BP > 0 || in.Cents > 0) && in.Reason == "" {
		f.Add("Reason", "till.discount.reason")
	}
	if len([]rune(in.Reason)) > 120 {
		f.Add("Reason", "text.long")
	}
	return in, f.Err()
}

// SetLineDiscount sets (or, at zero, removes) a line's discount.
func (t *Till) SetLineDiscount(ctx context.Context, salonID, ticketID, lineID uuid.UUID, in DiscountInput) error {
	in, err := in.parse()
	if err != nil {
		return err
	}
	return t.change(ctx, salonID, ticketID, "line discount", func(tx store.Tx, _ dbq.Ticket) error {
		n, err := tx.TicketLineDiscount(ctx, dbq.TicketLineDiscountParams{TenantID: salonID, TicketID: ticketID, ID: lineID,
			DiscountBp: int32(in.BP), DiscountCents: in.Cents, DiscountReason: in.Reason})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
}

// SetDiscount sets (or, at zero, removes) the ticket's discount.
func (t *Till) SetDiscount(ctx context.Context, salonID, ticketID uuid.UUID, in DiscountInput) error {
	in, err := in.parse()
	if err != nil {
		return err
	}
	return t.change(ctx, salonID, ticketID, "ticket discount", func(tx store.Tx, _ dbq.Ticket) error {
		_, err := tx.TicketSetDiscount(ctx, dbq.TicketSetDiscountParams{TenantID: salonID, ID: ticketID,
			DiscountBp: int32(in.BP), DiscountCents: in.Cents, DiscountReason: in.Reason})
		return err
	})
}

// DeleteTicket abandons an open ticket (a closed one is final).
func (t *Till) DeleteTicket(ctx context.Context, salonID, ticketID uuid.UUID) error {
	return t.change(ctx, salonID, ticketID, "delete ticket", func(tx store.Tx, _ dbq.Ticket) error {
		// The client's money paid on their phone is recorded only here.
		if has, err := hasPayment(ctx, tx, salonID, ticketID, MethodStripe); err != nil || has {
			return cmp.Or[error](err, apperr.New(apperr.Conflict, "till.ticket.paid_by_phone"))
		}
		_, err := tx.TicketDelete(ctx, dbq.TicketDeleteParams{TenantID: salonID, ID: ticketID})
		return err
	})
}

// hasPayment says whether the ticket has a payment by method.
func hasPayment(ctx context.Context, tx store.Tx, salonID, ticketID uuid.UUID, method string) (bool, error) {
	pays, err := tx.TicketPayments(ctx, dbq.TicketPaymentsParams{TenantID: salonID, TicketID: ticketID})
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(pays, func(p dbq.TicketPayment) bool { return p.Method == method }), nil
}
