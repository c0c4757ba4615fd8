package salon

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Salon is a tenant of the platform.
type Salon struct {
	ID           uuid.UUID
	Slug         string
	Name         string
	TimeZone     string
	Currency     string
	Locale       string
	Country      string // ISO 3166-1 alpha-2: reads the phone numbers typed in the salon
	Status       string
	StatusReason string
	CreatedAt    time.Time
}

// Statuses of a salon on the platform.
const (
	StatusActive    = "active"
	StatusSuspended = "suspended"
)

// Suspended reports whether the platform has suspended the salon.
func (s Salon) Suspended() bool { return s.Status == StatusSuspended }

// Location returns the salon's time zone (UTC if the stored name is unknown).
func (s Salon) Location() *time.Location { return clock.Zone(s.TimeZone) }

// FromRow converts the row the application role reads (no suspension reason).
func FromRow(t dbq.TenantGetRow) Salon {
	return Salon{ID: t.ID, Slug: t.Slug, Name: t.Name, TimeZone: t.TimeZone, Currency: t.Currency,
		Locale: t.Locale, Country: t.Country, Status: t.Status, CreatedAt: t.CreatedAt}
}

// FromFullRow converts a row read on the platform path, reason included.
func FromFullRow(t dbq.Tenant) Salon {
	return Salon{ID: t.ID, Slug: t.Slug, Name: t.Name, TimeZone: t.TimeZone, Currency: t.Currency,
		Locale: t.Locale, Country: t.Country, Status: t.Status, StatusReason: t.StatusReason, CreatedAt: t.CreatedAt}
}

// reserved slugs would shadow the platform's own paths or mislead clients.
var reserved = []string{
	"admin", "administrateur", "api", "app", "assets", "auth", "b", "billing", "blog", "carnet",
	"compte", "connexion", "contact", "dashboard", "docs", "healthz", "help", "aide", "inscription",
	"invite", "login", "logout", "mail", "metrics", "password", "readyz", "root", "salon", "salons",
	"security", "settings", "signup", "static", "status", "stripe", "support", "system", "webhooks", "www",
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{1,38}[a-z0-9])$`)

// NormalizeSlug trims and lower-cases what the user typed.
func NormalizeSlug(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// CheckSlug returns the message key of what is wrong with a slug's form, or "".
func CheckSlug(slug string) string {
	switch {
	case slug == "":
		return "field.required"
	case len(slug) < 3 || len(slug) > 40:
		return "slug.length"
	case !slugPattern.MatchString(slug) || strings.Contains(slug, "--"):
		return "slug.format"
	case slices.Contains(reserved, slug):
		return "slug.reserved"
	}
	return ""
}

// NewInput describes a salon being created at sign-up.
type NewInput struct {
	ID       uuid.UUID
	Slug     string
	Name     string
	TimeZone string
	Currency string
	Locale   string
	Country  string
}

// Insert creates the salon inside the caller's transaction (sign-up creates the
// salon and its owner atomically). The transaction must be scoped to in.ID.
func Insert(ctx context.Context, tx store.Tx, in NewInput) error {
	err := tx.TenantCreate(ctx, dbq.TenantCreateParams{ID: in.ID, Slug: in.Slug, Name: in.Name,
		TimeZone: in.TimeZone, Currency: in.Currency, Locale: in.Locale, Country: in.Country})
	if store.IsUniqueViolation(err, "tenants_slug_key") {
		return &apperr.Error{Code: apperr.Invalid, Key: "error.invalid", Fields: apperr.Fields{"slug": "slug.taken"}}
	}
	if err != nil {
		return fmt.Errorf("salon: insert: %w", err)
	}
	if err := tx.SalonSettingsCreate(ctx, in.ID); err != nil {
		return fmt.Errorf("salon: default settings: %w", err)
	}
	return nil
}

// Service reads salons.
type Service struct {
	DB    *store.DB
	slugs slugCache
}

// Get returns the salon with the given id.
func (s *Service) Get(ctx context.Context, id uuid.UUID) (Salon, error) {
	var out Salon
	err := s.DB.WithTenant(ctx, id, func(tx store.Tx) error {
		row, err := tx.TenantGet(ctx, id)
		out = FromRow(row)
		return err
	})
	if err != nil {
		return Salon{}, fmt.Errorf("salon: get: %w", err)
	}
	return out, nil
}

// SuspensionReason tells a suspended salon's staff why (the platform path:
// the application role cannot read the reason).
func (s *Service) SuspensionReason(ctx context.Context, id uuid.UUID) (string, error) {
	var reason string
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		t, err := tx.TenantGetFull(ctx, id)
		reason = t.StatusReason
		return err
	})
	if err != nil {
		return "", fmt.Errorf("salon: suspension reason: %w", err)
	}
	return reason, nil
}

// SlugTaken reports whether a salon already uses slug.
func (s *Service) SlugTaken(ctx context.Context, slug string) (bool, error) {
	var taken bool
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		var err error
		taken, err = tx.TenantSlugTaken(ctx, slug)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("salon: slug taken: %w", err)
	}
	return taken, nil
}

// BySlug finds a salon from its public address (any salon: the public page
// knows no salon before it reads the slug). Every public page starts here,
// so the answer is remembered for a few seconds (slugTTL).
func (s *Service) BySlug(ctx context.Context, slug string) (Salon, error) {
	slug = NormalizeSlug(slug)
	sal, gen, ok := s.slugs.get(slug, time.Now())
	if ok {
		return sal, nil
	}
	b := &store.Batch{}
	b.Queue(func(q *dbq.Queries) error {
		row, err := q.TenantGetBySlug(ctx, slug)
		sal = Salon{ID: row.ID, Slug: row.Slug, Name: row.Name, TimeZone: row.TimeZone, Currency: row.Currency,
			Locale: row.Locale, Country: row.Country, Status: row.Status, CreatedAt: row.CreatedAt}
		return err
	})
	if err := s.DB.UnscopedBatch(ctx, b); err != nil {
		return Salon{}, fmt.Errorf("salon: by slug: %w", err)
	}
	s.slugs.put(slug, sal, gen, time.Now())
	return sal, nil
}

// Forget drops what BySlug remembers of a salon; whatever changes a salon's
// row calls it once the change is committed.
func (s *Service) Forget(id uuid.UUID) { s.slugs.forget(id) }

// MarkDemo makes a salon the demo (platform path): its clients are made up,
// so nothing it would say to them is ever sent.
func (s *Service) MarkDemo(ctx context.Context, id uuid.UUID) error {
	if err := s.DB.Unscoped(ctx, func(tx store.Tx) error { return tx.TenantMarkDemo(ctx, id) }); err != nil {
		return fmt.Errorf("salon: mark demo: %w", err)
	}
	s.Forget(id)
	return nil
}
