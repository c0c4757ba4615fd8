package payment

import (
	"context"
	"fmt"

	"github.com/stripe/stripe-go/v76"
)

// PayLinkInput is a payment the client makes on their own phone at the
// till: no Stripe customer (a walk-in may have no record), no saved card.
type PayLinkInput struct {
	Account     string
	AmountCents int64
	Currency    string
	Description string
	SuccessURL  string
	Metadata    map[string]string // salon, ticket and till payment ids, copied on the payment intent
	Idempotency string
	Locale      string
}

// PayLink creates a Checkout Session on the salon's account whose URL the
// till shows as a link and a QR code.
func (s *Stripe) PayLink(ctx context.Context, in PayLinkInput) (Session, error) {
	p := &stripe.CheckoutSessionParams{SuccessURL: stripe.String(in.SuccessURL), Locale: stripe.String(in.Locale),
		Mode: stripe.String(string(stripe.CheckoutSessionModePayment)), Metadata: in.Metadata,
		LineItems: []*stripe.CheckoutSessionLineItemParams{{Quantity: stripe.Int64(1),
			PriceData: &stripe.CheckoutSessionLineItemPriceDataParams{Currency: stripe.String(lower(in.Currency)),
				UnitAmount:  stripe.Int64(in.AmountCents),
				ProductData: &stripe.CheckoutSessionLineItemPriceDataProductDataParams{Name: stripe.String(in.Description)}}}},
		PaymentIntentData: &stripe.CheckoutSessionPaymentIntentDataParams{Metadata: in.Metadata, Description: stripe.String(in.Description)}}
	defer params(ctx, &p.Params, in.Account, in.Idempotency)()
	cs, err := s.api.CheckoutSessions.New(p)
	if err != nil {
		return Session{}, fmt.Errorf("stripe: pay link: %w", err)
	}
	return Session{ID: cs.ID, URL: cs.URL}, nil
}
