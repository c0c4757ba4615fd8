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
// given back and how the money goes back. Field errors are keyed by its names.
type CreditInput struct {
	LineIDs []uuid.UUID // lines of the original ticket, each given back whole
	Method  string      // cash, card, account (the client's credit) or stripe (a refund to the card paid online)
	Actor   uuid.UUID
}

// CreditNote corrects a closed ticket: a credit note with the given lines
// negated at what they were paid, refunded by one payment out, closed at
// once with the register's next number. A line is given back once only, so
// credit notes never exceed the ticket. Returns the credit note's id.
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
		lines, err := creditLinesTx(ctx, tx, salonID, ticketID, in.LineIDs)
		if err != nil {
			return err
		}
		day, err := openDayTx(ctx, tx, salonID, orig.RegisterID)
		if err != nil {
			return err
		}
		id, err = tx.TicketCreate(ctx, dbq.TicketCreateParams{TenantID: salonID, RegisterID: orig.RegisterID, DayID: day.ID,
			Kind: KindCreditNote, AppointmentID: orig.AppointmentID, CustomerID: orig.CustomerID, VatExempt: orig.VatExempt,
			RefersTo: &orig.ID, OpenedAt: t.now(), OpenedBy: &in.Actor})
		if err != nil {
			return err
		}
		var total int64
		for _, l := range lines {
			// Given back at what it was paid: the line's share of the
			// ticket's discount included, as an amount off the list price.
			if _, err := tx.TicketLineAdd(ctx, dbq.TicketLineAddParams{TenantID: salonID, TicketID: id, Kind: l.Kind,
				ServiceID: l.ServiceID, ProductID: l.ProductID, StaffID: l.StaffID, Label: l.Label, Quantity: -l.Quantity,
				UnitCents: l.UnitCents, RateBp: l.RateBp, DiscountCents: int64(l.Quantity)*l.UnitCents - l.TotalCents,
				DiscountReason: l.DiscountReason, RefersLineID: &l.ID}); err != nil {
				if store.IsUniqueViolation(err, "") {
					return apperr.Fields{"LineIDs": "till.credit.exceeds"}.Err()
				}
				return err
			}
			total += l.TotalCents
		}
		if in.Method == MethodStripe {
			err = t.refundTx(ctx, tx, salonID, orig.ID, id, in, total)
		} else {
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

// creditLinesTx returns the chosen lines of the ticket, refusing a line that
// is not the ticket's or was given back already.
func creditLinesTx(ctx context.Context, tx store.Tx, salonID, ticketID uuid.UUID, ids []uuid.UUID) ([]dbq.TicketLinesRow, error) {
	all, err := tx.TicketLines(ctx, dbq.TicketLinesParams{TenantID: salonID, TicketID: ticketID})
	if err != nil {
		return nil, err
	}
	done, err := tx.TicketCreditedLines(ctx, dbq.TicketCreditedLinesParams{TenantID: salonID, TicketID: &ticketID})
	if err != nil {
		return nil, err
	}
	credited := map[uuid.UUID]bool{}
	for _, id := range done {
		credited[id] = true
	}
	want := map[uuid.UUID]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []dbq.TicketLinesRow
	for _, l := range all {
		if want[l.ID] {
			if credited[l.ID] {
				return nil, apperr.Fields{"LineIDs": "till.credit.exceeds"}.Err()
			}
			out = append(out, l)
			delete(want, l.ID)
		}
	}
	if len(want) > 0 {
		return nil, apperr.Fields{"LineIDs": "till.credit.exceeds"}.Err()
	}
	return out, nil
}

// CreditedLines are the lines of a ticket already given back by a credit note.
func (t *Till) CreditedLines(ctx context.Context, salonID, ticketID uuid.UUID) (map[uuid.UUID]bool, error) {
	out := map[uuid.UUID]bool{}
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		ids, err := tx.TicketCreditedLines(ctx, dbq.TicketCreditedLinesParams{TenantID: salonID, TicketID: &ticketID})
		for _, id := range ids {
			out[id] = true
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("till: credited lines: %w", err)
	}
	return out, nil
}
