package till

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/till/cheque"
)

// Kinds and statuses of a ticket.
const (
	KindSale       = "sale"
	KindCreditNote = "credit_note"
	StatusOpen     = "open"
	StatusClosed   = "closed"
)

// ReasonCategory is the discount reason the client's category gives.
const ReasonCategory = "category"

// Ticket is a sale being rung up or closed, or a credit note.
type Ticket struct {
	ID             uuid.UUID
	RegisterID     uuid.UUID
	RegisterName   string
	Kind           string
	Status         string
	Number         int64 // 0 until closed
	AppointmentID  uuid.UUID
	CustomerID     uuid.UUID
	CustomerName   string
	CategoryBP     int32
	Discount       Discount
	DiscountReason string
	VATExempt      bool
	RefersTo       uuid.UUID // a credit note: the ticket it corrects
	RefersNumber   int64
	OpenedAt       time.Time
	ClosedAt       time.Time
	Lines          []Line
	Payments       []Payment
	Totals         Totals
}

// Line is one line of a ticket, with its share of the totals.
type Line struct {
	ID             uuid.UUID
	Kind           string // service, product, free
	ServiceID      uuid.UUID
	ProductID      uuid.UUID
	StaffID        uuid.UUID
	StaffName      string
	Label          string
	Quantity       int64
	UnitCents      int64
	RateBP         int64
	DiscountBP     int64
	DiscountCents  int64
	DiscountReason string
	InclCents      int64
	VATCents       int64
}

// Payment is money in (or out, negative) for a ticket.
type Payment struct {
	ID          uuid.UUID
	Method      string // cash, card, cheque, online, account
	AmountCents int64
	GivenCents  int64 // cash handed over
	ChangeCents int64 // cash given back
	Reference   string
	StripeID    string         // online: the payment intent or checkout session
	Cheque      cheque.Details // cheque: what the cashier checked
}

// Closed reports whether the ticket has its number.
func (t Ticket) Closed() bool { return t.Status == StatusClosed }

// PaidCents is what the payments bring so far.
func (t Ticket) PaidCents() int64 {
	var sum int64
	for _, p := range t.Payments {
		sum += p.AmountCents
	}
	return sum
}

// DueCents is what remains to be paid (negative on a credit note: to pay out).
func (t Ticket) DueCents() int64 { return t.Totals.InclCents - t.PaidCents() }

// ExcessToAccount says the money paid beyond an open ticket's total can go
// to the client's account at closing: all of it came from the visit's
// online payments, and the ticket has a client.
func (t Ticket) ExcessToAccount() bool {
	return t.DueCents() < 0 && t.CustomerID != uuid.Nil && t.ToAccountCents() == -t.DueCents()
}

// ToAccountCents is what goes to the client's account as credit: on an open
// sale, the part of the amount paid beyond the total that the online
// payments (the visit's deposit) brought, kept at closing; on a closed one,
// what was kept.
func (t Ticket) ToAccountCents() int64 {
	var online, kept int64
	for _, p := range t.Payments {
		switch {
		case p.Method == MethodOnline:
			online += p.AmountCents
		case p.Method == MethodAccount && p.AmountCents < 0:
			kept -= p.AmountCents
		}
	}
	if t.Kind != KindSale || t.Closed() {
		return kept
	}
	return min(max(-t.DueCents(), 0), online)
}

// ChangeCents is the cash given back.
func (t Ticket) ChangeCents() int64 {
	var sum int64
	for _, p := range t.Payments {
		sum += p.ChangeCents
	}
	return sum
}

// Ticket returns a ticket with its lines, payments and totals.
func (t *Till) Ticket(ctx context.Context, salonID, id uuid.UUID) (Ticket, error) {
	var out Ticket
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		out, err = loadTx(ctx, tx, salonID, id)
		return err
	})
	if err != nil {
		return Ticket{}, fmt.Errorf("till: ticket: %w", err)
	}
	return out, nil
}

func loadTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID) (Ticket, error) {
	r, err := tx.TicketGet(ctx, dbq.TicketGetParams{TenantID: salonID, ID: id})
	if err != nil {
		return Ticket{}, err
	}
	tk := Ticket{ID: r.ID, RegisterID: r.RegisterID, RegisterName: r.RegisterName, Kind: r.Kind, Status: r.Status,
		AppointmentID: deref(r.AppointmentID), CustomerID: deref(r.CustomerID), CustomerName: r.CustomerName, CategoryBP: r.CategoryBp,
		Discount: Discount{BP: int64(r.DiscountBp), Cents: r.DiscountCents}, DiscountReason: r.DiscountReason, VATExempt: r.VatExempt,
		RefersTo: deref(r.RefersTo), RefersNumber: r.RefersNumber, OpenedAt: r.OpenedAt}
	if r.Number != nil {
		tk.Number = *r.Number
	}
	if r.ClosedAt != nil {
		tk.ClosedAt = *r.ClosedAt
	}
	lines, err := tx.TicketLines(ctx, dbq.TicketLinesParams{TenantID: salonID, TicketID: id})
	if err != nil {
		return Ticket{}, err
	}
	for _, l := range lines {
		tk.Lines = append(tk.Lines, Line{ID: l.ID, Kind: l.Kind, ServiceID: deref(l.ServiceID), ProductID: deref(l.ProductID),
			StaffID: deref(l.StaffID), StaffName: l.StaffName, Label: l.Label, Quantity: int64(l.Quantity), UnitCents: l.UnitCents,
			RateBP: int64(l.RateBp), DiscountBP: int64(l.DiscountBp), DiscountCents: l.DiscountCents, DiscountReason: l.DiscountReason})
	}
	pays, err := tx.TicketPayments(ctx, dbq.TicketPaymentsParams{TenantID: salonID, TicketID: id})
	if err != nil {
		return Ticket{}, err
	}
	for _, p := range pays {
		tk.Payments = append(tk.Payments, paymentFrom(p))
	}
	tk.compute()
	return tk, nil
}

