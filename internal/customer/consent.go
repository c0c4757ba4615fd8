package customer

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// How a client gave or withdrew consent to offers.
const (
	ConsentFromRecord   = "record"           // the salon ticked or unticked it on the record, at the client's word
	ConsentFromLink     = "unsubscribe_link" // the link in an offer, confirmed on its page
	ConsentFromOneClick = "one_click"        // the mail app's own unsubscribe button (RFC 8058)
	ConsentFromSMSStop  = "sms_stop"         // a STOP reply reported by the SMS gateway
)

// Consent is one opt-in or opt-out to offers, kept on the client's record
// as proof (CNIL, LCEN art. L34-5).
type Consent struct {
	Channel string // email or sms
	Granted bool
	Source  string // ConsentFrom…
	At      time.Time
}

// Consents returns the client's opt-ins and opt-outs, latest first.
func (c *Customers) Consents(ctx context.Context, salonID, customerID uuid.UUID) ([]Consent, error) {
	var out []Consent
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.ConsentList(ctx, dbq.ConsentListParams{TenantID: salonID, CustomerID: customerID})
		for _, r := range rows {
			out = append(out, Consent{Channel: r.Channel, Granted: r.Granted, Source: r.Source, At: r.At})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("customer: consents: %w", err)
	}
	return out, nil
}

// WithdrawTx records that the client no longer wants offers on channel
// (email or sms). It reports whether they had accepted them: withdrawing
// twice changes nothing and is recorded once.
func WithdrawTx(ctx context.Context, tx store.Tx, salonID, customerID uuid.UUID, channel, source string, at time.Time) (bool, error) {
	n, err := tx.ConsentWithdraw(ctx, dbq.ConsentWithdrawParams{TenantID: salonID, ID: customerID, Channel: channel})
	if err != nil || n == 0 {
		return false, err
	}
	return true, tx.ConsentAdd(ctx, dbq.ConsentAddParams{TenantID: salonID, CustomerID: customerID, Channel: channel,
		Granted: false, Source: source, At: at})
}

// logRecordConsents keeps each change of the offer boxes the record form made.
func logRecordConsents(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, wasEmail, wasSMS bool, in RecordInput, at time.Time) error {
	for _, ch := range []struct {
		channel  string
		was, now bool
	}{{"email", wasEmail, in.EmailMarketing}, {"sms", wasSMS, in.SMSMarketing}} {
		if ch.was == ch.now {
			continue
		}
		if err := tx.ConsentAdd(ctx, dbq.ConsentAddParams{TenantID: salonID, CustomerID: id, Channel: ch.channel,
			Granted: ch.now, Source: ConsentFromRecord, At: at}); err != nil {
			return err
		}
	}
	return nil
}
