package till

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Close closes a fully paid ticket: it takes the register's next number,
// its stock goes out, what was left on the client's account goes to their
// balance, and it is appended to the register's journal — all in one
// transaction, so a failure anywhere burns no number.
func (t *Till) Close(ctx context.Context, salonID, ticketID, actor uuid.UUID, currency string) (int64, error) {
	var number int64
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		// Locks in the till's one order (doc.go): the register's day, the
		// ticket, then (in closeTx) the number, the stock, the journal.
		registerID, err := tx.TicketRegister(ctx, dbq.TicketRegisterParams{TenantID: salonID, ID: ticketID})
		if err != nil {
			return err
		}
		if _, err := shareDayTx(ctx, tx, salonID, registerID); err != nil {
			return err
		}
		if _, err := lockOpenTx(ctx, tx, salonID, ticketID); err != nil {
			return err
		}
		number, err = t.closeTx(ctx, tx, salonID, ticketID, actor, currency)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("till: close ticket: %w", err)
	}
	return number, nil
}

// closeTx closes a locked open ticket.
func (t *Till) closeTx(ctx context.Context, tx store.Tx, salonID, ticketID, actor uuid.UUID, currency string) (int64, error) {
	set, err := settingsTx(ctx, tx, salonID)
	if err != nil {
		return 0, err
	}
	tk, err := loadTx(ctx, tx, salonID, ticketID)
	if err != nil {
		return 0, err
	}
	if tk.Kind == KindSale {
		// A credit note keeps the exemption of the ticket it corrects.
		tk.VATExempt = set.VATExempt
		tk.compute()
		if err := keepExcessTx(ctx, tx, salonID, &tk, actor); err != nil {
			return 0, err
		}
	}
	if len(tk.Lines) == 0 {
		return 0, apperr.New(apperr.Conflict, "till.ticket.empty")
	}
	if tk.DueCents() != 0 {
		return 0, apperr.New(apperr.Conflict, "till.ticket.not_paid")
	}
	day, err := shareDayTx(ctx, tx, salonID, tk.RegisterID)
	if err != nil {
		return 0, err
	}
	for _, l := range tk.Lines {
		if err := tx.TicketLineSetTotal(ctx, dbq.TicketLineSetTotalParams{TenantID: salonID, ID: l.ID, TotalCents: l.InclCents, VatCents: l.VATCents}); err != nil {
			return 0, err
		}
	}
	if err := tx.TicketSetTotal(ctx, dbq.TicketSetTotalParams{TenantID: salonID, ID: ticketID, ExclCents: tk.Totals.ExclCents,
		VatCents: tk.Totals.VATCents, InclCents: tk.Totals.InclCents, VatExempt: tk.VATExempt}); err != nil {
		return 0, err
	}
	number, err := tx.RegisterTakeNumber(ctx, dbq.RegisterTakeNumberParams{TenantID: salonID, ID: tk.RegisterID})
	if err != nil {
		return 0, err
	}
	if err := moveStockTx(ctx, tx, salonID, tk.Lines); err != nil {
		return 0, err
	}
	if err := accountTx(ctx, tx, salonID, tk, number, actor, currency); err != nil {
		return 0, err
	}
	// The journal gives the time, under its lock; the ticket keeps the
	// same, so the day's takings and its Z agree to the microsecond.
	stamp, err := t.Journal.Append(ctx, tx, journal.Entry{TenantID: salonID, RegisterID: tk.RegisterID, Kind: entryKind(tk.Kind),
		Document: document(tk, number, currency)})
	if errors.Is(err, journal.ErrPeriodClosed) {
		return 0, &apperr.Error{Code: apperr.Conflict, Key: "till.close.period_closed", Cause: err}
	}
	if err != nil {
		return 0, err
	}
	return number, tx.TicketClose(ctx, dbq.TicketCloseParams{TenantID: salonID, ID: ticketID, Number: &number, DayID: day.ID,
		ClosedAt: &stamp.At, ClosedBy: actorRef(actor)})
}

