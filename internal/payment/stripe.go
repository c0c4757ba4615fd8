package payment

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/client"
)

// callTimeout bounds every Stripe call: the library's own default is 80 s,
// far longer than anyone waits for a page.
const callTimeout = 10 * time.Second

// Stripe talks to Stripe for the platform and, with Connect, for each salon's
// own account: every call that concerns a salon carries its account id.
type Stripe struct {
	api *client.API
}

// NewStripe returns a client for the secret key. apiBase points at
// stripe-mock in tests ("" for the real API); httpClient may record calls.
func NewStripe(secretKey, apiBase string, httpClient *http.Client) *Stripe {
	if httpClient == nil {
		httpClient = &http.Client{Timeout: callTimeout}
	}
	cfg := func() *stripe.BackendConfig {
		c := &stripe.BackendConfig{HTTPClient: httpClient, MaxNetworkRetries: stripe.Int64(2),
			LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelError}}
		if apiBase != "" {
			c.URL = stripe.String(apiBase)
		}
		return c
	}
	backends := &stripe.Backends{API: stripe.GetBackendWithConfig(stripe.APIBackend, cfg()),
		Connect: stripe.GetBackendWithConfig(stripe.ConnectBackend, cfg()), Uploads: stripe.GetBackendWithConfig(stripe.UploadsBackend, cfg())}
	return &Stripe{api: client.New(secretKey, backends)}
}

// params prepares the common part of a call: deadline, connected account, idempotency key.
func params(ctx context.Context, p *stripe.Params, account, idempotencyKey string) context.CancelFunc {
	cctx, cancel := context.WithTimeout(ctx, callTimeout)
	p.Context = cctx
	if account != "" {
		p.SetStripeAccount(account)
	}
	if idempotencyKey != "" {
		p.SetIdempotencyKey(idempotencyKey)
	}
	return cancel
}

// CreateAccount opens a Connect (Express) account for a salon.
func (s *Stripe) CreateAccount(ctx context.Context, salonID, email, country string) (string, error) {
	p := &stripe.AccountParams{Type: stripe.String(string(stripe.AccountTypeExpress)), Country: stripe.String(country),
		Email: stripe.String(email),
		Capabilities: &stripe.AccountCapabilitiesParams{CardPayments: &stripe.AccountCapabilitiesCardPaymentsParams{Requested: stripe.Bool(true)},
			Transfers: &stripe.AccountCapabilitiesTransfersParams{Requested: stripe.Bool(true)}}}
	p.AddMetadata("salon_id", salonID)
	defer params(ctx, &p.Params, "", "account-"+salonID)()
	a, err := s.api.Accounts.New(p)
	if err != nil {
		return "", fmt.Errorf("stripe: create account: %w", err)
	}
	return a.ID, nil
}

// OnboardingLink is where the owner fills in their business details at Stripe.
func (s *Stripe) OnboardingLink(ctx context.Context, account, refreshURL, returnURL string) (string, error) {
	p := &stripe.AccountLinkParams{Account: stripe.String(account), Type: stripe.String("account_onboarding"),
		RefreshURL: stripe.String(refreshURL), ReturnURL: stripe.String(returnURL)}
	defer params(ctx, &p.Params, "", "")()
	l, err := s.api.AccountLinks.New(p)
	if err != nil {
		return "", fmt.Errorf("stripe: onboarding link: %w", err)
	}
	return l.URL, nil
}

// AccountState is what Carnet keeps of a connected account.
type AccountState struct {
	ChargesEnabled, PayoutsEnabled, DetailsSubmitted bool
}

// Account reads a connected account's state.
func (s *Stripe) Account(ctx context.Context, account string) (AccountState, error) {
	p := &stripe.AccountParams{}
	defer params(ctx, &p.Params, "", "")()
	a, err := s.api.Accounts.GetByID(account, p)
	if err != nil {
		return AccountState{}, fmt.Errorf("stripe: account: %w", err)
	}
	return AccountState{ChargesEnabled: a.ChargesEnabled, PayoutsEnabled: a.PayoutsEnabled, DetailsSubmitted: a.DetailsSubmitted}, nil
}

// CreateCustomer makes the client known to the salon's Stripe account (one
// customer per salon per client: a card saved for one salon never serves another).
func (s *Stripe) CreateCustomer(ctx context.Context, account, email, name, idempotencyKey string) (string, error) {
	p := &stripe.CustomerParams{Email: stripe.String(email), Name: stripe.String(name)}
	defer params(ctx, &p.Params, account, idempotencyKey)()
	c, err := s.api.Customers.New(p)
	if err != nil {
		return "", fmt.Errorf("stripe: create customer: %w", err)
	}
	return c.ID, nil
}

