package farewell

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/salon"
)

// propose finds the next visit to offer, or nil when a service sold is no
// longer on the menu (it cannot be booked again).
func (f *Farewell) propose(ctx context.Context, sal salon.Salon, s sale) (*Proposal, error) {
	off, names, ok, err := f.offered(ctx, sal.ID, s.services)
	if err != nil || !ok {
		return nil, err
	}
	now := f.Clock.Now().In(sal.Location())
	p := &Proposal{ServiceIDs: s.services, Services: names, Interval: s.interval(now)}
	p.StaffID, p.StaffName = s.staff()
	p.Target = target(s.base, p.Interval.Days, now)
	days, err := f.Booking.Days(ctx, sal, off, p.StaffID, p.Target, searchDays)
	if err != nil {
		return nil, fmt.Errorf("farewell: free times: %w", err)
	}
	p.Slot, p.Others, p.Found = pick(days, s.base.Hour()*60+s.base.Minute(), p.StaffID)
	if p.StaffID == uuid.Nil && p.Found {
		err = f.nameStaff(ctx, sal.ID, p)
	}
	return p, err
}

// offered is the visit's services as one block of time for the free-time
// engine: the services back to back, the last one's clean-up after them
// (the agenda books them the same way), under the first service's id. The
// names read "Coupe + Couleur". ok is false when a service is archived or gone.
func (f *Farewell) offered(ctx context.Context, salonID uuid.UUID, ids []uuid.UUID) (booking.Offered, string, bool, error) {
	all, err := f.Catalog.Services(ctx, salonID)
	if err != nil {
		return booking.Offered{}, "", false, fmt.Errorf("farewell: %w", err)
	}
	byID := map[uuid.UUID]catalog.Service{}
	for _, s := range all {
		byID[s.ID] = s
	}
	block := catalog.Service{ID: ids[0]}
	names := make([]string, 0, len(ids))
	for i, id := range ids {
		s, ok := byID[id]
		if !ok || s.Archived {
			return booking.Offered{}, "", false, nil
		}
		names = append(names, s.Name)
		block.Duration += s.Duration
		if i < len(ids)-1 {
			block.Duration += s.Buffer
		} else {
			block.Buffer = s.Buffer
		}
	}
	return booking.Offered{Service: block}, strings.Join(names, " + "), true, nil
}

// target is the day the interval leads to from the visit's day, and never
// before tomorrow.
func target(base time.Time, days int, now time.Time) time.Time {
	loc := now.Location()
	b := base.In(loc)
	t := time.Date(b.Year(), b.Month(), b.Day()+days, 0, 0, 0, 0, loc)
	if tomorrow := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, loc); t.Before(tomorrow) {
		return tomorrow
	}
	return t
}

// nameStaff names who the engine found free, when no one did the services.
func (f *Farewell) nameStaff(ctx context.Context, salonID uuid.UUID, p *Proposal) error {
	members, err := f.Team.Members(ctx, salonID)
	if err != nil {
		return fmt.Errorf("farewell: %w", err)
	}
	names := map[uuid.UUID]string{}
	for _, m := range members {
		names[m.ID] = m.Name
	}
	p.Slot.StaffName = names[p.Slot.StaffID]
	for i := range p.Others {
		p.Others[i].StaffName = names[p.Others[i].StaffID]
	}
	return nil
}