// compute fills the totals and each line's share from the lines.
func (t *Ticket) compute() {
	in := make([]LineIn, len(t.Lines))
	for i, l := range t.Lines {
		in[i] = LineIn{Quantity: l.Quantity, UnitCents: l.UnitCents, RateBP: l.RateBP, DiscountBP: l.DiscountBP, DiscountCents: l.DiscountCents}
	}
	t.Totals = Compute(in, t.Discount, t.VATExempt)
	for i := range t.Lines {
		t.Lines[i].InclCents, t.Lines[i].VATCents = t.Totals.Lines[i].InclCents, t.Totals.Lines[i].VATCents
	}
}

func paymentFrom(p dbq.TicketPayment) Payment {
	out := Payment{ID: p.ID, Method: p.Method, AmountCents: p.AmountCents, GivenCents: p.GivenCents, ChangeCents: p.ChangeCents,
		Reference: p.Reference}
	switch {
	case p.StripeIntentID != nil:
		out.StripeID = *p.StripeIntentID
	case p.StripeSessionID != nil:
		out.StripeID = *p.StripeSessionID
	}
	if p.Method == MethodCheque {
		out.Cheque = cheque.Details{AmountCents: p.AmountCents, IssuedOn: derefT(p.ChequeIssuedOn), SignaturePresent: p.ChequeSigned != nil && *p.ChequeSigned,
			Bank: derefS(p.ChequeBank), Number: derefS(p.ChequeNumber), HolderIDType: derefS(p.HolderIDType),
			HolderIDNumber: derefS(p.HolderIDNumber), HolderIDIssuedOn: derefT(p.HolderIDIssuedOn), HolderIDIssuedAt: derefS(p.HolderIDIssuedAt)}
	}
	return out
}

// lockOpenTx locks an open ticket for a change; a closed one is final.
func lockOpenTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID) (dbq.Ticket, error) {
	r, err := tx.TicketLock(ctx, dbq.TicketLockParams{TenantID: salonID, ID: id})
	if err != nil {
		return r, err
	}
	if r.Status != StatusOpen {
		return r, apperr.New(apperr.Conflict, "till.ticket.closed")
	}
	return r, nil
}

// change runs fn on an open ticket inside one unit of work.
func (t *Till) change(ctx context.Context, salonID, id uuid.UUID, op string, fn func(tx store.Tx, tk dbq.Ticket) error) error {
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		tk, err := lockOpenTx(ctx, tx, salonID, id)
		if err != nil {
			return err
		}
		return fn(tx, tk)
	})
	if err != nil {
		return fmt.Errorf("till: %s: %w", op, err)
	}
	return nil
}

// Summary is a ticket in a list.
type Summary struct {
	ID           uuid.UUID
	Kind         string
	Number       int64
	RegisterName string
	CustomerName string
	At           time.Time // opened (open tickets) or closed
	InclCents    int64
	Appointment  uuid.UUID
}

// OpenTickets lists the tickets being rung up, oldest first.
func (t *Till) OpenTickets(ctx context.Context, salonID uuid.UUID) ([]Summary, error) {
	var out []Summary
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.TicketListOpen(ctx, salonID)
		for _, r := range rows {
			out = append(out, Summary{ID: r.ID, RegisterName: r.RegisterName, CustomerName: r.CustomerName, At: r.OpenedAt, InclCents: r.InclCents})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("till: open tickets: %w", err)
	}
	return out, nil
}

// Receipts lists the latest closed tickets and credit notes.
func (t *Till) Receipts(ctx context.Context, salonID uuid.UUID, limit int32) ([]Summary, error) {
	var out []Summary
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.TicketListClosed(ctx, dbq.TicketListClosedParams{TenantID: salonID, Max: limit})
		for _, r := range rows {
			out = append(out, Summary{ID: r.ID, Kind: r.Kind, Number: deref64(r.Number), RegisterName: r.RegisterName, At: derefT(r.ClosedAt), InclCents: r.InclCents})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("till: receipts: %w", err)
	}
	return out, nil
}

// ReceiptsOfCustomer lists a client's receipts, for their record's visits.
func (t *Till) ReceiptsOfCustomer(ctx context.Context, salonID, customerID uuid.UUID) ([]Summary, error) {
	var out []Summary
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.TicketsOfCustomer(ctx, dbq.TicketsOfCustomerParams{TenantID: salonID, CustomerID: &customerID})
		for _, r := range rows {
			out = append(out, Summary{ID: r.ID, Kind: r.Kind, Number: deref64(r.Number), At: derefT(r.ClosedAt), InclCents: r.InclCents,
				Appointment: deref(r.AppointmentID)})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("till: receipts of client: %w", err)
	}
	return out, nil
}

func deref(p *uuid.UUID) uuid.UUID {
	if p == nil {
		return uuid.Nil
	}
	return *p
}

func derefS(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func derefT(p *time.Time) time.Time {
	if p == nil {
		return time.Time{}
	}
	return *p
}

func deref64(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// ptr is nil for uuid.Nil.
func ptr(id uuid.UUID) *uuid.UUID {
	if id == uuid.Nil {
		return nil
	}
	return &id
}
