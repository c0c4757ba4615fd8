package catalog

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// MoveStockTx changes a product's stock by delta (negative: sold) inside the
// caller's unit of work, so a ticket's closing and its stock commit together.
func MoveStockTx(ctx context.Context, tx store.Tx, salonID, productID uuid.UUID, delta int32) error {
	n, err := tx.ProductStockMove(ctx, dbq.ProductStockMoveParams{TenantID: salonID, ID: productID, Delta: delta})
	if err == nil && n == 0 {
		err = apperr.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("catalog: move stock: %w", err)
	}
	return nil
}
