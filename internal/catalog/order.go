package catalog

import (
	"context"
	"fmt"
	"slices"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// The menu's order is the salon's: the public page shows categories and
// their services in it. A move swaps an item with its neighbour and
// renumbers the list, so positions stay 1..n whatever came before.

// MoveService moves a service one place up or down within its category.
// At either end it stays put.
func (c *Catalog) MoveService(ctx context.Context, salonID, id uuid.UUID, up bool) error {
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if err := tx.CatalogLockOrder(ctx, salonID.String()); err != nil {
			return err
		}
		all, err := ServicesTx(ctx, tx, salonID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(all, func(s Service) bool { return s.ID == id })
		if i < 0 {
			return apperr.ErrNotFound
		}
		var ids []uuid.UUID
		for _, s := range all {
			if sameCategory(s.CategoryID, all[i].CategoryID) {
				ids = append(ids, s.ID)
			}
		}
		return renumber(swapped(ids, id, up), func(id uuid.UUID, pos int32) error {
			return tx.ServiceSetPosition(ctx, dbq.ServiceSetPositionParams{TenantID: salonID, ID: id, Position: pos})
		})
	})
	if err != nil {
		return fmt.Errorf("catalog: move service: %w", err)
	}
	return nil
}

// MoveCategory moves a category one place up or down.
func (c *Catalog) MoveCategory(ctx context.Context, salonID, id uuid.UUID, up bool) error {
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if err := tx.CatalogLockOrder(ctx, salonID.String()); err != nil {
			return err
		}
		cats, err := CategoriesTx(ctx, tx, salonID)
		if err != nil {
			return err
		}
		ids := make([]uuid.UUID, len(cats))
		for i, cat := range cats {
			ids[i] = cat.ID
		}
		if !slices.Contains(ids, id) {
			return apperr.ErrNotFound
		}
		return renumber(swapped(ids, id, up), func(id uuid.UUID, pos int32) error {
			return tx.CategorySetPosition(ctx, dbq.CategorySetPositionParams{TenantID: salonID, ID: id, Position: pos})
		})
	})
	if err != nil {
		return fmt.Errorf("catalog: move category: %w", err)
	}
	return nil
}

func sameCategory(a, b *uuid.UUID) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

// swapped returns ids with id exchanged with the one before (up) or after it.
func swapped(ids []uuid.UUID, id uuid.UUID, up bool) []uuid.UUID {
	i := slices.Index(ids, id)
	j := i + 1
	if up {
		j = i - 1
	}
	if i < 0 || j < 0 || j >= len(ids) {
		return ids
	}
	ids[i], ids[j] = ids[j], ids[i]
	return ids
}

func renumber(ids []uuid.UUID, set func(uuid.UUID, int32) error) error {
	for i, id := range ids {
		if err := set(id, int32(i+1)); err != nil {
			return err
		}
	}
	return nil
}
