package catalog

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Catalog runs the catalogue.
type Catalog struct {
	DB           *store.DB
	PriceChanged PriceHook // nil: nobody listens
}

// Service is one service on the menu.
type Service struct {
	ID             uuid.UUID
	CategoryID     *uuid.UUID
	Name           string
	Description    string
	Duration       time.Duration
	Buffer         time.Duration
	PriceCents     int64
	OnlineBookable bool
	Rule           *payment.Rule // nil: the salon's default rule
	Archived       bool          // off the menu: shown in history, no longer edited
	VATRateBP      int32         // included in the price
}

func serviceFromRow(r dbq.Service) Service {
	s := Service{ID: r.ID, CategoryID: r.CategoryID, Name: r.Name, Description: r.Description,
		Duration: time.Duration(r.DurationMinutes) * time.Minute, Buffer: time.Duration(r.BufferMinutes) * time.Minute,
		PriceCents: r.PriceCents, OnlineBookable: r.OnlineBookable, Archived: r.ArchivedAt != nil, VATRateBP: r.VatRateBp}
	if r.PaymentRule != nil {
		s.Rule = &payment.Rule{Mode: *r.PaymentRule}
		if r.DepositKind != nil {
			s.Rule.DepositKind = *r.DepositKind
		}
		if r.DepositValue != nil {
			s.Rule.DepositValue = *r.DepositValue
		}
	}
	return s
}

// ServiceInput is a service as the salon gives it. Field errors are keyed by
// these field names, and by FieldRuleMode and FieldRuleValue for the rule.
type ServiceInput struct {
	CategoryID        *uuid.UUID
	Name, Description string
	Duration, Buffer  time.Duration // whole minutes
	PriceCents        int64
	OnlineBookable    bool
	Rule              *payment.Rule // nil: the salon's default rule
	VATRateBP         *int32        // one of VATRates; nil: 20 % for a new service, unchanged for an edit
}

// The keys of the rule's field errors.
const (
	FieldRuleMode  = "Rule.Mode"
	FieldRuleValue = "Rule.DepositValue"
)

// Check reports the input's problems, keyed by ServiceInput's field names.
func (in ServiceInput) Check() error {
	_, err := in.parse()
	return err
}

type serviceValues struct {
	name, description string
	duration, buffer  int32
	mode, kind        *string
	value             *int64
}

func (in ServiceInput) parse() (serviceValues, error) {
	f := apperr.Fields{}
	v := serviceValues{name: strings.TrimSpace(in.Name), description: strings.TrimSpace(in.Description)}
	if v.name == "" {
		f.Add("Name", "field.required")
	} else if len([]rune(v.name)) > 120 {
		f.Add("Name", "name.long")
	}
	if len([]rune(v.description)) > 2000 {
		f.Add("Description", "text.long")
	}
	v.duration = minutes(f, "Duration", in.Duration, 5, 720, "duration.range")
	v.buffer = minutes(f, "Buffer", in.Buffer, 0, 240, "buffer.range")
	priceOK := money.Price.Check(in.PriceCents) == ""
	if !priceOK {
		f.Add("PriceCents", money.Price.Check(in.PriceCents))
	}
	checkRate(f, "VATRateBP", in.VATRateBP)
	if in.Rule != nil {
		r := *in.Rule
		if r.DepositKind == "" {
			r.DepositKind = payment.DepositPercent // the column's default: a mode without a deposit still names a kind
		}
		r.Check(f, FieldRuleMode, FieldRuleValue)
		if priceOK {
			r.CheckPrice(f, FieldRuleValue, in.PriceCents)
		}
		v.mode, v.kind, v.value = &r.Mode, &r.DepositKind, &r.DepositValue
	}
	return v, f.Err()
}

// minutes checks a whole number of minutes between lo and hi; outside, the
// field gets the message that states those limits.
func minutes(f apperr.Fields, field string, d time.Duration, lo, hi int, outside string) int32 {
	if d%time.Minute != 0 || d < time.Duration(lo)*time.Minute || d > time.Duration(hi)*time.Minute {
		f.Add(field, outside)
	}
	return int32(d / time.Minute)
}

