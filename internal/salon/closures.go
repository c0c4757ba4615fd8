package salon

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
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

// DateSpanInput is a from/to/reason form (closures and absences).
type DateSpanInput struct {
	From, To, Reason string
}

// ParseDateSpan checks a from/to form: dates as YYYY-MM-DD (what <input
// type=date> sends), the end not before the start, at most a year long.
func ParseDateSpan(in DateSpanInput) (from, to time.Time, reason string, err error) {
	f := apperr.Fields{}
	from, e1 := time.Parse(time.DateOnly, strings.TrimSpace(in.From))
	if e1 != nil {
		f.Add("from", "date.invalid")
	}
	if strings.TrimSpace(in.To) == "" {
		to = from
	} else if to, err = time.Parse(time.DateOnly, strings.TrimSpace(in.To)); err != nil {
		f.Add("to", "date.invalid")
	}
	if e1 == nil && !to.IsZero() && to.Before(from) {
		f.Add("to", "date.before_start")
	} else if e1 == nil && to.Sub(from) > 366*24*time.Hour {
		f.Add("to", "date.too_long")
	}
	reason = strings.TrimSpace(in.Reason)
	if len([]rune(reason)) > 500 {
		f.Add("reason", "reason.long")
	}
	return from, to, reason, f.Err()
}

// AddClosure records a closure.
func (s *Service) AddClosure(ctx context.Context, salonID uuid.UUID, in DateSpanInput) error {
	from, to, reason, err := ParseDateSpan(in)
	if err != nil {
		return err
	}
	err = s.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		_, err := tx.ClosureCreate(ctx, dbq.ClosureCreateParams{TenantID: salonID, StartsOn: from, EndsOn: to, Reason: reason})
		return err
	})
	if err != nil {
		return fmt.Errorf("salon: add closure: %w", err)
	}
	return nil
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
