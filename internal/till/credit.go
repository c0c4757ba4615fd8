package till

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// CreditInput is a credit note the cashier makes from a receipt: the lines
// given back, how many of each, and how the money goes back. Field errors
// are keyed by its names, a line's quantity by QuantityField(line).
type CreditInput struct {
	LineIDs    []uuid.UUID         // lines of the original ticket
	Quantities map[uuid.UUID]int64 // how many of a line are given back; absent: all that remains
	Method     string              // cash, card, account (the client's credit) or stripe (a refund to the card paid online)
	Actor      uuid.UUID
}

// QuantityField is the field error key of a line's quantity.
func QuantityField(lineID uuid.UUID) string { return "Quantity." + lineID.String() }

// creditPart is k more of a sold line given back, done having been already.
type creditPart struct {
	line    dbq.TicketLinesRow
	done, k int64
}

// cents is what the part is worth: its share of what the line was paid.
func (p creditPart) cents() int64 {
	return CreditShare(p.line.TotalCents, int64(p.line.Quantity), p.done, p.k)
}

// CreditNote corrects a closed ticket: a credit note with the given lines
// negated at what they were paid, refunded by one payment out, closed at
// once with the register's next number. Part of a line may be given back,
// never more than what remains of it, so credit notes never exceed the
// ticket. A line sold for nothing (offered, 100 % off) is given back too —
// its product goes back on the shelf — with no money paid out. Returns the
// credit note's id.
func (t *Till) CreditNote(ctx context.Context, salonID, ticketID uuid.UUID, in CreditInput, currency string) (uuid.UUID, error) {
	f := apperr.Fields{}
	if len(in.LineIDs) == 0 {
		f.Add("LineIDs", "till.credit.no_lines")
	}
	switch in.Method {
	case MethodCash, MethodCard, MethodAccount, MethodStripe:
	default:
		f.Add("Method", "till.method.invalid")
	}
	if err := f.Err(); err != nil {
		return uuid.Nil, err
	}
	var id uuid.UUID
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		// Locks in the till's one order (doc.go): the register's day, then the ticket.
		registerID, err := tx.TicketRegister(ctx, dbq.TicketRegisterParams{TenantID: salonID, ID: ticketID})
		if err != nil {
			return err
		}
		day, err := shareDayTx(ctx, tx, salonID, registerID)
		if apperr.CodeOf(err) != "" {
			return apperr.New(apperr.Conflict, "till.day.closed")
		}
		if err != nil {
			return err
		}
		orig, err := tx.TicketLock(ctx, dbq.TicketLockParams{TenantID: salonID, ID: ticketID})
		if err != nil {
			return err
		}
		if orig.Status != StatusClosed || orig.Kind != KindSale {
			return apperr.New(apperr.Conflict, "till.credit.not_a_receipt")
		}
		if in.Method == MethodAccount && orig.CustomerID == nil {
			return apperr.Fields{"Method": "till.account.no_client"}.Err()
		}
		parts, err := creditPartsTx(ctx, tx, salonID, ticketID, in)
		if err != nil {
			return err
		}
		id, err = tx.TicketCreate(ctx, dbq.TicketCreateParams{TenantID: salonID, RegisterID: orig.RegisterID, DayID: day.ID,
			Kind: KindCreditNote, AppointmentID: orig.AppointmentID, CustomerID: orig.CustomerID, VatExempt: orig.VatExempt,
			RefersTo: &orig.ID, OpenedAt: t.now(), OpenedBy: &in.Actor})
		if err != nil {
			return err
		}
		total, err := addCreditLinesTx(ctx, tx, salonID, id, parts)
		if err != nil {
			return err
		}
		switch {
		case total == 0:
			// Nothing was paid for what comes back: no money goes out.
		case in.Method == MethodStripe:
			err = t.refundTx(ctx, tx, salonID, orig.ID, id, in.Actor, total, creditKey(orig.ID, parts))
		default:
			_, err = tx.TicketPaymentAdd(ctx, dbq.TicketPaymentAddParams{TenantID: salonID, TicketID: id, Method: in.Method,
				AmountCents: -total, CreatedBy: &in.Actor})
		}
		if err != nil {
			return err
		}
		_, err = t.closeTx(ctx, tx, salonID, id, in.Actor, currency)
		return err
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("till: credit note: %w", err)
	}
	return id, nil
}