// Services lists the salon's current services, in menu order.
func (c *Catalog) Services(ctx context.Context, salonID uuid.UUID) ([]Service, error) {
	var out []Service
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		out, err = ServicesTx(ctx, tx, salonID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("catalog: services: %w", err)
	}
	return out, nil
}

// ServicesTx lists services inside the caller's unit of work.
func ServicesTx(ctx context.Context, tx store.Tx, salonID uuid.UUID) ([]Service, error) {
	return services(ctx, tx.Queries, salonID)
}

// QueueServices is ServicesTx as one read of a batch: *out is set when b is sent.
func QueueServices(ctx context.Context, b *store.Batch, salonID uuid.UUID, out *[]Service) {
	b.Queue(func(q *dbq.Queries) (err error) {
		*out, err = services(ctx, q, salonID)
		return err
	})
}

func services(ctx context.Context, q *dbq.Queries, salonID uuid.UUID) ([]Service, error) {
	rows, err := q.ServiceList(ctx, salonID)
	out := make([]Service, 0, len(rows))
	for _, r := range rows {
		out = append(out, serviceFromRow(r))
	}
	return out, err
}

// Service returns one service, archived ones included (history needs them).
func (c *Catalog) Service(ctx context.Context, salonID, id uuid.UUID) (Service, error) {
	var out Service
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		r, err := tx.ServiceGet(ctx, dbq.ServiceGetParams{TenantID: salonID, ID: id})
		out = serviceFromRow(r)
		return err
	})
	if err != nil {
		return Service{}, fmt.Errorf("catalog: service: %w", err)
	}
	return out, nil
}

// CreateService adds a service to the menu.
func (c *Catalog) CreateService(ctx context.Context, salonID uuid.UUID, in ServiceInput) (uuid.UUID, error) {
	v, err := in.parse()
	if err != nil {
		return uuid.Nil, err
	}
	var id uuid.UUID
	err = c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		r, err := tx.ServiceCreate(ctx, dbq.ServiceCreateParams{TenantID: salonID, CategoryID: in.CategoryID, Name: v.name,
			Description: v.description, DurationMinutes: v.duration, BufferMinutes: v.buffer, PriceCents: in.PriceCents,
			OnlineBookable: in.OnlineBookable, PaymentRule: v.mode, DepositKind: v.kind, DepositValue: v.value, VatRateBp: in.VATRateBP})
		id = r.ID
		return categoryProblem(err)
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("catalog: create service: %w", err)
	}
	return id, nil
}

// UpdateService changes a service. Appointments already booked keep what was
// booked (their own copy of name, duration and price).
func (c *Catalog) UpdateService(ctx context.Context, salonID, id uuid.UUID, in ServiceInput) error {
	v, err := in.parse()
	if err != nil {
		return err
	}
	err = c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		before, err := tx.ServiceGet(ctx, dbq.ServiceGetParams{TenantID: salonID, ID: id})
		if err != nil {
			return err
		}
		n, err := tx.ServiceUpdate(ctx, dbq.ServiceUpdateParams{TenantID: salonID, ID: id, CategoryID: in.CategoryID, Name: v.name,
			Description: v.description, DurationMinutes: v.duration, BufferMinutes: v.buffer, PriceCents: in.PriceCents,
			OnlineBookable: in.OnlineBookable, PaymentRule: v.mode, DepositKind: v.kind, DepositValue: v.value, VatRateBp: in.VATRateBP})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		if err != nil {
			return categoryProblem(err)
		}
		return c.priceChanged(ctx, tx, salonID, ItemService, id, before.PriceCents, in.PriceCents)
	})
	if err != nil {
		return fmt.Errorf("catalog: update service: %w", err)
	}
	return nil
}

// ArchiveService takes a service off the menu.
func (c *Catalog) ArchiveService(ctx context.Context, salonID, id uuid.UUID) error {
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		n, err := tx.ServiceArchive(ctx, dbq.ServiceArchiveParams{TenantID: salonID, ID: id})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("catalog: archive service: %w", err)
	}
	return nil
}

// categoryProblem: a category id of another salon fails the composite foreign key.
func categoryProblem(err error) error {
	if store.IsForeignKeyViolation(err) {
		return apperr.Fields{"CategoryID": "field.choose"}.Err()
	}
	return err
}
