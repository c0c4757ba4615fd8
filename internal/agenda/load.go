package agenda

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/team"
)

// rangeData is everything a view needs, loaded in one unit of work.
type rangeData struct {
	staff        []team.Member
	hours        availability.Week
	closures     []dbq.Closure
	absences     []team.Absence
	appointments []dbq.AppointmentListRangeRow
}

func loadRange(ctx context.Context, tx store.Tx, salonID uuid.UUID, from, to time.Time, staffID uuid.UUID) (rangeData, error) {
	var d rangeData
	var err error
	if d.staff, err = team.MembersTx(ctx, tx, salonID); err != nil {
		return d, err
	}
	hours, err := tx.OpeningHoursList(ctx, salonID)
	if err != nil {
		return d, err
	}
	for _, h := range hours {
		d.hours[h.Weekday] = append(d.hours[h.Weekday], availability.Range{From: salon.MinutesOf(h.Opens), To: salon.MinutesOf(h.Closes)})
	}
	since := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	if d.closures, err = tx.ClosureList(ctx, dbq.ClosureListParams{TenantID: salonID, Since: since}); err != nil {
		return d, err
	}
	if d.absences, err = team.AbsencesTx(ctx, tx, salonID, since); err != nil {
		return d, err
	}
	var only *uuid.UUID
	if staffID != uuid.Nil {
		only = &staffID
	}
	d.appointments, err = tx.AppointmentListRange(ctx, dbq.AppointmentListRangeParams{TenantID: salonID, RangeFrom: from, RangeTo: to, StaffID: only})
	return d, err
}

func (d rangeData) active() []team.Member {
	var out []team.Member
	for _, m := range d.staff {
		if m.Active {
			out = append(out, m)
		}
	}
	return out
}

// columns lays the data out: one column per active staff member for a day,
// one per day for a staff member's week. Cancelled visits stay visible (struck
// through) so nobody wonders where they went.
func (d rangeData) columns(sal salon.Salon, from, to time.Time, staffID uuid.UUID) []Column {
	loc := sal.Location()
	var cols []Column
	for day := from; day.Before(to); day = time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, loc) {
		for _, m := range d.active() {
			if staffID != uuid.Nil && m.ID != staffID {
				continue
			}
			cols = append(cols, d.column(loc, day, m))
		}
	}
	return cols
}

func (d rangeData) column(loc *time.Location, day time.Time, m team.Member) Column {
	c := Column{Staff: m, Day: day}
	c.Away = d.awayReason(day, m.ID)
	if c.Away == "" {
		c.Open = intersect(d.hours[day.Weekday()], m.Week(d.hours)[day.Weekday()])
	}
	next := time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, loc)
	for _, r := range d.appointments {
		if r.StaffID != m.ID || !r.StartsAt.Before(next) || !r.BusyUntil.After(day) {
			continue
		}
		c.Appointments = append(c.Appointments, Appointment{ID: r.ID, StaffID: r.StaffID, StaffName: m.Name, StaffColor: m.Color,
			Customer: customer.Customer{FirstName: r.FirstName, LastName: r.LastName, Phone: r.Phone},
			Start:    r.StartsAt.In(loc), End: r.EndsAt.In(loc), BusyUntil: r.BusyUntil.In(loc),
			Status: r.Status, Source: r.Source, Note: r.Note, Services: r.Services, Balance: r.BalanceCents, total: r.PriceCents})
	}
	return c
}

func (d rangeData) awayReason(day time.Time, staffID uuid.UUID) string {
	date := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	for _, cl := range d.closures {
		if !date.Before(cl.StartsOn) && !date.After(cl.EndsOn) {
			return orDefault(cl.Reason, "agenda.closed")
		}
	}
	for _, a := range d.absences {
		if a.StaffID == staffID && !date.Before(a.StartsOn) && !date.After(a.EndsOn) {
			return orDefault(a.Reason, "agenda.absent")
		}
	}
	return ""
}

func orDefault(s, key string) string {
	if s == "" {
		return "@" + key // an i18n key, marked so the view translates it
	}
	return s
}

// intersect returns the minutes both week-day range lists cover.
func intersect(salonDay, staffDay []availability.Range) []availability.Range {
	var out []availability.Range
	for _, a := range salonDay {
		for _, b := range staffDay {
			lo, hi := max(a.From, b.From), min(a.To, b.To)
			if lo < hi {
				out = append(out, availability.Range{From: lo, To: hi})
			}
		}
	}
	return out
}
