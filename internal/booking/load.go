package booking

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/team"
)

// world is what the availability engine needs for a span of days, loaded in
// one unit of work.
type world struct {
	salon availability.Salon
	staff []availability.Staff
}

// worldReads is what a world is made of, as reads of a batch: hours,
// closures, staff, absences and busy times for [from, to).
type worldReads struct {
	hours   []dbq.OpeningHour
	members team.MemberReads
	times   timesReads
}

func (r *worldReads) queue(ctx context.Context, b *store.Batch, salonID uuid.UUID, from, to time.Time) {
	queueHours(ctx, b, salonID, &r.hours)
	r.members.Queue(ctx, b, salonID)
	r.times.queue(ctx, b, salonID, from, to)
}

// world is the world once the batch has been sent. except is an appointment
// whose own time does not count as busy (a visit being rescheduled may
// overlap where it was).
func (r *worldReads) world(sal salon.Salon, set salon.Settings, members []team.Member, except uuid.UUID) world {
	return r.times.world(sal, set, weekOf(r.hours), members, except)
}

// timesReads is what free times need beyond the salon's hours and staff,
// which the public page has read already: closures, absences and busy times.
type timesReads struct {
	closures []dbq.Closure
	absences []team.Absence
	busy     []dbq.AppointmentBusyRow
}

func (r *timesReads) queue(ctx context.Context, b *store.Batch, salonID uuid.UUID, from, to time.Time) {
	since := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	b.Queue(func(q *dbq.Queries) (err error) {
		r.closures, err = q.ClosureList(ctx, dbq.ClosureListParams{TenantID: salonID, Since: since})
		return err
	})
	team.QueueAbsences(ctx, b, salonID, since, &r.absences)
	b.Queue(func(q *dbq.Queries) (err error) {
		r.busy, err = q.AppointmentBusy(ctx, dbq.AppointmentBusyParams{TenantID: salonID, RangeFrom: from, RangeTo: to})
		return err
	})
}

func (r *timesReads) world(sal salon.Salon, set salon.Settings, hours availability.Week, members []team.Member, except uuid.UUID) world {
	loc := sal.Location()
	w := world{salon: availability.Salon{Location: loc, Step: set.SlotStep,
		MinNotice: set.MinNotice, MaxHorizon: time.Duration(set.MaxHorizonDays) * 24 * time.Hour, Hours: hours}}
	for _, c := range r.closures {
		w.salon.Closures = append(w.salon.Closures, salon.Days(c.StartsOn, c.EndsOn, loc))
	}
	for _, m := range members {
		if !m.Active {
			continue
		}
		st := availability.Staff{ID: m.ID, Hours: m.Week(w.salon.Hours), Services: m.Services}
		for _, a := range r.absences {
			if a.StaffID == m.ID {
				st.Absences = append(st.Absences, salon.Days(a.StartsOn, a.EndsOn, loc))
			}
		}
		for _, b := range r.busy {
			if b.StaffID == m.ID && b.ID != except {
				st.Busy = append(st.Busy, availability.Interval{Start: b.StartsAt, End: b.BusyUntil})
			}
		}
		w.staff = append(w.staff, st)
	}
	return w
}

func queueHours(ctx context.Context, b *store.Batch, salonID uuid.UUID, out *[]dbq.OpeningHour) {
	b.Queue(func(q *dbq.Queries) (err error) { *out, err = q.OpeningHoursList(ctx, salonID); return err })
}

// weekOf is the salon's opening hours as the availability engine takes them.
func weekOf(rows []dbq.OpeningHour) availability.Week {
	var w availability.Week
	for _, h := range rows {
		w[h.Weekday] = append(w[h.Weekday], availability.Range{From: salon.MinutesOf(h.Opens), To: salon.MinutesOf(h.Closes)})
	}
	return w
}
