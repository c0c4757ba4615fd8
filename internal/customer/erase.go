package customer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Erasure (GDPR art. 17) anonymises a client rather than deleting the row:
// the salon must keep its accounts (visits with their services and prices,
// payments, the balance ledger) for years, and those rows point at the
// client. What goes, in one transaction:
//   - the record's names (replaced by the erased label), email, phone,
//     gender, address, birth date, note, message preferences (all off),
//     payment mode; the portal is blocked;
//   - technical sheets (health data), portal links, bookings' manage links,
//     the saved card reference (and the customer at Stripe, by a job);
//   - each message's address, subject and body (its date, kind, channel and
//     status stay; one not sent yet never will be);
//   - the email and IP address of online bookings (the policy accepted and
//     when stay), and the visits' free-text notes;
//   - the same for every record merged into this one.
//
// The ledger is append-only for the application role (NF525-style
// integrity: corrections are new entries), so its entries stay whole,
// notes included. Staff write those notes about amounts ("acompte du
// 12/03"); the erase page says so, and Carnet's own entries (merge,
// import) carry no note.
//
// Not done here: the client's customer object on the salon's Stripe account
// keeps what Stripe holds (the card); the salon deletes it from its Stripe
// dashboard.

// EraseInput is the confirmation: the client's name typed again.
type EraseInput struct {
	ConfirmName string
}

// ErasePreview is what erasing a client would remove and keep.
type ErasePreview struct {
	Record Record
	Counts RecordCounts // what the record holds
	Merged int          // records merged into it, erased with it
}

// ErasePreview reads a client and what erasing them touches.
func (c *Customers) ErasePreview(ctx context.Context, salonID, id uuid.UUID) (ErasePreview, error) {
	var p ErasePreview
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		if p.Record, err = RecordTx(ctx, tx, salonID, id); err != nil {
			return err
		}
		if p.Counts, err = countsTx(ctx, tx, salonID, id); err != nil {
			return err
		}
		merged, err := tx.CustomersMergedInto(ctx, dbq.CustomersMergedIntoParams{TenantID: salonID, ID: &id})
		p.Merged = len(merged)
		return err
	})
	if err != nil {
		return ErasePreview{}, fmt.Errorf("customer: erase preview: %w", err)
	}
	return p, nil
}

// Erase anonymises a client and the records merged into it. label is the
// name the record keeps ("Client effacé", in the salon's language).
func (c *Customers) Erase(ctx context.Context, salonID, id uuid.UUID, label string, now time.Time, in EraseInput) error {
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		locked, err := tx.CustomersLock(ctx, dbq.CustomersLockParams{TenantID: salonID, Ids: []uuid.UUID{id}})
		if err != nil {
			return err
		}
		rec, err := RecordTx(ctx, tx, salonID, id)
		switch {
		case err != nil:
			return err
		case rec.MergedInto != nil:
			return apperr.New(apperr.Conflict, "clientdata.erase_merged")
		case rec.Erased:
			return apperr.New(apperr.Conflict, "clientdata.already_erased")
		case !sameName(in.ConfirmName, rec.Name()):
			return apperr.Fields{"confirm_name": "clientdata.erase_confirm_wrong"}.Err()
		}
		ids := make([]uuid.UUID, 0, len(locked))
		for _, r := range locked {
			ids = append(ids, r.ID)
		}
		return eraseTx(ctx, tx, salonID, ids, label, now)
	})
	if err != nil {
		return fmt.Errorf("customer: erase: %w", err)
	}
	return nil
}

func eraseTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, ids []uuid.UUID, label string, now time.Time) error {
	if _, err := tx.CustomersErase(ctx, dbq.CustomersEraseParams{TenantID: salonID, Ids: ids, ErasedName: label, ErasedAt: &now}); err != nil {
		return err
	}
	if _, err := tx.SheetsDeleteOf(ctx, dbq.SheetsDeleteOfParams{TenantID: salonID, Ids: ids}); err != nil {
		return err
	}
	if _, err := tx.PortalLinksDeleteOf(ctx, dbq.PortalLinksDeleteOfParams{TenantID: salonID, Ids: ids}); err != nil {
		return err
	}
	if err := forgetAtStripeTx(ctx, tx, salonID, ids); err != nil {
		return err
	}
	if _, err := tx.MessagesWipeOf(ctx, dbq.MessagesWipeOfParams{TenantID: salonID, Ids: ids}); err != nil {
		return err
	}
	if _, err := tx.BookingsWipeOf(ctx, dbq.BookingsWipeOfParams{TenantID: salonID, Ids: ids}); err != nil {
		return err
	}
	if _, err := tx.BookingLinksDeleteOf(ctx, dbq.BookingLinksDeleteOfParams{TenantID: salonID, Ids: ids}); err != nil {
		return err
	}
	_, err := tx.AppointmentsWipeNotes(ctx, dbq.AppointmentsWipeNotesParams{TenantID: salonID, Ids: ids})
	return err
}

// forgetAtStripeTx drops the clients' Stripe customers and queues their
// deletion on the salon's Stripe account (which removes the saved card and
// the name and email given at checkout), in the erasure's transaction: an
// erasure that commits always reaches Stripe, even if Stripe is down now.
func forgetAtStripeTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, ids []uuid.UUID) error {
	gone, err := tx.CustomerStripeDeleteOf(ctx, dbq.CustomerStripeDeleteOfParams{TenantID: salonID, Ids: ids})
	if err != nil || len(gone) == 0 {
		return err
	}
	acct, err := tx.SalonStripeGet(ctx, salonID)
	if store.IsNotFound(err) {
		return nil // the salon never connected Stripe: nothing there to delete
	}
	if err != nil {
		return fmt.Errorf("customer: stripe account for erasure: %w", err)
	}
	for _, id := range gone {
		if err := tx.Enqueue(ctx, payment.ForgetCustomerArgs{Account: acct.AccountID, Customer: id}, nil); err != nil {
			return err
		}
	}
	return nil
}

// sameName compares a typed name with the record's, ignoring case, accents
// and extra spaces: "lea  martin" confirms Léa Martin.
func sameName(typed, name string) bool {
	fold := func(s string) string { return strings.Join(strings.Fields(SearchKey(s)), " ") }
	return typed != "" && fold(typed) == fold(name)
}
