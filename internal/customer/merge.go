package customer

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Merging two records of the same person: the kept record takes over the
// other's visits (with their payments), online bookings, technical sheets,
// messages and portal links; its empty fields are filled from the other; the
// other's balance moves by a pair of merge entries (the ledger is
// append-only); the other stays, hidden, pointing at the kept one.

// RecordCounts is what hangs on a record: what a merge moves, what an
// erasure removes or keeps.
type RecordCounts struct {
	Appointments, Bookings, Payments, Sheets, Messages, PortalLinks, LedgerEntries int64
	CardLabel                                                                      string // its saved card, "" for none
	HasStripe                                                                      bool   // it has a Stripe customer (with or without a card)
}

// MergePreview shows both records and the result before anything changes.
type MergePreview struct {
	Kept, Other       Record
	Result            Record // the kept record as it will be
	KeptCounts        RecordCounts
	OtherCounts       RecordCounts
	CardFromOther     bool  // the kept record has no card: the other's moves
	BalanceCents      int64 // the kept record's balance afterwards
	Filled            []string
	NoteAppended      bool
	PortalFromOther   bool
	CategoryFromOther bool
}

// MergePreview reads both records and what merging them would give.
func (c *Customers) MergePreview(ctx context.Context, salonID, keptID, otherID uuid.UUID) (MergePreview, error) {
	var p MergePreview
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		p, err = previewTx(ctx, tx, salonID, keptID, otherID)
		return err
	})
	if err != nil {
		return MergePreview{}, fmt.Errorf("customer: merge preview: %w", err)
	}
	return p, nil
}

func previewTx(ctx context.Context, tx store.Tx, salonID, keptID, otherID uuid.UUID) (MergePreview, error) {
	var p MergePreview
	var err error
	if p.Kept, err = RecordTx(ctx, tx, salonID, keptID); err != nil {
		return p, err
	}
	if p.Other, err = RecordTx(ctx, tx, salonID, otherID); err != nil {
		return p, err
	}
	if err := mergeable(p.Kept, p.Other); err != nil {
		return p, err
	}
	if p.KeptCounts, err = countsTx(ctx, tx, salonID, keptID); err != nil {
		return p, err
	}
	if p.OtherCounts, err = countsTx(ctx, tx, salonID, otherID); err != nil {
		return p, err
	}
	p.CardFromOther = !p.KeptCounts.HasStripe && p.OtherCounts.HasStripe
	p.BalanceCents = p.Kept.BalanceCents + p.Other.BalanceCents
	p.fill()
	return p, nil
}

func countsTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID) (RecordCounts, error) {
	r, err := tx.MergeCounts(ctx, dbq.MergeCountsParams{TenantID: salonID, CustomerID: id})
	return RecordCounts{Appointments: r.Appointments, Bookings: r.Bookings, Payments: r.Payments, Sheets: r.Sheets, Messages: r.Messages,
		PortalLinks: r.PortalLinks, LedgerEntries: r.LedgerEntries, CardLabel: r.CardLabel, HasStripe: r.HasStripe}, err
}

// mergeable refuses a record merged with itself, and erased or already
// merged records on either side.
func mergeable(kept, other Record) error {
	switch {
	case kept.ID == other.ID:
		return apperr.New(apperr.Conflict, "clientdata.merge_self")
	case kept.Erased || other.Erased:
		return apperr.New(apperr.Conflict, "clientdata.merge_erased")
	case kept.MergedInto != nil || other.MergedInto != nil:
		return apperr.New(apperr.Conflict, "clientdata.merge_merged")
	}
	return nil
}

// fill computes the kept record after the merge: its own values first, each
// empty one taken from the other. The address moves as a whole (street,
// postal code, city), notes are put end to end, a blocked portal stays
// blocked. Message preferences stay the kept record's until the two consent
// histories, joined, decide (ConsentLatestDecides): an unsubscribe on
// either record is never undone by a merge.
func (p *MergePreview) fill() {
	r, o := p.Kept, p.Other
	take := func(field string, dst *string, src string) {
		if strings.TrimSpace(*dst) == "" && strings.TrimSpace(src) != "" {
			*dst = src
			p.Filled = append(p.Filled, field)
		}
	}
	take("first_name", &r.FirstName, o.FirstName)
	take("last_name", &r.LastName, o.LastName)
	take("email", &r.Email, o.Email)
	take("phone", &r.Phone, o.Phone)
	take("gender", &r.Gender, o.Gender)
	if r.Address+r.PostalCode+r.City == "" && o.Address+o.PostalCode+o.City != "" {
		r.Address, r.PostalCode, r.City = o.Address, o.PostalCode, o.City
		p.Filled = append(p.Filled, "address")
	}
	if r.BirthDate == nil && o.BirthDate != nil {
		r.BirthDate = o.BirthDate
		p.Filled = append(p.Filled, "birth_date")
	}
	if on := strings.TrimSpace(o.Note); on != "" && !strings.Contains(r.Note, on) {
		if strings.TrimSpace(r.Note) == "" {
			r.Note = on
		} else {
			r.Note = strings.TrimRight(r.Note, "\n ") + "\n\n" + on
		}
		p.NoteAppended = true
	}
	if r.PaymentMode == "default" && o.PaymentMode != "default" {
		r.PaymentMode = o.PaymentMode
		p.Filled = append(p.Filled, "payment_mode")
	}
	if r.CategoryID == nil && o.CategoryID != nil {
		r.CategoryID, r.CategoryName = o.CategoryID, o.CategoryName
		p.CategoryFromOther = true
	}
	switch {
	case r.PortalAccess == "blocked" || o.PortalAccess == "blocked":
		p.PortalFromOther = r.PortalAccess != "blocked"
		r.PortalAccess = "blocked"
	case r.PortalAccess == "none" && o.PortalAccess == "open":
		r.PortalAccess = "open"
		p.PortalFromOther = true
	}
	r.BalanceCents = p.BalanceCents
	p.Result = r
}

