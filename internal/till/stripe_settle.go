package till

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Paid is a completed Checkout Session as the signed webhook carries it.
type Paid struct {
	Account   string // the connected account the event came from
	SessionID string
	IntentID  string
	Paid      bool // payment_status = paid
	Metadata  map[string]string
}

// IsLink reports whether a Checkout Session is a till phone payment.
func IsLink(meta map[string]string) bool { return meta["till_payment_id"] != "" }

// SettleLink records a phone payment the webhook reports. It reads the state
// from the link row, locked, so a replayed or duplicated event finds it
// settled and changes nothing; an event from another salon's account finds
// no link. The payment closes the ticket when nothing is then due, with the
// system as actor (through the till's close: next number, journal entry).
//
// If the ticket was closed meanwhile, or the link is more than what is now
// due (the cashier took another payment), the client's money goes back to
// their card: a Stripe refund, never a silent credit, since a walk-in may
// have no client record to hold it. It returns the outcome for the event log.
func (t *Till) SettleLink(ctx context.Context, p Paid) (string, error) {
	if !p.Paid || p.IntentID == "" {
		return "till link not paid", nil
	}
	salonID, id, ok, err := t.linkOf(ctx, p.Account, p.Metadata)
	if err != nil || !ok {
		return "unknown till link", err
	}
	var outcome string
	err = t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		link, err := tx.TillLinkLock(ctx, dbq.TillLinkLockParams{TenantID: salonID, ID: id})
		if store.IsNotFound(err) || (err == nil && link.SessionID != p.SessionID) {
			outcome = "unknown till link"
			return nil
		}
		if err != nil {
			return err
		}
		if link.Status != "pending" {
			outcome = "till link already " + link.Status
			return nil
		}
		outcome, err = t.settleTx(ctx, tx, link, p)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("till: settle link: %w", err)
	}
	return outcome, nil
}

func (t *Till) settleTx(ctx context.Context, tx store.Tx, link dbq.TillStripeLink, p Paid) (string, error) {
	salonID, now := link.TenantID, t.now()
	// The day's share lock comes before the ticket's, as on every path of
	// the till (see doc.go). A closed day does not stop the payment.
	dayClosed, err := shareTicketDayTx(ctx, tx, salonID, link.TicketID)
	var tk dbq.Ticket
	if err == nil {
		tk, err = lockOpenTx(ctx, tx, salonID, link.TicketID)
	}
	var cur Ticket
	if err == nil {
		cur, err = loadTx(ctx, tx, salonID, link.TicketID)
	}
	if store.IsNotFound(err) || apperr.Is(err, apperr.Conflict) || (err == nil && link.AmountCents > cur.DueCents()) {
		// The refund runs inside the transaction: if the commit fails, the
		// retried event asks again with the same key and Stripe answers the
		// same refund. Recording money received needs no call to Stripe;
		// only giving it back does.
		if t.Payments.Stripe == nil {
			return "", errors.New("stripe is off: cannot refund")
		}
		refund, rerr := t.Payments.Stripe.Refund(ctx, p.Account, p.IntentID, link.AmountCents, "till-link-refund-"+link.ID.String())
		if rerr != nil {
			return "", rerr
		}
		return "till link refunded", tx.TillLinkSettle(ctx, dbq.TillLinkSettleParams{TenantID: salonID, ID: link.ID, Status: "refunded",
			PaymentIntentID: &p.IntentID, RefundID: &refund, SettledAt: &now})
	}
	if err != nil {
		return "", err
	}
	if _, err := tx.TicketPaymentStripe(ctx, dbq.TicketPaymentStripeParams{TenantID: salonID, TicketID: tk.ID, AmountCents: link.AmountCents,
		StripeIntentID: &p.IntentID, StripeSessionID: &p.SessionID}); err != nil {
		return "", err
	}
	if err := tx.TillLinkSettle(ctx, dbq.TillLinkSettleParams{TenantID: salonID, ID: link.ID, Status: "paid",
		PaymentIntentID: &p.IntentID, SettledAt: &now}); err != nil {
		return "", err
	}
	switch {
	case link.AmountCents < cur.DueCents() || len(cur.Lines) == 0:
		return "till link paid", nil
	case dayClosed != nil:
		return leftOpen(dayClosed), nil
	}
	return t.closePaidTx(ctx, tx, salonID, tk.ID, link.Currency)
}

// shareTicketDayTx takes the share lock on the open day of the ticket's
// register, so that the day's closing counts this ticket or waits for it.
// The register's day being closed is not an error here but the refusal the
// payment is kept despite: the client's money is real, and an event
// retried forever would never record it.
func shareTicketDayTx(ctx context.Context, tx store.Tx, salonID, ticketID uuid.UUID) (refused, err error) {
	registerID, err := tx.TicketRegister(ctx, dbq.TicketRegisterParams{TenantID: salonID, ID: ticketID})
	if err != nil {
		return nil, err
	}
	_, err = shareDayTx(ctx, tx, salonID, registerID)
	if apperr.CodeOf(err) != "" {
		return err, nil
	}
	return nil, err
}

// closePaidTx closes the ticket the phone payment completed, its day
// already shared. When the till refuses the close by a rule (the register's
// signed closure is past the till's clock), the payment still commits and
// the ticket stays open for the cashier to close later. The savepoint
// undoes whatever the refused close wrote, so no number or journal entry is
// left half-taken.
func (t *Till) closePaidTx(ctx context.Context, tx store.Tx, salonID, ticketID uuid.UUID, currency string) (string, error) {
	err := tx.Savepoint(ctx, func(sp store.Tx) error {
		_, err := t.closeTx(ctx, sp, salonID, ticketID, uuid.Nil, currency)
		return err
	})
	if apperr.CodeOf(err) != "" {
		return leftOpen(err), nil
	}
	if err != nil {
		return "", err
	}
	return "till link paid, ticket closed", nil
}

func leftOpen(refused error) string { return "till link paid, ticket left open: " + refused.Error() }
