package account

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// SignupInput is what a salon owner types to sign up.
type SignupInput struct {
	SalonName string
	Slug      string
	OwnerName string
	Email     string
	Password  string
	Lang      i18n.Lang // the salon's language: French unless English
	Country   string    // the salon's; France when blank
	// EmailProven skips the verification (and the emails): the demo's
	// made-up owner, whose address nobody reads.
	EmailProven bool
}

// SignupResult names the salon and owner created.
type SignupResult struct {
	SalonID uuid.UUID
	UserID  uuid.UUID
}

// Normalize trims what the user typed, so a re-rendered form shows the values used.
func (in *SignupInput) Normalize() {
	in.SalonName = strings.TrimSpace(in.SalonName)
	in.OwnerName = strings.TrimSpace(in.OwnerName)
	in.Slug = salon.NormalizeSlug(in.Slug)
	in.Email = NormalizeEmail(in.Email)
}

// Check validates the form's shape (no database): one message per bad field.
func (in SignupInput) Check() apperr.Fields {
	f := apperr.Fields{}
	if k := CheckName(in.SalonName); k != "" {
		f.Add("salon_name", k)
	}
	if k := salon.CheckSlug(in.Slug); k != "" {
		f.Add("slug", k)
	}
	if k := CheckName(in.OwnerName); k != "" {
		f.Add("owner_name", k)
	}
	if k := CheckEmail(in.Email); k != "" {
		f.Add("email", k)
	}
	if k := CheckPassword(in.Password, in.Email); k != "" {
		f.Add("password", k)
	}
	if k := salon.CheckCountry(salonCountry(in.Country)); k != "" {
		f.Add("country", k)
	}
	return f
}

// Signup creates a salon and its owner atomically: either both exist
// afterwards or nothing does.
func (s *Service) Signup(ctx context.Context, in SignupInput) (SignupResult, error) {
	in.Normalize()
	fields := in.Check()
	if err := s.checkTaken(ctx, in, fields); err != nil {
		return SignupResult{}, err
	}
	if err := fields.Err(); err != nil {
		return SignupResult{}, err
	}
	hash, err := HashPassword(ctx, in.Password)
	if err != nil {
		return SignupResult{}, err
	}
	locale := salonLocale(in.Lang)
	res := SignupResult{SalonID: uuid.New(), UserID: uuid.New()}
	var proven *time.Time
	if in.EmailProven {
		now := s.Clock.Now()
		proven = &now
	}
	err = s.DB.WithTenant(ctx, res.SalonID, func(tx store.Tx) error {
		err := tx.UserCreate(ctx, dbq.UserCreateParams{ID: res.UserID, Email: in.Email, Name: in.OwnerName, PasswordHash: hash,
			Locale: locale, EmailVerifiedAt: proven})
		if store.IsUniqueViolation(err, "users_email_key") {
			return apperr.Fields{"email": "email.taken"}.Err()
		}
		if err != nil {
			return err
		}
		if err := openSalonTx(ctx, tx, res.SalonID, res.UserID, in.SalonName, in.Slug, locale, salonCountry(in.Country)); err != nil {
			return err
		}
		if in.EmailProven {
			return nil
		}
		if err := tx.Enqueue(ctx, VerifyEmailArgs{UserID: res.UserID}, nil); err != nil {
			return err
		}
		return tx.Enqueue(ctx, WelcomeEmailArgs{UserID: res.UserID, SalonID: res.SalonID}, nil)
	})
	if err != nil {
		return SignupResult{}, fmt.Errorf("account: signup: %w", err)
	}
	return res, nil
}

// salonLocale is the language a new salon starts in: French unless English
// was asked for.
func salonLocale(asked i18n.Lang) string {
	if asked == i18n.EN {
		return "en"
	}
	return "fr"
}

// salonCountry is the country a new salon starts in: France unless another
// was chosen.
func salonCountry(chosen string) string {
	if chosen == "" {
		return salon.DefaultCountry
	}
	return chosen
}

// openSalonTx creates a salon with its owner and its starting client
// categories, in the caller's unit of work.
func openSalonTx(ctx context.Context, tx store.Tx, salonID, ownerID uuid.UUID, name, slug, locale, country string) error {
	if err := salon.Insert(ctx, tx, salon.NewInput{ID: salonID, Slug: slug, Name: name,
		TimeZone: "Europe/Paris", Currency: "EUR", Locale: locale, Country: country}); err != nil {
		return err
	}
	if err := tx.MembershipCreate(ctx, dbq.MembershipCreateParams{TenantID: salonID, UserID: ownerID, Role: RoleOwner}); err != nil {
		return err
	}
	lang, _ := i18n.Parse(locale)
	return customer.SeedCategoriesTx(ctx, tx, salonID, func(key string) string { return i18n.Tr(lang, "category."+key) })
}

// NewSalonInput is another salon an existing user opens (a second address,
// a chain growing).
type NewSalonInput struct {
	SalonName string
	Slug      string
	Lang      i18n.Lang // the salon's language: French unless English
}

// OpenSalon creates another salon owned by userID and returns its id.
func (s *Service) OpenSalon(ctx context.Context, userID uuid.UUID, in NewSalonInput) (uuid.UUID, error) {
	in.SalonName, in.Slug = strings.TrimSpace(in.SalonName), salon.NormalizeSlug(in.Slug)
	fields := apperr.Fields{}
	if k := CheckName(in.SalonName); k != "" {
		fields.Add("salon_name", k)
	}
	problem, err := s.SlugProblem(ctx, in.Slug)
	if err != nil {
		return uuid.Nil, err
	}
	if problem != "" {
		fields.Add("slug", problem)
	}
	if err := fields.Err(); err != nil {
		return uuid.Nil, err
	}
	locale := salonLocale(in.Lang)
	id := uuid.New()
	err = s.DB.WithTenant(ctx, id, func(tx store.Tx) error {
		return openSalonTx(ctx, tx, id, userID, in.SalonName, in.Slug, locale, salon.DefaultCountry)
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("account: open salon: %w", err)
	}
	return id, nil
}

// checkTaken adds "taken" problems for slug and email, so the user learns
// everything wrong with the form at once rather than one refusal at a time.
func (s *Service) checkTaken(ctx context.Context, in SignupInput, fields apperr.Fields) error {
	_, slugBad := fields["slug"]
	_, emailBad := fields["email"]
	if slugBad && emailBad {
		return nil
	}
	return s.DB.Unscoped(ctx, func(tx store.Tx) error {
		if !slugBad {
			taken, err := tx.TenantSlugTaken(ctx, in.Slug)
			if err != nil {
				return fmt.Errorf("account: slug taken: %w", err)
			}
			if taken {
				fields.Add("slug", "slug.taken")
			}
		}
		if !emailBad {
			taken, err := tx.UserEmailTaken(ctx, in.Email)
			if err != nil {
				return fmt.Errorf("account: email taken: %w", err)
			}
			if taken {
				fields.Add("email", "email.taken")
			}
		}
		return nil
	})
}

// SlugProblem checks one slug as the user types it: its form, then whether it is free.
func (s *Service) SlugProblem(ctx context.Context, slug string) (string, error) {
	slug = salon.NormalizeSlug(slug)
	if k := salon.CheckSlug(slug); k != "" {
		return k, nil
	}
	fields := apperr.Fields{"email": "skip"}
	if err := s.checkTaken(ctx, SignupInput{Slug: slug}, fields); err != nil {
		return "", err
	}
	return fields["slug"], nil
}