// Merge moves everything of other onto kept, in one transaction. currency
// is the salon's, for the balance entries.
func (c *Customers) Merge(ctx context.Context, salonID, keptID, otherID, actor uuid.UUID, currency string) error {
	if keptID == otherID {
		return apperr.New(apperr.Conflict, "clientdata.merge_self")
	}
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if _, err := tx.CustomersLock(ctx, dbq.CustomersLockParams{TenantID: salonID, Ids: []uuid.UUID{keptID, otherID}}); err != nil {
			return err
		}
		p, err := previewTx(ctx, tx, salonID, keptID, otherID)
		if err != nil {
			return err
		}
		r := p.Result
		n, err := tx.CustomerMergeFill(ctx, dbq.CustomerMergeFillParams{TenantID: salonID, ID: keptID, FirstName: r.FirstName,
			LastName: r.LastName, Email: r.Email, Phone: r.Phone, Gender: r.Gender, Address: r.Address, PostalCode: r.PostalCode,
			City: r.City, BirthDate: r.BirthDate, Note: r.Note, PaymentMode: r.PaymentMode, CategoryID: r.CategoryID, PortalAccess: r.PortalAccess})
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "clientdata.merge_merged")
		}
		if err := moveAllTx(ctx, tx, salonID, otherID, keptID, p.CardFromOther); err != nil {
			return err
		}
		// The ledger is append-only: the balance moves by two entries, the
		// merged record's summing to zero and the kept one's to both. No
		// note: the reason says it, and merged_into links the records.
		if bal := p.Other.BalanceCents; bal != 0 {
			if _, err := AddEntryTx(ctx, tx, salonID, keptID, bal, currency, "merge", "", &actor, nil, nil); err != nil {
				return err
			}
			if _, err := AddEntryTx(ctx, tx, salonID, otherID, -bal, currency, "merge", "", &actor, nil, nil); err != nil {
				return err
			}
		}
		_, err = tx.CustomerMarkMerged(ctx, dbq.CustomerMarkMergedParams{TenantID: salonID, KeptID: keptID, MergedID: otherID})
		return err
	})
	if err != nil {
		return fmt.Errorf("customer: merge: %w", err)
	}
	return nil
}

// moveAllTx hands every row that points at from over to to. The saved card
// moves only when to has none; otherwise from's is dropped (one Stripe
// customer per client per salon).
func moveAllTx(ctx context.Context, tx store.Tx, salonID, from, to uuid.UUID, moveCard bool) error {
	p := dbq.AppointmentsMoveParams{TenantID: salonID, FromID: from, ToID: to}
	if _, err := tx.AppointmentsMove(ctx, p); err != nil {
		return err
	}
	if _, err := tx.BookingsMove(ctx, dbq.BookingsMoveParams(p)); err != nil {
		return err
	}
	if _, err := tx.SheetsMove(ctx, dbq.SheetsMoveParams(p)); err != nil {
		return err
	}
	if _, err := tx.MessagesMove(ctx, dbq.MessagesMoveParams(p)); err != nil {
		return err
	}
	if _, err := tx.PortalLinksMove(ctx, dbq.PortalLinksMoveParams(p)); err != nil {
		return err
	}
	if _, err := tx.ConsentsCopy(ctx, dbq.ConsentsCopyParams(p)); err != nil {
		return err
	}
	if err := tx.ConsentLatestDecides(ctx, dbq.ConsentLatestDecidesParams{TenantID: salonID, ID: to}); err != nil {
		return err
	}
	if moveCard {
		_, err := tx.CustomerStripeMove(ctx, dbq.CustomerStripeMoveParams(p))
		return err
	}
	_, err := tx.CustomerStripeDeleteOf(ctx, dbq.CustomerStripeDeleteOfParams{TenantID: salonID, Ids: []uuid.UUID{from}})
	return err
}

// MergeCandidates are the records staff may mean: those sharing the
// client's email or phone first, then those matching what was typed.
func (c *Customers) MergeCandidates(ctx context.Context, salonID, id uuid.UUID, q string) (Record, []Customer, error) {
	rec, err := c.Get(ctx, salonID, id)
	if err != nil {
		return Record{}, nil, err
	}
	var out []Customer
	seen := map[uuid.UUID]bool{id: true}
	err = c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		dups, err := duplicatesTx(ctx, tx, salonID, id, rec.Email, rec.Phone)
		for _, d := range dups {
			seen[d.ID] = true
			out = append(out, d)
		}
		return err
	})
	if err != nil {
		return Record{}, nil, fmt.Errorf("customer: merge candidates: %w", err)
	}
	if len([]rune(strings.TrimSpace(q))) >= 2 {
		page, err := c.List(ctx, salonID, ListQuery{Search: q})
		if err != nil {
			return Record{}, nil, err
		}
		for _, r := range page.Rows {
			if !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, Customer{ID: r.ID, FirstName: r.FirstName, LastName: r.LastName, Email: r.Email, Phone: r.Phone})
			}
		}
	}
	return rec, out, nil
}
