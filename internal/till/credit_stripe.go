package till

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// refundTx pays a credit note out through Stripe: a refund on the salon's
// connected account of the payment the original ticket took by the phone
// link or the visit's online deposit, recorded as a payment out with the
// refund's id. The refund runs before the commit under key (creditKey), so
// a retry after a failed commit gets the same refund, never a second one.
func (t *Till) refundTx(ctx context.Context, tx store.Tx, salonID, origID, creditID, actor uuid.UUID, total int64, key string) error {
	account, err := t.chargeable(ctx, salonID)
	if err != nil {
		return err
	}
	paid, err := tx.TicketStripeIntents(ctx, dbq.TicketStripeIntentsParams{TenantID: salonID, TicketID: origID})
	if err != nil {
		return err
	}
	intent, short := "", false
	for _, p := range paid {
		if p.IntentID == "" || p.AmountCents < total {
			continue
		}
		// Earlier credit notes may have refunded part of this payment
		// already: Stripe must never be asked for more than is left.
		refunded, err := tx.TillIntentRefunded(ctx, dbq.TillIntentRefundedParams{TenantID: salonID, StripeIntentID: &p.IntentID})
		if err != nil {
			return err
		}
		if p.AmountCents-refunded >= total {
			intent = p.IntentID
			break
		}
		short = true
	}
	if intent == "" && short {
		return apperr.Fields{"Method": "tillstripe.refund.rest_needed"}.Err()
	}
	if intent == "" {
		return apperr.Fields{"Method": "tillstripe.refund.not_paid_online"}.Err()
	}
	refund, err := t.Payments.Stripe.Refund(ctx, account, intent, total, key)
	if err != nil {
		return err
	}
	_, err = tx.TicketPaymentStripe(ctx, dbq.TicketPaymentStripeParams{TenantID: salonID, TicketID: creditID, AmountCents: -total,
		Reference: refund, StripeIntentID: &intent, CreatedBy: &actor})
	return err
}

// creditKey is the refund's idempotency key: the original ticket and, line
// by line in order, how many were given back before and how many now — the
// same credit note retried, and only it, gets the same key.
func creditKey(origID uuid.UUID, parts []creditPart) string {
	parts = slices.Clone(parts)
	slices.SortFunc(parts, func(a, b creditPart) int { return slices.Compare(a.line.ID[:], b.line.ID[:]) })
	h := sha256.New()
	for _, p := range parts {
		h.Write(p.line.ID[:])
		h.Write(binary.BigEndian.AppendUint64(nil, uint64(p.done)))
		h.Write(binary.BigEndian.AppendUint64(nil, uint64(p.k)))
	}
	return "till-credit-" + origID.String() + "-" + hex.EncodeToString(h.Sum(nil))[:16]
}
