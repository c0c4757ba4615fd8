package portal

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Visit is one of the client's visits as the portal shows it.
type Visit struct {
	customer.Visit
	// Manageable: booked online and still ahead, so the client may cancel or
	// move it through its manage page, under the salon's policy. A visit the
	// salon booked has no such page: the client calls the salon.
	Manageable bool
}

// Active reports whether the visit still takes place (not cancelled, not missed).
func (v Visit) Active() bool { return agenda.Blocks(v.Status) }

// Home is what a signed-in client sees.
type Home struct {
	Client       Client
	Upcoming     []Visit // soonest first, in the salon's zone
	Past         []Visit // newest first
	Ledger       []customer.Entry
	BalanceCents int64 // positive: credit with the salon; negative: owed to it
	Currency     string
	Card         string // "Visa •••• 4242"; "" when no card is saved
}

// Home gathers the client's visits, account and saved card.
func (p *Portal) Home(ctx context.Context, sal salon.Salon, c Client) (Home, error) {
	h := Home{Client: c, Currency: sal.Currency}
	now := p.Clock.Now()
	hist, err := p.Customers.Visits(ctx, sal.ID, c.ID, sal.Location(), now)
	if err != nil {
		return Home{}, err
	}
	for _, v := range hist.Upcoming {
		h.Upcoming = append(h.Upcoming, Visit{Visit: v, Manageable: v.Online && agenda.Blocks(v.Status)})
	}
	for _, v := range hist.Past {
		h.Past = append(h.Past, Visit{Visit: v})
	}
	if h.Ledger, h.BalanceCents, err = p.Customers.Ledger(ctx, sal.ID, c.ID); err != nil {
		return Home{}, err
	}
	err = p.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		cs, err := tx.CustomerStripeGet(ctx, dbq.CustomerStripeGetParams{TenantID: sal.ID, CustomerID: c.ID})
		if store.IsNotFound(err) {
			return nil
		}
		if err == nil && cs.PaymentMethodID != nil {
			h.Card = CardLabel(cs.CardLabel)
		}
		return err
	})
	if err != nil {
		return Home{}, fmt.Errorf("portal: home: %w", err)
	}
	return h, nil
}

var brands = map[string]string{"visa": "Visa", "mastercard": "Mastercard", "amex": "American Express", "cartes_bancaires": "CB",
	"discover": "Discover", "diners": "Diners Club", "jcb": "JCB", "unionpay": "UnionPay"}

// CardLabel writes a saved card the way the client knows it: "visa •••• 4242"
// (as stored from Stripe) becomes "Visa •••• 4242".
func CardLabel(stored string) string {
	brand, rest, ok := strings.Cut(stored, " ")
	if !ok || brand == "" {
		return stored
	}
	if name, known := brands[strings.ToLower(brand)]; known {
		return name + " " + rest
	}
	return strings.ToUpper(brand[:1]) + brand[1:] + " " + rest
}

// ManagePath mints a manage link for one of the client's upcoming online
// visits and returns its path on this site. Another client's visit (or
// another salon's) is not found; a visit the salon booked has no manage
// page; one that is past or cancelled can no longer be changed.
func (p *Portal) ManagePath(ctx context.Context, sal salon.Salon, customerID, appointmentID uuid.UUID) (string, error) {
	a, err := p.Agenda.Get(ctx, sal, appointmentID)
	if err != nil {
		return "", err
	}
	if a.Customer.ID != customerID {
		return "", apperr.ErrNotFound
	}
	if !agenda.Blocks(a.Status) || !a.Start.After(p.Clock.Now()) {
		return "", apperr.New(apperr.Conflict, "manage.not_cancellable")
	}
	link, err := p.Booking.LinkFor(ctx, sal, appointmentID)
	if err != nil {
		return "", err
	}
	u, err := url.Parse(link)
	if err != nil {
		return "", fmt.Errorf("portal: manage link: %w", err)
	}
	return u.Path, nil
}