// CheckoutInput describes a Checkout Session on a salon's account.
type CheckoutInput struct {
	Account     string
	Setup       bool   // save a card (card imprint) instead of taking a payment
	Customer    string // the salon's Stripe customer for this client
	AmountCents int64
	FeeCents    int64 // the platform's application fee
	Currency    string
	Description string
	SaveCard    bool // keep the card for later off-session charges (no-show fee)
	SuccessURL  string
	CancelURL   string
	ExpiresAt   time.Time
	Metadata    map[string]string // booking and salon ids, copied on the payment or setup intent
	Idempotency string
	Locale      string
}

// Session is a Checkout Session to send the client to.
type Session struct {
	ID, URL string
}

// Checkout creates a Checkout Session: the client pays (or saves a card) on
// Stripe's page, card data never touches Carnet.
func (s *Stripe) Checkout(ctx context.Context, in CheckoutInput) (Session, error) {
	p := &stripe.CheckoutSessionParams{SuccessURL: stripe.String(in.SuccessURL), CancelURL: stripe.String(in.CancelURL),
		Customer: stripe.String(in.Customer), Locale: stripe.String(in.Locale), Metadata: in.Metadata}
	if !in.ExpiresAt.IsZero() {
		p.ExpiresAt = stripe.Int64(in.ExpiresAt.Unix())
	}
	if in.Setup {
		p.Mode = stripe.String(string(stripe.CheckoutSessionModeSetup))
		p.Currency = stripe.String(lower(in.Currency))
		p.SetupIntentData = &stripe.CheckoutSessionSetupIntentDataParams{Metadata: in.Metadata, Description: stripe.String(in.Description)}
	} else {
		p.Mode = stripe.String(string(stripe.CheckoutSessionModePayment))
		p.LineItems = []*stripe.CheckoutSessionLineItemParams{{Quantity: stripe.Int64(1),
			PriceData: &stripe.CheckoutSessionLineItemPriceDataParams{Currency: stripe.String(lower(in.Currency)),
				UnitAmount:  stripe.Int64(in.AmountCents),
				ProductData: &stripe.CheckoutSessionLineItemPriceDataProductDataParams{Name: stripe.String(in.Description)}}}}
		p.PaymentIntentData = &stripe.CheckoutSessionPaymentIntentDataParams{Metadata: in.Metadata, Description: stripe.String(in.Description)}
		if in.FeeCents > 0 {
			p.PaymentIntentData.ApplicationFeeAmount = stripe.Int64(in.FeeCents)
		}
		if in.SaveCard {
			p.PaymentIntentData.SetupFutureUsage = stripe.String(string(stripe.PaymentIntentSetupFutureUsageOffSession))
		}
	}
	defer params(ctx, &p.Params, in.Account, in.Idempotency)()
	cs, err := s.api.CheckoutSessions.New(p)
	if err != nil {
		return Session{}, fmt.Errorf("stripe: checkout session: %w", err)
	}
	return Session{ID: cs.ID, URL: cs.URL}, nil
}

// ExpireCheckout closes a session whose hold ran out, so it can no longer be paid.
func (s *Stripe) ExpireCheckout(ctx context.Context, account, sessionID string) error {
	p := &stripe.CheckoutSessionExpireParams{}
	defer params(ctx, &p.Params, account, "expire-"+sessionID)()
	if _, err := s.api.CheckoutSessions.Expire(sessionID, p); err != nil {
		return fmt.Errorf("stripe: expire checkout: %w", err)
	}
	return nil
}

// CheckoutStatus reads a session's status: open, complete or expired.
func (s *Stripe) CheckoutStatus(ctx context.Context, account, sessionID string) (string, error) {
	p := &stripe.CheckoutSessionParams{}
	defer params(ctx, &p.Params, account, "")()
	cs, err := s.api.CheckoutSessions.Get(sessionID, p)
	if err != nil {
		return "", fmt.Errorf("stripe: checkout status: %w", err)
	}
	return string(cs.Status), nil
}

// SavedCard reads the card a setup (card imprint) saved.
func (s *Stripe) SavedCard(ctx context.Context, account, setupIntentID string) (customer, paymentMethod, label string, err error) {
	p := &stripe.SetupIntentParams{}
	p.AddExpand("payment_method")
	defer params(ctx, &p.Params, account, "")()
	si, err := s.api.SetupIntents.Get(setupIntentID, p)
	if err != nil {
		return "", "", "", fmt.Errorf("stripe: setup intent: %w", err)
	}
	if si.Customer != nil {
		customer = si.Customer.ID
	}
	if pm := si.PaymentMethod; pm != nil {
		paymentMethod = pm.ID
		if pm.Card != nil {
			label = fmt.Sprintf("%s •••• %s", pm.Card.Brand, pm.Card.Last4)
		}
	}
	return customer, paymentMethod, label, nil
}

