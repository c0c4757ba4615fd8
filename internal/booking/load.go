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
	names map[uuid.UUID]string
}

// loadWorld reads hours, closures, staff, absences and busy times for
// [from, to). except is an appointment whose own time does not count as busy
// (a visit being rescheduled may overlap where it was).
func loadWorld(ctx context.Context, tx store.Tx, sal salon.Salon, set salon.Settings, from, to time.Time, except uuid.UUID) (world, error) {
	loc := sal.Location()
	w := world{names: map[uuid.UUID]string{}, salon: availability.Salon{Location: loc, Step: set.SlotStep,
		MinNotice: set.MinNotice, MaxHorizon: time.Duration(set.MaxHorizonDays) * 24 * time.Hour}}
	hours, err := tx.OpeningHoursList(ctx, sal.ID)
	if err != nil {
		return w, err
	}
	for _, h := range hours {
		w.salon.Hours[h.Weekday] = append(w.salon.Hours[h.Weekday], availability.Range{From: salon.MinutesOf(h.Opens), To: salon.MinutesOf(h.Closes)})
	}
	since := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	closures, err := tx.ClosureList(ctx, dbq.ClosureListParams{TenantID: sal.ID, Since: since})
	if err != nil {
		return w, err
	}
	for _, c := range closures {
		w.salon.Closures = append(w.salon.Closures, days(c.StartsOn, c.EndsOn, loc))
	}
	members, err := team.MembersTx(ctx, tx, sal.ID)
	if err != nil {
		return w, err
	}
	absences, err := team.AbsencesTx(ctx, tx, sal.ID, since)
	if err != nil {
		return w, err
	}
	busy, err := tx.AppointmentBusy(ctx, dbq.AppointmentBusyParams{TenantID: sal.ID, RangeFrom: from, RangeTo: to})
	if err != nil {
		return w, err
	}
	for _, m := range members {
		if !m.Active {
			continue
		}
		st := availability.Staff{ID: m.ID, Hours: m.Hours, Services: m.Services}
		if len(m.Hours[0])+len(m.Hours[1])+len(m.Hours[2])+len(m.Hours[3])+len(m.Hours[4])+len(m.Hours[5])+len(m.Hours[6]) == 0 {
			st.Hours = w.salon.Hours // no hours of their own: the salon's
		}
		for _, a := range absences {
			if a.StaffID == m.ID {
				st.Absences = append(st.Absences, days(a.StartsOn, a.EndsOn, loc))
			}
		}
		for _, b := range busy {
			if b.StaffID == m.ID && b.ID != except {
				st.Busy = append(st.Busy, availability.Interval{Start: b.StartsAt, End: b.BusyUntil})
			}
		}
		w.staff = append(w.staff, st)
		w.names[m.ID] = m.Name
	}
	return w, nil
}

// days turns an inclusive span of dates into the salon's local instants.
func days(from, to time.Time, loc *time.Location) availability.Interval {
	return availability.Interval{Start: time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc),
		End: time.Date(to.Year(), to.Month(), to.Day()+1, 0, 0, 0, 0, loc)}
}
