package payment

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/urls"
)

// Connect is a salon's Stripe account as Carnet last saw it.
type Connect struct {
	Available                                        bool // the platform has a Stripe key: online payments exist at all
	AccountID                                        string
	ChargesEnabled, PayoutsEnabled, DetailsSubmitted bool
}

// CanCharge reports whether the salon can take payments online now: Stripe
// has finished checking the account (charges_enabled), not merely opened it.
func (c Connect) CanCharge() bool { return c.Available && c.ChargesEnabled }

// Connected reports whether the salon has started onboarding.
func (c Connect) Connected() bool { return c.AccountID != "" }

// errNoStripe: the installation has no Stripe key; the page says so and has no button.
var errNoStripe = apperr.New(apperr.Conflict, "connect.unavailable")

// Status returns the salon's Stripe account state.
func (p *Payments) Status(ctx context.Context, salonID uuid.UUID) (Connect, error) {
	c := Connect{Available: p.Stripe != nil}
	err := p.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		row, err := tx.SalonStripeGet(ctx, salonID)
		if store.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		c.AccountID, c.ChargesEnabled, c.PayoutsEnabled, c.DetailsSubmitted =
			row.AccountID, row.ChargesEnabled, row.PayoutsEnabled, row.DetailsSubmitted
		return nil
	})
	if err != nil {
		return Connect{}, fmt.Errorf("payment: stripe status: %w", err)
	}
	return c, nil
}

// StartOnboarding opens the salon's Express account the first time (in the
// country its time zone suggests) and returns the Stripe page where the owner
// fills in their business details. Calling it again reuses the account.
// email is the person connecting; Stripe pre-fills it.
func (p *Payments) StartOnboarding(ctx context.Context, salonID uuid.UUID, timeZone, email string) (string, error) {
	if p.Stripe == nil {
		return "", errNoStripe
	}
	c, err := p.Status(ctx, salonID)
	if err != nil {
		return "", err
	}
	account := c.AccountID
	if account == "" {
		// No transaction is held open across the call to Stripe. Two clicks at
		// once share the idempotency key, so Stripe returns the same account.
		if account, err = p.Stripe.CreateAccount(ctx, salonID.String(), email, Country(timeZone)); err != nil {
			return "", stripeDown(err)
		}
		err = p.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
			if err := tx.SalonStripeCreate(ctx, dbq.SalonStripeCreateParams{TenantID: salonID, AccountID: account}); err != nil {
				return err
			}
			row, err := tx.SalonStripeGet(ctx, salonID) // a concurrent first click may have stored it
			account = row.AccountID
			return err
		})
		if err != nil {
			return "", fmt.Errorf("payment: store stripe account: %w", err)
		}
	}
	url, err := p.Stripe.OnboardingLink(ctx, account, p.BaseURL+urls.StripeRefresh(), p.BaseURL+urls.StripeReturn())
	if err != nil {
		return "", stripeDown(err)
	}
	return url, nil
}

// Refresh reads the salon's account from Stripe and saves its state, so the
// owner back from onboarding sees where they stand without waiting for the
// webhook. A salon without an account has nothing to refresh.
func (p *Payments) Refresh(ctx context.Context, salonID uuid.UUID) error {
	c, err := p.Status(ctx, salonID)
	if err != nil || !c.Available || !c.Connected() {
		return err
	}
	st, err := p.Stripe.Account(ctx, c.AccountID)
	if err != nil {
		return stripeDown(err)
	}
	err = p.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		_, err := tx.SalonStripeSync(ctx, syncParams(c.AccountID, st))
		return err
	})
	if err != nil {
		return fmt.Errorf("payment: refresh stripe account: %w", err)
	}
	return nil
}

// SyncAccount saves a connected account's state from Stripe's account.updated
// event. The event names no salon, so this runs on the platform path; an
// account Carnet does not know (another platform's, or deleted) is ignored.
func (p *Payments) SyncAccount(ctx context.Context, accountID string, st AccountState) error {
	err := p.DB.Unscoped(ctx, func(tx store.Tx) error {
		_, err := tx.SalonStripeSync(ctx, syncParams(accountID, st))
		return err
	})
	if err != nil {
		return fmt.Errorf("payment: sync stripe account: %w", err)
	}
	return nil
}

func syncParams(accountID string, st AccountState) dbq.SalonStripeSyncParams {
	return dbq.SalonStripeSyncParams{AccountID: accountID, ChargesEnabled: st.ChargesEnabled,
		PayoutsEnabled: st.PayoutsEnabled, DetailsSubmitted: st.DetailsSubmitted}
}

// stripeDown: the owner is told Stripe did not answer and to try again; the
// log keeps Stripe's own error.
func stripeDown(err error) error {
	return apperr.New(apperr.Unavailable, "connect.down").WithCause(err)
}

// Country is the country a salon's Stripe account is opened in, guessed from
// its time zone; France by default (and for the overseas departments, which
// Stripe counts as France). Stripe does not let an account change country.
func Country(timeZone string) string {
	switch timeZone {
	case "Europe/Brussels":
		return "BE"
	case "Europe/Zurich":
		return "CH"
	case "Europe/Luxembourg":
		return "LU"
	case "Europe/London":
		return "GB"
	case "Europe/Madrid":
		return "ES"
	case "Europe/Lisbon":
		return "PT"
	case "Europe/Berlin":
		return "DE"
	case "Europe/Rome":
		return "IT"
	case "America/Montreal":
		return "CA"
	case "America/New_York":
		return "US"
	case "Asia/Tokyo":
		return "JP"
	}
	return "FR"
}
