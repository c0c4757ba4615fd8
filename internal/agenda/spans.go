package agenda

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/team"
)

// An absence or a closure may fall on visits already booked. They are shown
// to the salon before anything is saved; the salon then saves it and either
// cancels them all, each client being told, or moves them itself. Until a
// visit is moved, no reminder is sent for it (message.SendDueReminders).

// SpanChoice is what the salon decided, having seen the visits.
type SpanChoice struct {
	Seen   []uuid.UUID // the visits the salon was shown; nil on the first post
	Cancel bool        // cancel them all, telling each client; otherwise keep them to move
}

// ErrVisitsInSpan: nothing was saved, the visits must be shown first.
var ErrVisitsInSpan = apperr.New(apperr.Conflict, "span.visits")

// AddAbsence records a staff member's absence. When it falls on visits still
// to come that the salon has not been shown (or new ones since), nothing is
// saved: it returns them with ErrVisitsInSpan. Once saved, it returns the
// visits the salon chose to cancel.
func (a *Agenda) AddAbsence(ctx context.Context, sal salon.Salon, staffID uuid.UUID, in salon.DateSpanInput, ch SpanChoice) ([]Appointment, error) {
	err := in.Check()
	if err != nil {
		return nil, err
	}
	from, to, reason := in.Span()
	var out []Appointment
	err = a.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		if _, err := tx.StaffGet(ctx, dbq.StaffGetParams{TenantID: sal.ID, ID: staffID}); err != nil {
			return err
		}
		// Bookings on this agenda wait until the absence is saved or not.
		if err := lockStaff(ctx, tx, staffID); err != nil {
			return err
		}
		if out, err = a.visitsIn(ctx, tx, sal, from, to, staffID, ch); err != nil {
			return err
		}
		absences, err := team.AbsencesTx(ctx, tx, sal.ID, from)
		if err != nil {
			return err
		}
		for _, ab := range absences {
			if ab.StaffID == staffID && ab.StartsOn.Equal(from) && ab.EndsOn.Equal(to) {
				return nil // the same form sent twice: recorded once
			}
		}
		return team.AddAbsenceTx(ctx, tx, sal.ID, staffID, from, to, reason)
	})
	if err != nil {
		return out, fmt.Errorf("agenda: add absence: %w", err)
	}
	return out, nil
}

// AddClosure records a closure of the salon, as AddAbsence does for a staff member.
func (a *Agenda) AddClosure(ctx context.Context, sal salon.Salon, in salon.DateSpanInput, ch SpanChoice) ([]Appointment, error) {
	err := in.CheckClosure()
	if err != nil {
		return nil, err
	}
	from, to, reason := in.Span()
	var out []Appointment
	err = a.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		staff, err := tx.StaffList(ctx, sal.ID)
		if err != nil {
			return err
		}
		ids := make([]uuid.UUID, len(staff))
		for i, s := range staff {
			ids[i] = s.ID
		}
		if err := lockStaff(ctx, tx, ids...); err != nil {
			return err
		}
		if out, err = a.visitsIn(ctx, tx, sal, from, to, uuid.Nil, ch); err != nil {
			return err
		}
		closures, err := tx.ClosureList(ctx, dbq.ClosureListParams{TenantID: sal.ID, Since: from})
		if err != nil {
			return err
		}
		for _, cl := range closures {
			if cl.StartsOn.Equal(from) && cl.EndsOn.Equal(to) {
				return nil // the same form sent twice: recorded once
			}
		}
		return salon.AddClosureTx(ctx, tx, sal.ID, from, to, reason)
	})
	if err != nil {
		return out, fmt.Errorf("agenda: add closure: %w", err)
	}
	return out, nil
}

// visitsIn returns the visits still to come over the days [from, to] (one
// staff member's, or everyone's for uuid.Nil). If the salon has not seen
// exactly these, it returns them with ErrVisitsInSpan; if it chose to keep
// them, it returns none.
func (a *Agenda) visitsIn(ctx context.Context, tx store.Tx, sal salon.Salon, from, to time.Time, staffID uuid.UUID, ch SpanChoice) ([]Appointment, error) {
	loc := sal.Location()
	span := salon.Days(from, to, loc)
	var only *uuid.UUID
	if staffID != uuid.Nil {
		only = &staffID
	}
	rows, err := tx.AppointmentListRange(ctx, dbq.AppointmentListRangeParams{TenantID: sal.ID, RangeFrom: span.Start, RangeTo: span.End, StaffID: only})
	if err != nil {
		return nil, err
	}
	staff, err := team.MembersTx(ctx, tx, sal.ID)
	if err != nil {
		return nil, err
	}
	now := a.Clock.Now()
	var found []Appointment
	for _, r := range rows {
		if !r.StartsAt.After(now) || (r.Status != StatusPending && r.Status != StatusBooked && r.Status != StatusConfirmed) {
			continue
		}
		v := Appointment{ID: r.ID, StaffID: r.StaffID, Customer: customer.Customer{FirstName: r.FirstName, LastName: r.LastName, Phone: r.Phone},
			Start: r.StartsAt.In(loc), End: r.EndsAt.In(loc), BusyUntil: r.BusyUntil.In(loc), Status: r.Status, Source: r.Source, Services: r.Services}
		for _, m := range staff {
			if m.ID == r.StaffID {
				v.StaffName, v.StaffColor = m.Name, m.Color
			}
		}
		found = append(found, v)
	}
	if len(found) == 0 {
		return nil, nil
	}
	ids := make([]uuid.UUID, len(found))
	for i, v := range found {
		ids[i] = v.ID
	}
	seen := slices.Clone(ch.Seen)
	slices.SortFunc(ids, uuidCompare)
	slices.SortFunc(seen, uuidCompare)
	if !slices.Equal(ids, seen) {
		return found, ErrVisitsInSpan
	}
	if !ch.Cancel {
		return nil, nil
	}
	return found, nil
}

func uuidCompare(a, b uuid.UUID) int {
	return slices.Compare(a[:], b[:])
}
