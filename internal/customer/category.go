package customer

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Category is a group of clients (catégorie de client, seed 001).
type Category struct {
	ID          uuid.UUID
	Name        string
	PaymentMode string // "" (no change), none, deposit, card_imprint, prepayment
	Discount    int    // percent off services
	Default     bool
}

// defaultCategories are the groups every salon starts with (seed 001):
// ordinary clients, VIPs, problematic clients who pay everything in advance,
// employees with a discount.
var defaultCategories = []struct {
	key, mode string
	discount  int
}{{"ordinary", "", 0}, {"vip", "", 0}, {"problematic", "prepayment", 0}, {"employee", "", 20}}

// SeedCategoriesTx creates a new salon's categories, in its language;
// "ordinary" is where new clients go.
func SeedCategoriesTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, name func(key string) string) error {
	for i, c := range defaultCategories {
		var mode *string
		if c.mode != "" {
			mode = &c.mode
		}
		if _, err := tx.CustomerCategoryCreate(ctx, dbq.CustomerCategoryCreateParams{TenantID: salonID, Name: name(c.key),
			PaymentMode: mode, DiscountPercent: int32(c.discount), IsDefault: i == 0}); err != nil {
			return fmt.Errorf("customer: seed categories: %w", err)
		}
	}
	return nil
}

func categoryFrom(r dbq.CustomerCategory) Category {
	c := Category{ID: r.ID, Name: r.Name, Discount: int(r.DiscountPercent), Default: r.IsDefault}
	if r.PaymentMode != nil {
		c.PaymentMode = *r.PaymentMode
	}
	return c
}

// Categories lists the salon's client categories.
func (c *Customers) Categories(ctx context.Context, salonID uuid.UUID) ([]Category, error) {
	var out []Category
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.CustomerCategoryList(ctx, salonID)
		for _, r := range rows {
			out = append(out, categoryFrom(r))
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("customer: categories: %w", err)
	}
	return out, nil
}

// CategoryInput is the category form as typed.
type CategoryInput struct {
	Name, PaymentMode, Discount string
	Default                     bool
}

func (in CategoryInput) parse() (string, *string, int32, error) {
	f := apperr.Fields{}
	name := strings.TrimSpace(in.Name)
	if name == "" {
		f.Add("name", "field.required")
	} else if len([]rune(name)) > 60 {
		f.Add("name", "name.long_60")
	}
	var mode *string
	if in.PaymentMode != "" {
		if !contains(PaymentModes[1:], in.PaymentMode) {
			f.Add("payment_mode", "field.choose")
		}
		mode = &in.PaymentMode
	}
	d := 0
	if s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(in.Discount), "%")); s != "" {
		var err error
		if d, err = strconv.Atoi(s); err != nil || d < 0 || d > 100 {
			f.Add("discount", "number.range")
		}
	}
	return name, mode, int32(d), f.Err()
}

// SaveCategory creates (id Nil) or updates a category; marking it default
// makes it the one new clients join.
func (c *Customers) SaveCategory(ctx context.Context, salonID, id uuid.UUID, in CategoryInput) error {
	name, mode, discount, err := in.parse()
	if err != nil {
		return err
	}
	err = c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if id == uuid.Nil {
			row, err := tx.CustomerCategoryCreate(ctx, dbq.CustomerCategoryCreateParams{TenantID: salonID, Name: name, PaymentMode: mode, DiscountPercent: discount})
			if err != nil {
				return categoryProblem(err)
			}
			id = row.ID
		} else {
			n, err := tx.CustomerCategoryUpdate(ctx, dbq.CustomerCategoryUpdateParams{TenantID: salonID, ID: id, Name: name, PaymentMode: mode, DiscountPercent: discount})
			if err != nil {
				return categoryProblem(err)
			}
			if n == 0 {
				return apperr.ErrNotFound
			}
		}
		if !in.Default {
			return nil
		}
		if err := tx.CustomerCategoryClearDefault(ctx, salonID); err != nil {
			return err
		}
		_, err := tx.CustomerCategorySetDefault(ctx, dbq.CustomerCategorySetDefaultParams{TenantID: salonID, ID: id})
		return err
	})
	if err != nil {
		return fmt.Errorf("customer: save category: %w", err)
	}
	return nil
}

func categoryProblem(err error) error {
	if store.IsUniqueViolation(err, "customer_categories_tenant_id_name_key") {
		return apperr.Fields{"name": "category.exists"}.Err()
	}
	return err
}

// DeleteCategory removes a category; its clients keep their records, without a
// category. The default category cannot be removed.
func (c *Customers) DeleteCategory(ctx context.Context, salonID, id uuid.UUID) error {
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		cat, err := tx.CustomerCategoryGet(ctx, dbq.CustomerCategoryGetParams{TenantID: salonID, ID: id})
		if err != nil {
			return err
		}
		if cat.IsDefault {
			return apperr.New(apperr.Conflict, "category.default_kept")
		}
		_, err = tx.CustomerCategoryDelete(ctx, dbq.CustomerCategoryDeleteParams{TenantID: salonID, ID: id})
		return err
	})
	if err != nil {
		return fmt.Errorf("customer: delete category: %w", err)
	}
	return nil
}

// CategoryFigures is one line of the profitability report.
type CategoryFigures struct {
	CategoryID   uuid.UUID // Nil: clients without a category
	Name         string
	Clients      int64
	Visits       int64
	RevenueCents int64
	NoShows      int64
}

// AverageTicket is the revenue per visit, in cents.
func (f CategoryFigures) AverageTicket() int64 {
	if f.Visits == 0 {
		return 0
	}
	return f.RevenueCents / f.Visits
}

// NoShowRate is the share of missed visits among visits due, in percent.
func (f CategoryFigures) NoShowRate() float64 {
	if f.Visits+f.NoShows == 0 {
		return 0
	}
	return float64(f.NoShows) * 100 / float64(f.Visits+f.NoShows)
}

// Report compares categories over [from, to): which group is most profitable.
func (c *Customers) Report(ctx context.Context, salonID uuid.UUID, from, to time.Time) ([]CategoryFigures, error) {
	var out []CategoryFigures
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.CustomerCategoryReport(ctx, dbq.CustomerCategoryReportParams{TenantID: salonID, RangeFrom: from, RangeTo: to})
		for _, r := range rows {
			out = append(out, CategoryFigures{CategoryID: r.CategoryID, Name: r.Name, Clients: r.Clients, Visits: r.Visits,
				RevenueCents: r.RevenueCents, NoShows: r.NoShows})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("customer: report: %w", err)
	}
	return out, nil
}
