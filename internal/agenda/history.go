package agenda

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// ClientVisit is one of a client's visits with the ids of its services, for
// what is read across visits (how often a client comes back for a service).
type ClientVisit struct {
	ID         uuid.UUID
	StaffID    uuid.UUID
	StaffName  string
	Start      time.Time // in the salon's zone
	Status     string
	ServiceIDs []uuid.UUID
	Services   string // "Coupe + Couleur"
}

// ClientVisits returns a client's visits that took place or are to come
// (not cancelled, missed or still being paid online), newest first: the
// latest 200.
func (a *Agenda) ClientVisits(ctx context.Context, sal salon.Salon, customerID uuid.UUID) ([]ClientVisit, error) {
	var out []ClientVisit
	err := a.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		rows, err := tx.AppointmentsOfCustomer(ctx, dbq.AppointmentsOfCustomerParams{TenantID: sal.ID, CustomerID: customerID})
		for _, r := range rows {
			out = append(out, ClientVisit{ID: r.ID, StaffID: r.StaffID, StaffName: r.StaffName, Start: r.StartsAt.In(sal.Location()),
				Status: r.Status, ServiceIDs: r.ServiceIds, Services: r.Services})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("agenda: client visits: %w", err)
	}
	return out, nil
}