// Refund gives money back on a salon's account.
func (s *Stripe) Refund(ctx context.Context, account, paymentIntentID string, amountCents int64, idempotencyKey string) (string, error) {
	p := &stripe.RefundParams{PaymentIntent: stripe.String(paymentIntentID), Amount: stripe.Int64(amountCents),
		RefundApplicationFee: stripe.Bool(true)}
	defer params(ctx, &p.Params, account, idempotencyKey)()
	r, err := s.api.Refunds.New(p)
	if err != nil {
		return "", fmt.Errorf("stripe: refund: %w", err)
	}
	return r.ID, nil
}

// Charge errors the salon must act on.
var (
	// ErrAuthenticationRequired: the bank wants the client present (3-D Secure); send a payment link.
	ErrAuthenticationRequired = errors.New("payment: the bank asks the client to authenticate")
	// ErrCardDeclined: the card was refused.
	ErrCardDeclined = errors.New("payment: card declined")
)

// Charge is the outcome of an off-session charge.
type Charge struct {
	PaymentIntentID string
	Status          string
}

// ChargeSavedCard charges a card saved with the client's consent (a no-show
// or late-cancellation fee), without the client present.
func (s *Stripe) ChargeSavedCard(ctx context.Context, account, customer, paymentMethod string, amountCents, feeCents int64,
	currency, description, idempotencyKey string, metadata map[string]string) (Charge, error) {
	p := &stripe.PaymentIntentParams{Amount: stripe.Int64(amountCents), Currency: stripe.String(lower(currency)),
		Customer: stripe.String(customer), PaymentMethod: stripe.String(paymentMethod), OffSession: stripe.Bool(true),
		Confirm: stripe.Bool(true), Description: stripe.String(description), Metadata: metadata}
	if feeCents > 0 {
		p.ApplicationFeeAmount = stripe.Int64(feeCents)
	}
	defer params(ctx, &p.Params, account, idempotencyKey)()
	pi, err := s.api.PaymentIntents.New(p)
	var serr *stripe.Error
	if errors.As(err, &serr) {
		id := ""
		if serr.PaymentIntent != nil {
			id = serr.PaymentIntent.ID
		}
		if serr.Code == stripe.ErrorCodeAuthenticationRequired {
			return Charge{PaymentIntentID: id, Status: "requires_action"}, ErrAuthenticationRequired
		}
		if serr.Type == stripe.ErrorTypeCard {
			return Charge{PaymentIntentID: id, Status: "failed"}, fmt.Errorf("%w: %s", ErrCardDeclined, serr.Code)
		}
	}
	if err != nil {
		return Charge{}, fmt.Errorf("stripe: charge saved card: %w", err)
	}
	return Charge{PaymentIntentID: pi.ID, Status: string(pi.Status)}, nil
}

// Fee is the platform's application fee on an amount: a percentage (in basis
// points) plus a fixed part, never more than the amount itself.
func Fee(amountCents int64, percentBP int32, fixedCents int64) int64 {
	if amountCents <= 0 {
		return 0
	}
	return min(amountCents, (amountCents*int64(percentBP)+5000)/10000+fixedCents)
}

func lower(currency string) string {
	b := []byte(currency)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// PaymentCard reads the card a payment saved for later use (a deposit taken
// with the client's consent to keep the card).
func (s *Stripe) PaymentCard(ctx context.Context, account, paymentIntentID string) (customer, paymentMethod, label string, err error) {
	p := &stripe.PaymentIntentParams{}
	p.AddExpand("payment_method")
	defer params(ctx, &p.Params, account, "")()
	pi, err := s.api.PaymentIntents.Get(paymentIntentID, p)
	if err != nil {
		return "", "", "", fmt.Errorf("stripe: payment intent: %w", err)
	}
	if pi.Customer != nil {
		customer = pi.Customer.ID
	}
	if pm := pi.PaymentMethod; pm != nil {
		paymentMethod = pm.ID
		if pm.Card != nil {
			label = fmt.Sprintf("%s •••• %s", pm.Card.Brand, pm.Card.Last4)
		}
	}
	return customer, paymentMethod, label, nil
}

// DetachCard removes a saved card from the client's Stripe customer on the
// salon's account, so it can never be charged again (the client withdrew
// their consent). Detaching twice is the same request: the idempotency key
// makes a retry harmless.
func (s *Stripe) DetachCard(ctx context.Context, account, paymentMethodID string) error {
	p := &stripe.PaymentMethodDetachParams{}
	defer params(ctx, &p.Params, account, "detach-"+paymentMethodID)()
	if _, err := s.api.PaymentMethods.Detach(paymentMethodID, p); err != nil {
		return fmt.Errorf("stripe: detach card: %w", err)
	}
	return nil
}
