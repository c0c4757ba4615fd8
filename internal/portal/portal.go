package portal

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Portal runs the salons' client portals.
type Portal struct {
	DB        *store.DB
	Clock     clock.Clock
	BaseURL   string
	Log       *slog.Logger
	Customers *customer.Customers
	Agenda    *agenda.Agenda
	Booking   *booking.Booking
	Stripe    *payment.Stripe // nil: online payments are off, no card to detach
}

// Portal access of a client record (customers.portal_access).
const (
	AccessNone    = "none"
	AccessOpen    = "open"
	AccessBlocked = "blocked"
)

// How long a sign-in link works: the one a client asks for is used at once;
// the one sent when the salon opens the portal may wait in a mailbox a while.
const (
	LoginLinkTTL   = 15 * time.Minute
	WelcomeLinkTTL = 24 * time.Hour
)

// What a sign-in can run into. The keys are the pages' messages.
var (
	// ErrLinkInvalid: unknown, or already used.
	ErrLinkInvalid = apperr.New(apperr.Conflict, "portal.link_invalid")
	// ErrLinkExpired: used too late.
	ErrLinkExpired = apperr.New(apperr.Conflict, "portal.link_expired")
	// ErrBlocked: the salon blocked this client's access.
	ErrBlocked = apperr.New(apperr.Forbidden, "portal.blocked")
)

// Client is the signed-in client, as each request re-reads them.
type Client struct {
	ID        uuid.UUID
	FirstName string
	LastName  string
	Email     string
}

// Client re-reads a signed-in client: the record must still exist, be live
// (not merged or erased) and have its portal open. A blocked client gets
// ErrBlocked; anything else that closed the portal, not found.
func (p *Portal) Client(ctx context.Context, salonID, customerID uuid.UUID) (Client, error) {
	var row dbq.PortalClientRow
	err := p.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		row, err = tx.PortalClient(ctx, dbq.PortalClientParams{TenantID: salonID, ID: customerID})
		return err
	})
	if err != nil {
		return Client{}, fmt.Errorf("portal: client: %w", err)
	}
	switch {
	case !row.Live:
		return Client{}, apperr.ErrNotFound
	case row.PortalAccess == AccessBlocked:
		return Client{}, ErrBlocked
	case row.PortalAccess != AccessOpen:
		return Client{}, apperr.ErrNotFound
	}
	return Client{ID: row.ID, FirstName: row.FirstName, LastName: row.LastName, Email: row.Email}, nil
}
