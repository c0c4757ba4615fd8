package catalog

import (
	"context"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
)

// Items whose price a PriceHook hears about.
const (
	ItemService = "service"
	ItemProduct = "product"
)

// PriceHook hears, inside the transaction that makes it, that a service's or
// a product's price changed: the till signs it into its registers' journals
// (NF525 asks for price changes among the technical events), so the change
// and its record commit together. The till depends on the catalogue, hence
// a function handed in rather than an import.
type PriceHook func(ctx context.Context, tx store.Tx, salonID uuid.UUID, item string, id uuid.UUID, oldCents, newCents int64) error

func (c *Catalog) priceChanged(ctx context.Context, tx store.Tx, salonID uuid.UUID, item string, id uuid.UUID, oldCents, newCents int64) error {
	if c.PriceChanged == nil || oldCents == newCents {
		return nil
	}
	return c.PriceChanged(ctx, tx, salonID, item, id, oldCents, newCents)
}
