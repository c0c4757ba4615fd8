package till

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Channels a receipt leaves the till by.
const (
	ChannelPrint = "print"
	ChannelEmail = "email"
	ChannelSMS   = "sms"
)

// Issue is one time a receipt left the till.
type Issue struct {
	Number    int64 // the receipt's number
	Duplicata int64 // 0: the original; k: "DUPLICATA n° k"
	At        time.Time
}

// IssueReceipt records that a closed receipt was printed or sent. The first
// print and the first sending (email or SMS, whichever comes first) are
// originals; every later one is a duplicata, counted once per receipt across
// channels and signed into the register's journal (KindReprint) in the same
// transaction, so the count on paper and in the chain are the same.
func (t *Till) IssueReceipt(ctx context.Context, salonID, ticketID, actor uuid.UUID, channel string) (Issue, error) {
	var out Issue
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		out, err = t.issueTx(ctx, tx, salonID, ticketID, actor, channel)
		return err
	})
	if err != nil {
		return Issue{}, fmt.Errorf("till: issue receipt: %w", err)
	}
	return out, nil
}

// IssueReceiptTx is IssueReceipt inside the caller's transaction: a receipt
// sent by email is counted with the message that carries it.
func (t *Till) IssueReceiptTx(ctx context.Context, tx store.Tx, salonID, ticketID, actor uuid.UUID, channel string) (Issue, error) {
	return t.issueTx(ctx, tx, salonID, ticketID, actor, channel)
}

func (t *Till) issueTx(ctx context.Context, tx store.Tx, salonID, ticketID, actor uuid.UUID, channel string) (Issue, error) {
	tk, err := tx.TicketGet(ctx, dbq.TicketGetParams{TenantID: salonID, ID: ticketID})
	if err != nil {
		return Issue{}, err
	}
	if tk.Status != StatusClosed || tk.Number == nil {
		return Issue{}, apperr.ErrNotFound
	}
	if err := tx.ReceiptIssueLock(ctx, ticketID); err != nil {
		return Issue{}, err
	}
	n, err := tx.ReceiptIssueCounts(ctx, dbq.ReceiptIssueCountsParams{TenantID: salonID, TicketID: ticketID})
	if err != nil {
		return Issue{}, err
	}
	out := Issue{Number: *tk.Number, At: t.now()}
	first := n.Prints == 0
	if channel != ChannelPrint {
		first = n.Sends == 0
	}
	if !first {
		out.Duplicata = n.LastDuplicata + 1
	}
	err = tx.ReceiptIssueAdd(ctx, dbq.ReceiptIssueAddParams{TenantID: salonID, TicketID: ticketID, Channel: channel,
		Duplicata: int32(out.Duplicata), At: out.At, IssuedBy: ptr(actor)})
	if err != nil || out.Duplicata == 0 {
		return out, err
	}
	_, err = t.Journal.Append(ctx, tx, journal.Entry{TenantID: salonID, RegisterID: tk.RegisterID, Kind: journal.KindReprint,
		Reprint: &journal.Reprint{Number: out.Number, Count: out.Duplicata}})
	return out, err
}

// SignIn records that a member opened the till: a "till_sign_in" event in
// the journal of each register whose day is open, once per member and day.
func (t *Till) SignIn(ctx context.Context, salonID, user uuid.UUID) error {
	at := t.now()
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		regs, err := tx.RegisterList(ctx, salonID)
		if err != nil {
			return err
		}
		for _, r := range regs {
			if r.DayID == nil {
				continue
			}
			added, err := tx.TillSignInAdd(ctx, dbq.TillSignInAddParams{TenantID: salonID, DayID: *r.DayID, UserID: user, At: at})
			if err != nil {
				return err
			}
			if added == 0 {
				continue
			}
			detail := map[string]string{"day": r.DayID.String(), "user": user.String()}
			if err := t.event(ctx, tx, salonID, r.ID, "till_sign_in", detail); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("till: sign in: %w", err)
	}
	return nil
}

// PriceChangedTx signs a catalogue price change into the journal of each of
// the salon's registers (the chains are per register; a price applies to
// all), inside the catalogue's transaction: it is the catalogue's PriceHook.
func (t *Till) PriceChangedTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, item string, id uuid.UUID, oldCents, newCents int64) error {
	regs, err := tx.RegisterList(ctx, salonID)
	if err != nil {
		return fmt.Errorf("till: price changed: %w", err)
	}
	detail := map[string]string{"item": item, "id": id.String(), "old_cents": strconv.FormatInt(oldCents, 10),
		"new_cents": strconv.FormatInt(newCents, 10)}
	for _, r := range regs {
		if err := t.event(ctx, tx, salonID, r.ID, "price_changed", detail); err != nil {
			return fmt.Errorf("till: price changed: %w", err)
		}
	}
	return nil
}
