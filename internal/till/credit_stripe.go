package till

import (
	"context"
	"crypto/sha256"
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
// refund's id. The refund runs before the commit; its idempotency key names
// the ticket and the lines given back (a line is given back once), so a
// retry after a failed commit gets the same refund, never a second one.
func (t *Till) refundTx(ctx context.Context, tx store.Tx, salonID, origID, creditID uuid.UUID, in CreditInput, total int64) error {
	account, err := t.chargeable(ctx, salonID)
	if err != nil {
		return err
	}
	paid, err := tx.TicketStripeIntents(ctx, dbq.TicketStripeIntentsParams{TenantID: salonID, TicketID: origID})
	if err != nil {
		return err
	}
	intent := ""
	for _, p := range paid {
		if p.IntentID != "" && p.AmountCents >= total {
			intent = p.IntentID
			break
		}
	}
	if intent == "" {
		return apperr.Fields{"Method": "tillstripe.refund.not_paid_online"}.Err()
	}
	refund, err := t.Payments.Stripe.Refund(ctx, account, intent, total, creditKey(origID, in.LineIDs))
	if err != nil {
		return err
	}
	_, err = tx.TicketPaymentStripe(ctx, dbq.TicketPaymentStripeParams{TenantID: salonID, TicketID: creditID, AmountCents: -total,
		Reference: refund, StripeIntentID: &intent, CreatedBy: &in.Actor})
	return err
}

// creditKey is the refund's idempotency key: the original ticket and the
// sorted lines given back.
func creditKey(origID uuid.UUID, lines []uuid.UUID) string {
	ids := slices.Clone(lines)
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	h := sha256.New()
	for _, id := range ids {
		h.Write(id[:])
	}
	return "till-credit-" + origID.String() + "-" + hex.EncodeToString(h.Sum(nil))[:16]
}
