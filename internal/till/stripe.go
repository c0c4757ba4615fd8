package till

import (
	"context"
	"fmt"
	"strconv"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// MethodStripe is money paid (or refunded) through Stripe on the salon's
// account from the till: the client's phone link, or a credit note's refund.
const MethodStripe = "stripe"

// Link is a pending payment on the client's phone.
type Link struct {
	ID          uuid.UUID
	AmountCents int64
	URL         string
	SessionID   string // the Checkout Session the webhook names
	Status      string // pending, paid, refunded or expired
}

// Statuses of a link.
const (
	LinkPending = "pending"
	LinkExpired = "expired"
)

// LinkInput is what the phone payment needs besides the ticket.
type LinkInput struct {
	Currency   string
	Locale     string
	SuccessURL string // the page the client lands on once paid
}

// linkID derives the till payment id from the ticket, the amount and how
// many of the ticket's links have ended, so a second click (or a retry after
// a timeout) finds the same Stripe session — Stripe keeps the first answer
// per idempotency key — while a link asked after an older one expired or was
// paid is a new session, never the dead one again.
func linkID(ticketID uuid.UUID, amountCents int64, ended int) uuid.UUID {
	name := "stripe-link:" + strconv.FormatInt(amountCents, 10)
	if ended > 0 {
		name += ":" + strconv.Itoa(ended)
	}
	return uuid.NewSHA1(ticketID, []byte(name))
}

// StartLink creates a Stripe Checkout Session on the salon's connected
// account for what the ticket still owes and records it as pending. The
// ticket closes when the signed webhook says it was paid (SettleLink). An
// older pending link for another amount is expired at Stripe first, so the
// client cannot pay both.
func (t *Till) StartLink(ctx context.Context, salonID, ticketID uuid.UUID, in LinkInput) (Link, error) {
	tk, err := t.Ticket(ctx, salonID, ticketID)
	if err != nil {
		return Link{}, err
	}
	account, err := t.chargeable(ctx, salonID)
	if err != nil {
		return Link{}, err
	}
	due := tk.DueCents()
	switch {
	case tk.Closed():
		return Link{}, apperr.New(apperr.Conflict, "till.ticket.closed")
	case tk.Kind != KindSale || due <= 0:
		return Link{}, apperr.New(apperr.Conflict, "till.payment.nothing_due")
	}
	ended, err := t.endOlderLinks(ctx, salonID, ticketID, account, due)
	if err != nil {
		return Link{}, err
	}
	id := linkID(ticketID, due, ended)
	s, err := t.Payments.Stripe.PayLink(ctx, payment.PayLinkInput{Account: account, AmountCents: due, Currency: in.Currency,
		Description: "Ticket " + ticketID.String()[:8], SuccessURL: in.SuccessURL, Locale: in.Locale, Idempotency: "till-link-" + id.String(),
		Metadata: map[string]string{"salon_id": salonID.String(), "ticket_id": ticketID.String(), "till_payment_id": id.String()}})
	if err != nil {
		return Link{}, fmt.Errorf("till: start link: %w", err)
	}
	err = t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		_, err := tx.TillLinkCreate(ctx, dbq.TillLinkCreateParams{ID: id, TenantID: salonID, TicketID: ticketID, AmountCents: due,
			Currency: in.Currency, SessionID: s.ID, Url: s.URL})
		return err
	})
	if err != nil {
		return Link{}, fmt.Errorf("till: record link: %w", err)
	}
	return Link{ID: id, AmountCents: due, URL: s.URL, SessionID: s.ID, Status: LinkPending}, nil
}

// chargeable is the salon's connected account, refused when the platform
// has no Stripe or the salon cannot take card payments yet.
func (t *Till) chargeable(ctx context.Context, salonID uuid.UUID) (string, error) {
	if t.Payments == nil || t.Payments.Stripe == nil {
		return "", apperr.New(apperr.Conflict, "tillstripe.unavailable")
	}
	st, err := t.Payments.Status(ctx, salonID)
	if err != nil {
		return "", fmt.Errorf("till: stripe account: %w", err)
	}
	if !st.CanCharge() {
		return "", apperr.New(apperr.Conflict, "tillstripe.not_connected")
	}
	return st.AccountID, nil
}

// Links are all the ticket's links, newest first, whatever became of them.
func (t *Till) Links(ctx context.Context, salonID, ticketID uuid.UUID) ([]Link, error) {
	var out []Link
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.TillLinksOfTicket(ctx, dbq.TillLinksOfTicketParams{TenantID: salonID, TicketID: ticketID})
		for _, r := range rows {
			out = append(out, linkFrom(r))
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("till: links: %w", err)
	}
	return out, nil
}

func linkFrom(r dbq.TillStripeLink) Link {
	return Link{ID: r.ID, AmountCents: r.AmountCents, URL: r.Url, SessionID: r.SessionID, Status: r.Status}
}
