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
	start, end := span(sal.Location(), from, n)
	slots, err := b.find(ctx, sal, off, staffID, start, end, uuid.Nil)
	if err != nil {
		return nil, err
	}
	return byDay(slots, start, n), nil
}

// Times is what the free times of a span of days need, read with the offer
// by OfferTimes.
type Times struct {
	world      world
	start, end time.Time
	n          int
	now        time.Time
}

// OfferTimes is Offer together with what the free times of n days from the
// day of from need, in a single round trip: a service page shows both, and
// reading them apart would read the policy, hours and staff twice.
func (b *Booking) OfferTimes(ctx context.Context, sal salon.Salon, from time.Time, n int) (Offer, Times, error) {
	t := Times{n: n}
	t.start, t.end = span(sal.Location(), from, n)
	var more timesReads
	r, err := b.readOffer(ctx, sal.ID, func(batch *store.Batch) { more.queue(ctx, batch, sal.ID, t.start, t.end) })
	if err != nil {
		return Offer{}, Times{}, fmt.Errorf("booking: offer and free times: %w", err)
	}
	members := r.members.Members()
	o := r.offer(sal, b.Stripe != nil, members)
	t.world = more.world(sal, o.Policy.Settings, weekOf(r.hours), members, uuid.Nil)
	t.now = b.Clock.Now()
	return o, t, nil
}

// Days is Booking.Days on what OfferTimes read.
func (t Times) Days(off Offered, staffID uuid.UUID) []Day {
	return byDay(freeTimes(t.world, off, staffID, t.start, t.end, t.now), t.start, t.n)
}

// span is n days from the day of from, from local midnight to local midnight.
func span(loc *time.Location, from time.Time, n int) (start, end time.Time) {
	start = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc)
	end = time.Date(start.Year(), start.Month(), start.Day()+n, 0, 0, 0, 0, loc)
	return start, end
}

// byDay sorts slots into the n days from start.
func byDay(slots []availability.Slot, start time.Time, n int) []Day {
	loc := start.Location()
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
	return out
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

// findTx reads the policy and the world in one round trip, then computes.
func findTx(ctx context.Context, tx store.Tx, sal salon.Salon, off Offered, staffID uuid.UUID, from, to time.Time, except uuid.UUID, now time.Time, stripeOn bool) ([]availability.Slot, error) {
	var pol policyReads
	var r worldReads
	b := &store.Batch{}
	pol.queue(ctx, b, sal.ID)
	r.queue(ctx, b, sal.ID, from, to)
	if err := tx.Send(ctx, b); err != nil {
		return nil, err
	}
	w := r.world(sal, pol.policy(stripeOn).Settings, r.members.Members(), except)
	return freeTimes(w, off, staffID, from, to, now), nil
}

func freeTimes(w world, off Offered, staffID uuid.UUID, from, to, now time.Time) []availability.Slot {
	q := availability.Query{Services: []availability.Service{{ID: off.ID, Duration: off.Duration, BufferAfter: off.Buffer}},
		StaffID: staffID, From: from, To: to, Now: now}
	return availability.Find(w.salon, w.staff, q)
}
