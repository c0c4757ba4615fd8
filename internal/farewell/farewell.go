package farewell

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/till"
)

// Farewell reads the areas a farewell is made of.
type Farewell struct {
	Till      *till.Till
	Customers *customer.Customers
	Agenda    *agenda.Agenda
	Booking   *booking.Booking
	Catalog   *catalog.Catalog
	Team      *team.Team
	Clock     clock.Clock
}

// searchDays is how many days from the target day the free times are read.
const searchDays = 21

// Page is the farewell of a closed sale.
type Page struct {
	Ticket   till.Ticket
	Client   *customer.Record    // nil: a walk-in nobody named
	Next     *agenda.ClientVisit // the client's next visit, already booked
	Proposal *Proposal           // nil: a walk-in, no service sold, or a next visit booked
}

// Proposal is the next visit offered in one tap.
type Proposal struct {
	ServiceIDs []uuid.UUID
	Services   string
	StaffID    uuid.UUID // uuid.Nil: nobody in particular did the services
	StaffName  string
	Interval   Interval
	Target     time.Time // the day the interval leads to, local midnight
	Found      bool      // a free time was found from Target on
	Slot       Slot      // the proposal
	Others     []Slot    // a few other free times nearby
}

// sale is what a farewell reads about a closed sale and its client.
type sale struct {
	ticket   till.Ticket
	visits   []agenda.ClientVisit // the client's, newest first
	base     time.Time            // when this visit took place, in the salon's zone
	services []uuid.UUID          // the services sold, in the ticket's order
}

// ErrNotClosed refuses a farewell before the sale is closed.
var ErrNotClosed = apperr.New(apperr.Conflict, "farewell.not_closed")

// Page reads the farewell of a closed sale.
func (f *Farewell) Page(ctx context.Context, sal salon.Salon, ticketID uuid.UUID) (Page, error) {
	s, err := f.sale(ctx, sal, ticketID)
	if err != nil {
		return Page{}, err
	}
	p := Page{Ticket: s.ticket}
	if s.ticket.CustomerID == uuid.Nil {
		return p, nil
	}
	rec, err := f.Customers.Get(ctx, sal.ID, s.ticket.CustomerID)
	if err != nil {
		return Page{}, fmt.Errorf("farewell: %w", err)
	}
	if rec.Erased {
		return p, nil
	}
	p.Client = &rec
	if p.Next = s.next(f.Clock.Now()); p.Next != nil || len(s.services) == 0 {
		return p, nil
	}
	if p.Proposal, err = f.propose(ctx, sal, s); err != nil {
		return Page{}, err
	}
	return p, nil
}

// sale reads a closed sale and, when it names a client, their visits.
func (f *Farewell) sale(ctx context.Context, sal salon.Salon, ticketID uuid.UUID) (sale, error) {
	tk, err := f.Till.Ticket(ctx, sal.ID, ticketID)
	if err != nil {
		return sale{}, fmt.Errorf("farewell: %w", err)
	}
	if !tk.Closed() || tk.Kind != till.KindSale {
		return sale{}, ErrNotClosed
	}
	s := sale{ticket: tk, base: tk.ClosedAt.In(sal.Location())}
	for _, l := range tk.Lines {
		if l.Kind == till.LineService && l.ServiceID != uuid.Nil && !slices.Contains(s.services, l.ServiceID) {
			s.services = append(s.services, l.ServiceID)
		}
	}
	if tk.CustomerID == uuid.Nil {
		return s, nil
	}
	if s.visits, err = f.Agenda.ClientVisits(ctx, sal, tk.CustomerID); err != nil {
		return sale{}, fmt.Errorf("farewell: %w", err)
	}
	for _, v := range s.visits {
		if v.ID == tk.AppointmentID {
			s.base = v.Start // the visit's own time, not the time it was paid
		}
	}
	return s, nil
}

// next is the client's soonest visit still to come, other than the one
// being paid for.
func (s sale) next(now time.Time) *agenda.ClientVisit {
	var out *agenda.ClientVisit
	for i, v := range s.visits { // newest first: the last one found is the soonest
		if v.Start.After(now) && v.ID != s.ticket.AppointmentID {
			out = &s.visits[i]
		}
	}
	return out
}

// staff is who did the services: the ticket's service lines, else the
// visit paid for, else the client's latest visit of the first service;
// uuid.Nil when nobody is named anywhere.
func (s sale) staff() (uuid.UUID, string) {
	for _, l := range s.ticket.Lines {
		if l.Kind == till.LineService && l.StaffID != uuid.Nil {
			return l.StaffID, l.StaffName
		}
	}
	for _, v := range s.visits {
		if v.ID == s.ticket.AppointmentID || slices.Contains(v.ServiceIDs, s.services[0]) {
			return v.StaffID, v.StaffName
		}
	}
	return uuid.Nil, ""
}

// interval is the client's usual interval, from the visits that took place
// (this one included: a walk-in ticket has no visit in the agenda).
func (s sale) interval(now time.Time) Interval {
	service, all := []time.Time{s.base}, []time.Time{s.base}
	for _, v := range s.visits {
		if v.Start.After(now) && v.ID != s.ticket.AppointmentID {
			continue
		}
		all = append(all, v.Start)
		if slices.Contains(v.ServiceIDs, s.services[0]) {
			service = append(service, v.Start)
		}
	}
	return usualInterval(service, all)
}
