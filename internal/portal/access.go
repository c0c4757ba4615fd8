package portal

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// SetAccess opens or blocks a client's portal (staff, from the client
// record). Opening sends the client the "portal access opened" message with
// a sign-in link, through the outbox, in the same transaction; blocking
// voids the links in flight (and every request of a signed-in client
// re-reads the access, so their session stops at once). Setting what is
// already set changes nothing and sends nothing. Another salon's client is
// not found; a merged or erased record cannot be opened.
func (p *Portal) SetAccess(ctx context.Context, salonID, customerID uuid.UUID, access string, actor uuid.UUID) error {
	if access != AccessOpen && access != AccessBlocked {
		return apperr.Fields{"access": "field.choose"}.Err()
	}
	changed := false
	err := p.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		cur, err := tx.PortalClientLock(ctx, dbq.PortalClientLockParams{TenantID: salonID, ID: customerID})
		if err != nil {
			return err
		}
		if !cur.Live {
			return apperr.New(apperr.Conflict, "portal.record_closed")
		}
		if cur.PortalAccess == access {
			return nil
		}
		changed = true
		if _, err := tx.CustomerSetPortal(ctx, dbq.CustomerSetPortalParams{TenantID: salonID, ID: customerID, PortalAccess: access}); err != nil {
			return err
		}
		if access == AccessBlocked {
			return tx.PortalLinksRevoke(ctx, dbq.PortalLinksRevokeParams{Now: p.Clock.Now(), TenantID: salonID, CustomerID: customerID})
		}
		t, err := tx.TenantGet(ctx, salonID)
		if err != nil {
			return err
		}
		link, err := p.linkTx(ctx, tx, salonID, t.Slug, customerID, p.Clock.Now().Add(WelcomeLinkTTL))
		if err != nil {
			return err
		}
		return message.PortalAccessTx(ctx, tx, salonID, customerID, link)
	})
	if err != nil {
		return fmt.Errorf("portal: set access: %w", err)
	}
	if changed {
		p.Log.InfoContext(ctx, "portal access changed", "salon_id", salonID, "customer_id", customerID, "access", access, "actor", actor)
	}
	return nil
}
