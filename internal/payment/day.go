package payment

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Taken is what clients paid ahead online for a day's visits.
type Taken struct {
	Cents    int64
	Payments int
}

// DepositsOnDay sums the deposits and prepayments paid for the visits of
// [from, to) that still take place.
func (p *Payments) DepositsOnDay(ctx context.Context, salonID uuid.UUID, from, to time.Time) (Taken, error) {
	var out Taken
	err := p.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		r, err := tx.PaymentDepositsOnDay(ctx, dbq.PaymentDepositsOnDayParams{TenantID: salonID, RangeFrom: from, RangeTo: to})
		out = Taken{Cents: r.Cents, Payments: int(r.Payments)}
		return err
	})
	if err != nil {
		return Taken{}, fmt.Errorf("payment: deposits on day: %w", err)
	}
	return out, nil
}
