package booking

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/team"
)

// Why a service cannot be booked on the public page; Bookable when it can.
const (
	Bookable       = ""
	NotOnline      = "off"      // the salon unticked "bookable online"
	NobodyDoesIt   = "nobody"   // no active team member performs it
	NoWorkingHours = "no_hours" // those who perform it never work long enough while the salon is open
	PaymentPending = "by_phone" // it needs a payment the salon cannot take yet: clients are sent to the phone
)

// Readiness says, for each service on the menu, whether a client could book
// it online now, and if not, why: the same reads and rules as the public
// page, so "bookable online" in the back office is never a promise the
// public page breaks.
func (b *Booking) Readiness(ctx context.Context, sal salon.Salon) (map[uuid.UUID]string, error) {
	var r offerReads
	batch := &store.Batch{}
	r.queue(ctx, batch, sal.ID)
	if err := b.DB.WithTenantBatch(ctx, sal.ID, batch, nil); err != nil {
		return nil, fmt.Errorf("booking: readiness: %w", err)
	}
	pol := r.policy.policy(b.Stripe != nil)
	return readiness(r.services, r.members.Members(), weekOf(r.hours), pol), nil
}

func readiness(services []catalog.Service, members []team.Member, hours availability.Week, pol Policy) map[uuid.UUID]string {
	out := make(map[uuid.UUID]string, len(services))
	for _, s := range services {
		out[s.ID] = serviceReadiness(s, members, hours, pol)
	}
	return out
}

func serviceReadiness(s catalog.Service, members []team.Member, hours availability.Week, pol Policy) string {
	if !s.OnlineBookable {
		return NotOnline
	}
	why := NobodyDoesIt
	for _, m := range members {
		if !m.Active || !m.Services[s.ID] {
			continue
		}
		if availability.Working(hours, m.Hours).Longest() < s.Duration {
			why = NoWorkingHours
			continue
		}
		why = Bookable
		break
	}
	if why != Bookable {
		return why
	}
	if _, ok := pol.Effective(payment.Resolve("", "", s.Rule, pol.Settings.DefaultRule)); !ok {
		return PaymentPending
	}
	return Bookable
}

// AnyBookable reports whether at least one service can be booked online.
func AnyBookable(r map[uuid.UUID]string) bool {
	for _, why := range r {
		if why == Bookable {
			return true
		}
	}
	return false
}
