package booking

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/riverqueue/river"
	"github.com/stripe/stripe-go/v76"

	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/till"
)

// RecordEvent stores a verified Stripe event once, by its id, without the
// client's personal details, and queues its processing in the same
// transaction. A replayed event is recorded nowhere
// and processed never again. It reports whether the event was new.
func (b *Booking) RecordEvent(ctx context.Context, ev stripe.Event, payload []byte) (bool, error) {
	payload, err := withoutPersonalData(payload)
	if err != nil {
		return false, err
	}
	var isNew bool
	err = b.DB.Unscoped(ctx, func(tx store.Tx) error {
		n, err := tx.StripeEventInsert(ctx, dbq.StripeEventInsertParams{ID: ev.ID, Type: string(ev.Type), AccountID: ev.Account, Payload: payload})
		if err != nil || n == 0 {
			return err
		}
		isNew = true
		return tx.Enqueue(ctx, EventArgs{EventID: ev.ID}, nil)
	})
	if err != nil {
		return false, fmt.Errorf("booking: record event: %w", err)
	}
	return isNew, nil
}

// EventArgs processes one recorded Stripe event.
type EventArgs struct {
	EventID string `json:"event_id"`
}

// Kind names the job.
func (EventArgs) Kind() string { return "stripe.event" }

// InsertOpts: Stripe has retried for days; so do we.
func (EventArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{MaxAttempts: 25} }

// EventWorker applies Stripe events to bookings, payments and salons.
type EventWorker struct {
	river.WorkerDefaults[EventArgs]
	Booking  *Booking
	Payments *payment.Payments
	Till     *till.Till // a till's phone payment link completes a ticket, or expires
}

// Work dispatches the event by type; unknown types are recorded and ignored.
func (w *EventWorker) Work(ctx context.Context, job *river.Job[EventArgs]) error {
	var row dbq.StripeEvent
	err := w.Booking.DB.Unscoped(ctx, func(tx store.Tx) error {
		var err error
		row, err = tx.StripeEventGet(ctx, job.Args.EventID)
		return err
	})
	if err != nil {
		return fmt.Errorf("stripe event %s: %w", job.Args.EventID, err)
	}
	var ev stripe.Event
	if err := json.Unmarshal(row.Payload, &ev); err != nil {
		return w.done(ctx, row.ID, "unreadable: "+err.Error())
	}
	outcome, err := w.apply(ctx, ev)
	if err != nil {
		return fmt.Errorf("stripe event %s (%s): %w", ev.ID, ev.Type, err)
	}
	return w.done(ctx, row.ID, outcome)
}

func (w *EventWorker) apply(ctx context.Context, ev stripe.Event) (string, error) {
	raw := ev.Data.Raw
	switch ev.Type {
	case "checkout.session.completed", "checkout.session.async_payment_succeeded":
		var cs stripe.CheckoutSession
		if err := json.Unmarshal(raw, &cs); err != nil {
			return "", err
		}
		if till.IsLink(cs.Metadata) && w.Till != nil {
			return w.Till.SettleLink(ctx, tillPaid(ev.Account, &cs))
		}
		return w.Booking.onCheckoutCompleted(ctx, ev.Account, &cs)
	case "checkout.session.expired":
		var cs stripe.CheckoutSession
		if err := json.Unmarshal(raw, &cs); err != nil {
			return "", err
		}
		if till.IsLink(cs.Metadata) && w.Till != nil {
			return w.Till.ExpireLink(ctx, ev.Account, cs.ID, cs.Metadata)
		}
		return w.Booking.onCheckoutExpired(ctx, ev.Account, &cs)
	case "payment_intent.succeeded", "payment_intent.payment_failed":
		var pi stripe.PaymentIntent
		if err := json.Unmarshal(raw, &pi); err != nil {
			return "", err
		}
		return w.Booking.onPaymentIntent(ctx, ev.Account, &pi)
	case "setup_intent.succeeded":
		var si stripe.SetupIntent
		if err := json.Unmarshal(raw, &si); err != nil {
			return "", err
		}
		return w.Booking.onSetupIntent(ctx, ev.Account, &si)
	case "account.updated":
		var a stripe.Account
		if err := json.Unmarshal(raw, &a); err != nil {
			return "", err
		}
		return "account synced", w.Payments.SyncAccount(ctx, a.ID, payment.AccountState{ChargesEnabled: a.ChargesEnabled,
			PayoutsEnabled: a.PayoutsEnabled, DetailsSubmitted: a.DetailsSubmitted})
	}
	return "ignored", nil
}

// tillPaid is what the till needs of a completed session.
func tillPaid(account string, cs *stripe.CheckoutSession) till.Paid {
	p := till.Paid{Account: account, SessionID: cs.ID, Paid: cs.PaymentStatus == stripe.CheckoutSessionPaymentStatusPaid, Metadata: cs.Metadata}
	if cs.PaymentIntent != nil {
		p.IntentID = cs.PaymentIntent.ID
	}
	return p
}

func (w *EventWorker) done(ctx context.Context, id, outcome string) error {
	return w.Booking.DB.Unscoped(ctx, func(tx store.Tx) error {
		return tx.StripeEventDone(ctx, dbq.StripeEventDoneParams{ID: id, Outcome: outcome})
	})
}
