package agenda

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/team"
)

// Get returns one appointment with its services.
func (a *Agenda) Get(ctx context.Context, sal salon.Salon, id uuid.UUID) (Appointment, error) {
	var out Appointment
	err := a.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		r, err := tx.AppointmentGet(ctx, dbq.AppointmentGetParams{TenantID: sal.ID, ID: id})
		if err != nil {
			return err
		}
		loc := sal.Location()
		out = Appointment{ID: r.ID, StaffID: r.StaffID, StaffName: r.StaffName, StaffColor: int(r.StaffColor),
			Customer: customer.Customer{ID: r.CustomerID, FirstName: r.FirstName, LastName: r.LastName, Phone: r.Phone, Email: r.Email},
			Start:    r.StartsAt.In(loc), End: r.EndsAt.In(loc), BusyUntil: r.BusyUntil.In(loc), Status: r.Status, Source: r.Source, Note: r.Note,
			Balance: r.BalanceCents}
		lines, err := tx.AppointmentServicesOf(ctx, dbq.AppointmentServicesOfParams{TenantID: sal.ID, AppointmentID: id})
		for _, l := range lines {
			out.Lines = append(out.Lines, Line{ServiceID: l.ServiceID, Name: l.Name, Duration: time.Duration(l.DurationMinutes) * time.Minute,
				Buffer: time.Duration(l.BufferMinutes) * time.Minute, PriceCents: l.PriceCents, DiscountBP: l.DiscountBp})
			if out.Services != "" {
				out.Services += " + "
			}
			out.Services += l.Name
		}
		return err
	})
	if err != nil {
		return Appointment{}, fmt.Errorf("agenda: get: %w", err)
	}
	return out, nil
}

// Column is one lane of a view: a staff member (day view) or a day (week view).
type Column struct {
	Staff        team.Member
	Day          time.Time            // local midnight of the lane's day
	Open         []availability.Range // when the lane is bookable (salon ∩ staff hours), minutes from midnight
	Away         string               // why the lane is off that day (absence or closure reason), "" if not
	Appointments []Appointment
}

// View is a day (one column per staff member), a staff member's week (one
// column per day) or the team's week (one column per staff member and day).
type View struct {
	From, To time.Time // local midnights
	Columns  []Column
	Staff    []team.Member // active staff, for pickers
}

// Day returns the day view of a date (local midnight of date in the salon's zone).
func (a *Agenda) Day(ctx context.Context, sal salon.Salon, date time.Time) (View, error) {
	loc := sal.Location()
	from := time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, loc)
	to := from.AddDate(0, 0, 1)
	return a.view(ctx, sal, from, to, uuid.Nil)
}

// Week returns the week (Monday to Sunday) containing date: one staff
// member's, or the whole team's (a lane per staff member each day) when
// staffID is Nil.
func (a *Agenda) Week(ctx context.Context, sal salon.Salon, staffID uuid.UUID, date time.Time) (View, error) {
	loc := sal.Location()
	day := time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, loc)
	from := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	return a.view(ctx, sal, from, from.AddDate(0, 0, 7), staffID)
}

func (a *Agenda) view(ctx context.Context, sal salon.Salon, from, to time.Time, staffID uuid.UUID) (View, error) {
	v := View{From: from, To: to}
	err := a.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		d, err := loadRange(ctx, tx, sal.ID, from, to, staffID)
		if err != nil {
			return err
		}
		v.Staff = d.active()
		v.Columns = d.columns(sal, from, to, staffID)
		return nil
	})
	if err != nil {
		return View{}, fmt.Errorf("agenda: view: %w", err)
	}
	return v, nil
}
