package portal

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// RemoveCard withdraws the client's consent to keep their card: Carnet
// forgets it first (committed before Stripe is called, so no fee can be
// charged to it from then on, whatever Stripe answers), then the card is
// detached from the client's Stripe customer on the salon's account. A
// Stripe failure is logged for the platform to finish by hand; the client's
// card is already out of the salon's reach. No card saved: nothing to do.
func (p *Portal) RemoveCard(ctx context.Context, sal salon.Salon, customerID uuid.UUID) error {
	var card, account string
	err := p.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		cs, err := tx.CustomerStripeGet(ctx, dbq.CustomerStripeGetParams{TenantID: sal.ID, CustomerID: customerID})
		if store.IsNotFound(err) || (err == nil && cs.PaymentMethodID == nil) {
			return nil
		}
		if err != nil {
			return err
		}
		card = *cs.PaymentMethodID
		if _, err := tx.CustomerStripeRemoveCard(ctx, dbq.CustomerStripeRemoveCardParams{TenantID: sal.ID, CustomerID: customerID}); err != nil {
			return err
		}
		acct, err := tx.SalonStripeGet(ctx, sal.ID)
		if err == nil {
			account = acct.AccountID
		} else if !store.IsNotFound(err) {
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("portal: remove card: %w", err)
	}
	if card == "" {
		return nil
	}
	log := p.Log.With("salon_id", sal.ID, "customer_id", customerID, "payment_method", card)
	if p.Stripe == nil || account == "" {
		log.WarnContext(ctx, "card removed from Carnet; not detached at Stripe: no Stripe account to call")
		return nil
	}
	// The card is gone from Carnet: a client leaving the page must not stop
	// Stripe from hearing about it.
	if err := p.Stripe.DetachCard(context.WithoutCancel(ctx), account, card); err != nil {
		log.ErrorContext(ctx, "card removed from Carnet but not detached at Stripe", "account", account, "err", err)
		return nil
	}
	log.InfoContext(ctx, "card removed by the client and detached at Stripe", "account", account)
	return nil
}
