package customer

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Owing is a client of the day whose account is in debt.
type Owing struct {
	Customer
	BalanceCents int64     // negative
	Arrives      time.Time // their first visit of the day
}

// OwingOnDay lists the clients with a visit in [from, to) who owe the salon
// money, in the order they come: the reception sees whom to ask at checkout.
func (c *Customers) OwingOnDay(ctx context.Context, salonID uuid.UUID, from, to time.Time) ([]Owing, error) {
	var out []Owing
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.CustomerOwingOnDay(ctx, dbq.CustomerOwingOnDayParams{TenantID: salonID, RangeFrom: from, RangeTo: to})
		for _, r := range rows {
			out = append(out, Owing{Customer: Customer{ID: r.ID, FirstName: r.FirstName, LastName: r.LastName},
				BalanceCents: r.BalanceCents, Arrives: r.FirstStart})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("customer: owing on day: %w", err)
	}
	return out, nil
}