// addCreditLinesTx writes the parts as the credit note's lines and returns
// what they are worth.
func addCreditLinesTx(ctx context.Context, tx store.Tx, salonID, creditID uuid.UUID, parts []creditPart) (int64, error) {
	var total int64
	for _, p := range parts {
		l, cents := p.line, p.cents()
		// Given back at what it was paid: the line's share of the ticket's
		// discount included, as an amount off the list price.
		if _, err := tx.TicketLineAdd(ctx, dbq.TicketLineAddParams{TenantID: salonID, TicketID: creditID, Kind: l.Kind,
			ServiceID: l.ServiceID, ProductID: l.ProductID, StaffID: l.StaffID, Label: l.Label, Quantity: int32(-p.k),
			UnitCents: l.UnitCents, RateBp: l.RateBp, DiscountCents: p.k*l.UnitCents - cents,
			DiscountReason: l.DiscountReason, RefersLineID: &l.ID}); err != nil {
			return 0, err
		}
		total += cents
	}
	return total, nil
}

// creditPartsTx returns what is given back of each chosen line of the
// ticket, refusing a line that is not the ticket's and a quantity beyond
// what remains of the line.
func creditPartsTx(ctx context.Context, tx store.Tx, salonID, ticketID uuid.UUID, in CreditInput) ([]creditPart, error) {
	all, err := tx.TicketLines(ctx, dbq.TicketLinesParams{TenantID: salonID, TicketID: ticketID})
	if err != nil {
		return nil, err
	}
	done, err := creditedTx(ctx, tx, salonID, ticketID)
	if err != nil {
		return nil, err
	}
	want := map[uuid.UUID]bool{}
	for _, id := range in.LineIDs {
		want[id] = true
	}
	f := apperr.Fields{}
	var out []creditPart
	for _, l := range all {
		if !want[l.ID] {
			continue
		}
		delete(want, l.ID)
		left := int64(l.Quantity) - done[l.ID]
		k, chosen := in.Quantities[l.ID]
		if !chosen {
			k = left
		}
		switch {
		case left <= 0:
			f.Add("LineIDs", "till.credit.exceeds")
		case k < 1:
			f.Add(QuantityField(l.ID), "till.credit.quantity_range")
		case k > left:
			f.Add(QuantityField(l.ID), "till.credit.quantity_left")
		}
		out = append(out, creditPart{line: l, done: done[l.ID], k: k})
	}
	if len(want) > 0 {
		f.Add("LineIDs", "till.credit.exceeds")
	}
	return out, f.Err()
}

// creditedTx is how many of each line of a ticket were given back already.
func creditedTx(ctx context.Context, tx store.Tx, salonID, ticketID uuid.UUID) (map[uuid.UUID]int64, error) {
	rows, err := tx.TicketCreditedLines(ctx, dbq.TicketCreditedLinesParams{TenantID: salonID, TicketID: &ticketID})
	out := map[uuid.UUID]int64{}
	for _, r := range rows {
		out[r.ID] = r.Quantity
	}
	return out, err
}

// CreditedLines says how many of each line of a ticket credit notes gave
// back already.
func (t *Till) CreditedLines(ctx context.Context, salonID, ticketID uuid.UUID) (map[uuid.UUID]int64, error) {
	var out map[uuid.UUID]int64
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		out, err = creditedTx(ctx, tx, salonID, ticketID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("till: credited lines: %w", err)
	}
	return out, nil
}
