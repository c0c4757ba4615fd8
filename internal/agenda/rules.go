package agenda

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/team"
)

// The public page only offers the free times the availability engine found;
// the agenda lets staff type any time, so a visit typed in is held to the
// same salon time here, each problem with its own message beside the field:
//
//   - the date is within a year before today and a year past the booking
//     horizon (a typo such as 2062 or 1926 never reaches the agenda);
//   - the salon is not closed and the staff member not absent then — no
//     override: remove the closure or the absence first;
//   - the visit lies within the staff member's working hours and the salon's
//     opening hours, unless the form confirms "outside the hours";
//   - the visit has not started yet, unless the form confirms it is a past
//     visit typed in after the fact.

// saneYears bounds the dates the agenda accepts around today and the horizon.
const saneYears = 1

// timeRules is the salon's time, loaded for one staff member from one day on.
type timeRules struct {
	loc         *time.Location
	now         time.Time
	horizonDays int
	salonHours  availability.Week
	staffHours  availability.Week
	closures    []availability.Interval
	absences    []availability.Interval
}

func loadTimeRules(ctx context.Context, tx store.Tx, sal salon.Salon, staffID uuid.UUID, from, now time.Time) (timeRules, error) {
	r := timeRules{loc: sal.Location(), now: now}
	set, err := tx.SalonSettingsGet(ctx, sal.ID)
	if err != nil {
		return r, err
	}
	r.horizonDays = int(set.MaxHorizonDays)
	hours, err := tx.OpeningHoursList(ctx, sal.ID)
	if err != nil {
		return r, err
	}
	for _, h := range hours {
		r.salonHours[h.Weekday] = append(r.salonHours[h.Weekday], availability.Range{From: salon.MinutesOf(h.Opens), To: salon.MinutesOf(h.Closes)})
	}
	members, err := team.MembersTx(ctx, tx, sal.ID)
	if err != nil {
		return r, err
	}
	for _, m := range members {
		if m.ID == staffID {
			r.staffHours = m.Week(r.salonHours)
		}
	}
	local := from.In(r.loc)
	since := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)
	closures, err := tx.ClosureList(ctx, dbq.ClosureListParams{TenantID: sal.ID, Since: since})
	if err != nil {
		return r, err
	}
	for _, c := range closures {
		r.closures = append(r.closures, salon.Days(c.StartsOn, c.EndsOn, r.loc))
	}
	absences, err := team.AbsencesTx(ctx, tx, sal.ID, since)
	if err != nil {
		return r, err
	}
	for _, a := range absences {
		if a.StaffID == staffID {
			r.absences = append(r.absences, salon.Days(a.StartsOn, a.EndsOn, r.loc))
		}
	}
	return r, nil
}

// check returns what is wrong with a visit of staffID over [start, busy),
// keyed by Input's fields, given what the input confirms.
func (r timeRules) check(staffID uuid.UUID, start, busy time.Time, lines []Line, in Input) apperr.Fields {
	f := apperr.Fields{}
	now := r.now.In(r.loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, r.loc)
	if start.Before(today.AddDate(-saneYears, 0, 0)) {
		f.Add(FieldDay, "agenda.date_too_old")
		return f
	}
	if !start.Before(today.AddDate(saneYears, 0, r.horizonDays+1)) {
		f.Add(FieldDay, "agenda.date_too_far")
		return f
	}
	visit := availability.Interval{Start: start, End: busy}
	if overlapsAny(visit, r.closures) {
		f.Add(FieldDay, "agenda.salon_closed")
		return f
	}
	if overlapsAny(visit, r.absences) {
		f.Add(FieldStaff, "agenda.staff_absent")
		return f
	}
	if start.Before(r.now) && !in.Past {
		f.Add(FieldDay, "agenda.past")
	}
	if !in.OutsideHours && !r.withinHours(staffID, start, lines) {
		f.Add(FieldTime, "agenda.outside_hours")
	}
	return f
}

// withinHours asks the availability engine, which decides free times for the
// public page, whether the visit fits the salon's and the staff member's
// hours: the same rule, on a one-minute grid so any typed time is a point.
func (r timeRules) withinHours(staffID uuid.UUID, start time.Time, lines []Line) bool {
	services := make([]availability.Service, len(lines))
	does := make(map[uuid.UUID]bool, len(lines))
	for i, l := range lines {
		services[i] = availability.Service{ID: l.ServiceID, Duration: l.Duration, BufferAfter: l.Buffer}
		does[l.ServiceID] = true
	}
	s := availability.Salon{Location: r.loc, Hours: r.salonHours, Step: time.Minute}
	st := []availability.Staff{{ID: staffID, Hours: r.staffHours, Services: does}}
	q := availability.Query{Services: services, StaffID: staffID, From: start, To: start.Add(time.Minute), Now: start}
	return len(availability.Find(s, st, q)) == 1
}

func overlapsAny(v availability.Interval, spans []availability.Interval) bool {
	for _, s := range spans {
		if v.Start.Before(s.End) && s.Start.Before(v.End) {
			return true
		}
	}
	return false
}
