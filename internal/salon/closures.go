package salon

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Closure is a span of days the whole salon is closed.
type Closure struct {
	ID       uuid.UUID
	StartsOn time.Time // a date
	EndsOn   time.Time // a date, inclusive
	Reason   string
}

// Closures lists closures that have not ended before the given day.
func (s *Service) Closures(ctx context.Context, salonID uuid.UUID, since time.Time) ([]Closure, error) {
	var out []Closure
	err := s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.ClosureList(ctx, dbq.ClosureListParams{TenantID: salonID, Since: since})
		for _, r := range rows {
			out = append(out, Closure{ID: r.ID, StartsOn: r.StartsOn, EndsOn: r.EndsOn, Reason: r.Reason})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("salon: closures: %w", err)
	}
	return out, nil
}

// Days turns an inclusive span of dates (closures, absences) into instants:
// from local midnight of the first day to local midnight after the last.
func Days(from, to time.Time, loc *time.Location) availability.Interval {
	return availability.Interval{Start: time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc),
		End: time.Date(to.Year(), to.Month(), to.Day()+1, 0, 0, 0, 0, loc)}
}

// DateSpanInput is a span of whole days with its reason (closures and
// absences). Field errors are keyed by these field names.
type DateSpanInput struct {
	From, To time.Time // dates (midnight UTC); a zero To is the From day alone
	Reason   string
	Today    time.Time // the salon's date today: a closure starts from it
}

// maxSpan is how long an absence or a closure may last.
const maxSpan = 366 * 24 * time.Hour

// Span returns the days of the span, first and last, and its reason trimmed.
func (in DateSpanInput) Span() (from, to time.Time, reason string) {
	from, to = in.From, in.To
	if to.IsZero() {
		to = from
	}
	return from, to, strings.TrimSpace(in.Reason)
}

// Check reports what is wrong with an absence's span: a day to start, the
// end not before the start, at most a year long.
func (in DateSpanInput) Check() error {
	return in.check().Err()
}

// CheckClosure is Check for a closure, which also starts today at the
// earliest: a salon does not close in the past.
func (in DateSpanInput) CheckClosure() error {
	f := in.check()
	if !in.From.IsZero() && in.From.Before(in.Today) {
		f.Add("From", "closure.past")
	}
	return f.Err()
}

func (in DateSpanInput) check() apperr.Fields {
	f := apperr.Fields{}
	from, to, reason := in.Span()
	switch {
	case from.IsZero():
		f.Add("From", "date.invalid")
	case to.Before(from):
		f.Add("To", "date.before_start")
	case to.Sub(from) > maxSpan:
		f.Add("To", "date.too_long")
	}
	if len([]rune(reason)) > 500 {
		f.Add("Reason", "reason.long")
	}
	return f
}

// AddClosureTx records a checked closure inside the caller's unit of work
// (the agenda's, which first looks at the visits it falls on).
func AddClosureTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, from, to time.Time, reason string) error {
	_, err := tx.ClosureCreate(ctx, dbq.ClosureCreateParams{TenantID: salonID, StartsOn: from, EndsOn: to, Reason: reason})
	return err
}

// DeleteClosure removes a closure of the salon.
func (s *Service) DeleteClosure(ctx context.Context, salonID, id uuid.UUID) error {
	err := s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		n, err := tx.ClosureDelete(ctx, dbq.ClosureDeleteParams{TenantID: salonID, ID: id})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("salon: delete closure: %w", err)
	}
	return nil
}