// shareDayTx is the register's open day, shared with the other closings of
// the register until the transaction ends: CloseDay, which locks it for
// itself, waits for them, and a closing that waited on CloseDay finds no
// open day and is refused.
func shareDayTx(ctx context.Context, tx store.Tx, salonID, registerID uuid.UUID) (dbq.RegisterDay, error) {
	day, err := tx.RegisterDayShare(ctx, dbq.RegisterDayShareParams{TenantID: salonID, RegisterID: registerID})
	if store.IsNotFound(err) {
		return day, apperr.New(apperr.Conflict, "till.close.day_closed")
	}
	return day, err
}

// moveStockTx takes the products sold off the shelf (a credit note's
// negative quantities put them back), in product order so that two
// closings never wait on each other's rows crosswise.
func moveStockTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, lines []Line) error {
	delta := map[uuid.UUID]int64{}
	for _, l := range lines {
		if l.Kind == LineProduct && l.ProductID != uuid.Nil {
			delta[l.ProductID] -= l.Quantity
		}
	}
	ids := make([]uuid.UUID, 0, len(delta))
	for id := range delta {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	for _, id := range ids {
		if err := catalog.MoveStockTx(ctx, tx, salonID, id, int32(delta[id])); err != nil {
			return err
		}
	}
	return nil
}

// accountTx writes the account payments to the client's balance: a payment
// from the account takes it down (a credit used, or a debt), a refund to
// the account is credit.
func accountTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, tk Ticket, number int64, actor uuid.UUID, currency string) error {
	for _, p := range tk.Payments {
		if p.Method != MethodAccount {
			continue
		}
		reason := "payment"
		if p.AmountCents < 0 {
			reason = "refund"
		}
		if p.AmountCents < 0 && tk.Kind == KindSale {
			reason = "deposit_credit" // the deposit beyond the bill
		}
		if _, err := customer.AddEntryTx(ctx, tx, salonID, tk.CustomerID, -p.AmountCents, currency, reason,
			"n° "+strconv.FormatInt(number, 10), actorRef(actor), ptr(tk.AppointmentID), nil); err != nil {
			return err
		}
	}
	return nil
}

// actorRef is who closes: nobody (nil) when the system does, as when a
// payment on the client's phone completes the ticket.
func actorRef(actor uuid.UUID) *uuid.UUID {
	if actor == uuid.Nil {
		return nil
	}
	return &actor
}

func entryKind(kind string) journal.Kind {
	if kind == KindCreditNote {
		return journal.KindCreditNote
	}
	return journal.KindTicket
}

// document is the ticket as signed: amounts, rates, labels and methods,
// never the client's name nor a cheque holder's identity.
func document(tk Ticket, number int64, currency string) *journal.Document {
	d := &journal.Document{Number: number, RefersTo: tk.RefersNumber, Currency: currency, ExclCents: tk.Totals.ExclCents,
		VATCents: tk.Totals.VATCents, InclCents: tk.Totals.InclCents}
	for _, l := range tk.Lines {
		d.Lines = append(d.Lines, journal.Line{Kind: l.Kind, Label: l.Label, Quantity: l.Quantity, UnitCents: l.UnitCents,
			InclCents: l.InclCents, RateBP: l.RateBP})
	}
	for _, r := range tk.Totals.VAT {
		d.VAT = append(d.VAT, journal.RateAmount{RateBP: r.RateBP, BaseCents: r.BaseCents, VATCents: r.VATCents})
	}
	byMethod := map[string]int64{}
	var order []string
	for _, p := range tk.Payments {
		if _, ok := byMethod[p.Method]; !ok {
			order = append(order, p.Method)
		}
		byMethod[p.Method] += p.AmountCents
	}
	for _, m := range order {
		d.Payments = append(d.Payments, journal.MethodAmount{Method: m, Cents: byMethod[m]})
	}
	return d
}

// Today is the salon's civil date at the till's clock, for the cheque checks.
func (t *Till) Today(loc *time.Location) time.Time {
	n := t.Clock.Now().In(loc)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}
