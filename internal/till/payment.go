package till

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/till/cheque"
)

// Payment methods.
const (
	MethodCash    = "cash"
	MethodCard    = "card"    // the salon's own terminal
	MethodCheque  = "cheque"  // checked by the cashier (package cheque)
	MethodOnline  = "online"  // the visit's deposit or prepayment, applied by itself
	MethodAccount = "account" // the client's account: a credit used, or the rest owed
)

// PaymentInput is a payment the cashier records. Field errors are keyed by
// its names (and, for a cheque, by cheque.Details' names).
type PaymentInput struct {
	Method      string
	AmountCents int64 // cash: the amount handed over; otherwise what the method pays
	Reference   string
	Cheque      cheque.Details // a cheque: the cashier's checks; its amount is AmountCents
	Today       time.Time      // the salon's civil date, for the cheque's date
	Actor       uuid.UUID
}

// AddPayment records a payment towards an open ticket. Cash may exceed what
// is due: the change to give back is recorded with it. Other methods pay at
// most what is due.
func (t *Till) AddPayment(ctx context.Context, salonID, ticketID uuid.UUID, in PaymentInput) error {
	in.Reference = strings.TrimSpace(in.Reference)
	f := apperr.Fields{}
	switch in.Method {
	case MethodCash, MethodCard, MethodCheque, MethodAccount:
	default:
		f.Add("Method", "till.method.invalid")
	}
	if in.AmountCents <= 0 || in.AmountCents > money.Entry.Max {
		f.Add("AmountCents", "amount.invalid")
	}
	if len([]rune(in.Reference)) > 60 {
		f.Add("Reference", "text.long")
	}
	if in.Method == MethodCheque {
		in.Cheque.AmountCents = in.AmountCents
		for k, v := range apperr.FieldsOf(in.Cheque.Check(in.Today)) {
			f.Add(k, v)
		}
	}
	if err := f.Err(); err != nil {
		return err
	}
	return t.change(ctx, salonID, ticketID, "add payment", func(tx store.Tx, tk dbq.Ticket) error {
		cur, err := loadTx(ctx, tx, salonID, ticketID)
		if err != nil {
			return err
		}
		due := cur.DueCents()
		p := dbq.TicketPaymentAddParams{TenantID: salonID, TicketID: ticketID, Method: in.Method, AmountCents: in.AmountCents,
			Reference: in.Reference, CreatedBy: &in.Actor}
		switch {
		case due <= 0:
			return apperr.Fields{"AmountCents": "till.payment.nothing_due"}.Err()
		case in.Method == MethodCash:
			p.GivenCents, p.AmountCents = in.AmountCents, min(in.AmountCents, due)
			p.ChangeCents = p.GivenCents - p.AmountCents
		case in.AmountCents > due:
			return apperr.Fields{"AmountCents": "till.payment.exceeds"}.Err()
		}
		if in.Method == MethodAccount && tk.CustomerID == nil {
			return apperr.Fields{"Method": "till.account.no_client"}.Err()
		}
		if in.Method == MethodCheque {
			setCheque(&p, in.Cheque)
		}
		_, err = tx.TicketPaymentAdd(ctx, p)
		return err
	})
}

// setCheque keeps the cheque and its holder's identity in the till's table:
// personal data stays where erasure can reach it, out of the journal.
func setCheque(p *dbq.TicketPaymentAddParams, d cheque.Details) {
	p.ChequeIssuedOn, p.ChequeSigned = &d.IssuedOn, &d.SignaturePresent
	p.ChequeBank, p.ChequeNumber = &d.Bank, &d.Number
	p.HolderIDType, p.HolderIDNumber = &d.HolderIDType, &d.HolderIDNumber
	p.HolderIDIssuedOn, p.HolderIDIssuedAt = &d.HolderIDIssuedOn, &d.HolderIDIssuedAt
}

// RemovePayment takes a payment off an open ticket; the online deposit stays.
func (t *Till) RemovePayment(ctx context.Context, salonID, ticketID, paymentID uuid.UUID) error {
	return t.change(ctx, salonID, ticketID, "remove payment", func(tx store.Tx, _ dbq.Ticket) error {
		n, err := tx.TicketPaymentRemove(ctx, dbq.TicketPaymentRemoveParams{TenantID: salonID, TicketID: ticketID, ID: paymentID})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
}

// keepExcessTx keeps what the visit's online payments (a deposit of 30 €
// for a 20 € service) brought beyond the ticket's total: a payment out to the
// client's account, which the closing turns into their credit with the
// salon. Money taken by hand beyond the total is the cashier's to take off
// (cash already gives change), and a ticket without a client has no account
// to keep it on (Ticket.ExcessToAccount, which the ticket's page shows).
func keepExcessTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, tk *Ticket, actor uuid.UUID) error {
	switch {
	case tk.DueCents() >= 0:
		return nil
	case tk.CustomerID == uuid.Nil:
		return apperr.New(apperr.Conflict, "till.ticket.excess_no_client")
	case !tk.ExcessToAccount():
		return apperr.New(apperr.Conflict, "till.ticket.overpaid")
	}
	out := tk.DueCents()
	id, err := tx.TicketPaymentAdd(ctx, dbq.TicketPaymentAddParams{TenantID: salonID, TicketID: tk.ID, Method: MethodAccount,
		AmountCents: out, CreatedBy: actorRef(actor)})
	if err != nil {
		return err
	}
	tk.Payments = append(tk.Payments, Payment{ID: id, Method: MethodAccount, AmountCents: out})
	return nil
}
