package customer

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Visit is one of a client's appointments, with what was booked and paid.
type Visit struct {
	AppointmentID uuid.UUID
	Start, End    time.Time
	Status        string
	Online        bool
	Staff         string
	Services      string
	PriceCents    int64
	PaidCents     int64 // paid online, net of refunds
}

// History is a client's visits split at now, and what they come for most.
type History struct {
	Upcoming    []Visit // soonest first
	Past        []Visit // newest first
	TopServices []Top
}

// Top is a service and how often the client had it.
type Top struct {
	Name  string
	Times int64
}

// Visits returns a client's history in the salon's zone.
func (c *Customers) Visits(ctx context.Context, salonID, customerID uuid.UUID, loc *time.Location, now time.Time) (History, error) {
	var h History
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.CustomerVisits(ctx, dbq.CustomerVisitsParams{TenantID: salonID, CustomerID: customerID})
		if err != nil {
			return err
		}
		for _, r := range rows {
			v := Visit{AppointmentID: r.ID, Start: r.StartsAt.In(loc), End: r.EndsAt.In(loc), Status: r.Status, Online: r.Source == "online",
				Staff: r.StaffName, Services: r.Services, PriceCents: r.PriceCents, PaidCents: r.PaidCents}
			if v.Start.After(now) {
				h.Upcoming = append([]Visit{v}, h.Upcoming...)
			} else {
				h.Past = append(h.Past, v)
			}
		}
		tops, err := tx.CustomerTopServices(ctx, dbq.CustomerTopServicesParams{TenantID: salonID, CustomerID: customerID})
		for _, t := range tops {
			h.TopServices = append(h.TopServices, Top{Name: t.Name, Times: t.Times})
		}
		return err
	})
	if err != nil {
		return History{}, fmt.Errorf("customer: visits: %w", err)
	}
	return h, nil
}
