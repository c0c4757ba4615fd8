package booking

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
)

// Day is one day of free times.
type Day struct {
	Date  time.Time // local midnight
	Slots []availability.Slot
}

// Request names what the client wants: a service, and a staff member or
// anyone (uuid.Nil).
type Request struct {
	ServiceID uuid.UUID
	StaffID   uuid.UUID
}

// Days returns n days of free start times from the day of from, in the
// salon's zone. Pending (being paid) bookings block their slots like
// confirmed ones.
func (b *Booking) Days(ctx context.Context, sal salon.Salon, off Offered, staffID uuid.UUID, from time.Time, n int) ([]Day, error) {
	loc := sal.Location()
	start := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc)
	end := time.Date(start.Year(), start.Month(), start.Day()+n, 0, 0, 0, 0, loc)
	slots, err := b.find(ctx, sal, off, staffID, start, end, uuid.Nil)
	if err != nil {
		return nil, err
	}
	out := make([]Day, n)
	for i := range out {
		out[i].Date = time.Date(start.Year(), start.Month(), start.Day()+i, 0, 0, 0, 0, loc)
	}
	for _, s := range slots {
		d := s.Start.In(loc)
		i := int(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).Sub(time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
		if i >= 0 && i < n {
			out[i].Slots = append(out[i].Slots, s)
		}
	}
	return out, nil
}

func (b *Booking) find(ctx context.Context, sal salon.Salon, off Offered, staffID uuid.UUID, from, to time.Time, except uuid.UUID) ([]availability.Slot, error) {
	var slots []availability.Slot
	err := b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		var err error
		slots, err = findTx(ctx, tx, sal, off, staffID, from, to, except, b.Clock.Now(), b.Stripe != nil)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("booking: free times: %w", err)
	}
	return slots, nil
}

func findTx(ctx context.Context, tx store.Tx, sal salon.Salon, off Offered, staffID uuid.UUID, from, to time.Time, except uuid.UUID, now time.Time, stripeOn bool) ([]availability.Slot, error) {
	pol, err := policyTx(ctx, tx, sal.ID, stripeOn)
	if err != nil {
		return nil, err
	}
	w, err := loadWorld(ctx, tx, sal, pol.Settings, from, to, except)
	if err != nil {
		return nil, err
	}
	q := availability.Query{Services: []availability.Service{{ID: off.ID, Duration: off.Duration, BufferAfter: off.Buffer}},
		StaffID: staffID, From: from, To: to, Now: now}
	return availability.Find(w.salon, w.staff, q), nil
}
