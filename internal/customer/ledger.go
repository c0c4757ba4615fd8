package customer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Entry is one dated line of a client's account (encours). Positive is
// credit for the client, negative what they owe the salon.
type Entry struct {
	ID          uuid.UUID
	At          time.Time
	AmountCents int64
	Currency    string
	Reason      string // manual, deposit_credit, no_show_fee, payment, refund, merge, import, arrhes_double, arrhes_credit
	Note        string
	Author      string
}

// ReasonArrhesDouble is what a salon that cancelled a visit paid with arrhes
// owes the client on top of the refund (Code de la consommation, art.
// L214-1): credit on the client's account, a debt for the salon to settle.
const ReasonArrhesDouble = "arrhes_double"

// ReasonArrhesCredit is arrhes kept as credit after a cancellation in time,
// where the salon's policy credits rather than refunds.
const ReasonArrhesCredit = "arrhes_credit"

// Ledger returns a client's entries, newest first, and their sum.
func (c *Customers) Ledger(ctx context.Context, salonID, customerID uuid.UUID) ([]Entry, int64, error) {
	var out []Entry
	var sum int64
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.LedgerOfCustomer(ctx, dbq.LedgerOfCustomerParams{TenantID: salonID, CustomerID: customerID})
		for _, r := range rows {
			out = append(out, Entry{ID: r.ID, At: r.CreatedAt, AmountCents: r.AmountCents, Currency: r.Currency, Reason: r.Reason, Note: r.Note, Author: r.Author})
			sum += r.AmountCents
		}
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("customer: ledger: %w", err)
	}
	return out, sum, nil
}

// EntryInput is an entry staff add by hand: an amount with its direction
// and a note saying why.
// Field errors name its fields: amount, note.
type EntryInput struct {
	Cents int64 // more than zero: Debt says which way the money goes
	Debt  bool  // the client owes it; otherwise it is a credit
	Note  string
}

// Check returns what is wrong with the entry on its own.
func (in EntryInput) Check() apperr.Fields {
	f := apperr.Fields{}
	switch {
	case in.Cents <= 0:
		f.Add("amount", "amount.invalid")
	case in.Cents > money.Entry.Max:
		f.Add("amount", money.Entry.TooLarge)
	}
	note := strings.TrimSpace(in.Note)
	if note == "" {
		f.Add("note", "ledger.note_required")
	} else if len([]rune(note)) > 300 {
		f.Add("note", "text.long")
	}
	return f
}

// AddEntry records a manual entry. Entries are never edited or removed: a
// mistake is corrected by an entry the other way.
func (c *Customers) AddEntry(ctx context.Context, salonID, customerID, actor uuid.UUID, currency string, in EntryInput) error {
	if err := in.Check().Err(); err != nil {
		return err
	}
	cents, note := in.Cents, strings.TrimSpace(in.Note)
	if in.Debt {
		cents = -cents
	}
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if _, err := tx.CustomerLockLive(ctx, dbq.CustomerLockLiveParams{TenantID: salonID, ID: customerID}); err != nil {
			return err
		}
		_, err := AddEntryTx(ctx, tx, salonID, customerID, cents, currency, "manual", note, &actor, nil, nil)
		return err
	})
	if err != nil {
		return fmt.Errorf("customer: add entry: %w", err)
	}
	return nil
}

// AddEntryTx writes an entry inside the caller's unit of work (a credit kept
// from a cancelled deposit, a fee that could not be charged).
func AddEntryTx(ctx context.Context, tx store.Tx, salonID, customerID uuid.UUID, cents int64, currency, reason, note string,
	actor, appointmentID, paymentID *uuid.UUID) (uuid.UUID, error) {
	row, err := tx.LedgerAdd(ctx, dbq.LedgerAddParams{TenantID: salonID, CustomerID: customerID, AmountCents: cents, Currency: currency,
		Reason: reason, Note: note, AppointmentID: appointmentID, PaymentID: paymentID, CreatedBy: actor})
	return row.ID, err
}
