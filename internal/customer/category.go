package customer

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

// Category is a group of clients (catégorie de client, seed 001).
type Category struct {
	ID          uuid.UUID
	Name        string
	PaymentMode string // "" (no change), none, deposit, card_imprint, prepayment
	DiscountBP  int32  // off services, in basis points: 1250 is 12,5 %
	Default     bool
	Clients     int64 // live clients in the category
}

// defaultCategories are the groups every salon starts with (seed 001):
// ordinary clients, VIPs, problematic clients who pay everything in advance,
// employees with a discount.
var defaultCategories = []struct {
	key, mode string
	discount  int32 // basis points
}{{"ordinary", "", 0}, {"vip", "", 0}, {"problematic", "prepayment", 0}, {"employee", "", 2000}}

// SeedCategoriesTx creates a new salon's categories, in its language;
// "ordinary" is where new clients go.
func SeedCategoriesTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, name func(key string) string) error {
	for i, c := range defaultCategories {
		var mode *string
		if c.mode != "" {
			mode = &c.mode
		}
		if _, err := tx.CustomerCategoryCreate(ctx, dbq.CustomerCategoryCreateParams{TenantID: salonID, Name: name(c.key),
			PaymentMode: mode, DiscountBp: c.discount, IsDefault: i == 0}); err != nil {
			return fmt.Errorf("customer: seed categories: %w", err)
		}
	}
	return nil
}

// Discounted is a service's price for a client whose category takes a
// discount (employees' prices…), in basis points (1250 takes 12,5 % off),
// rounded to the cent, half up. It is the one rule for every way a visit
// gets its price: the agenda, the public page.
func Discounted(price int64, bp int32) int64 {
	if bp <= 0 {
		return price
	}
	return (price*int64(10000-min(bp, 10000)) + 5000) / 10000
}

// DiscountTx is the discount on services, in basis points, the client's category
// gives them, inside the caller's unit of work.
func DiscountTx(ctx context.Context, tx store.Tx, salonID, customerID uuid.UUID) (int32, error) {
	rec, err := RecordTx(ctx, tx, salonID, customerID)
	return rec.DiscountBP, err
}

func categoryFrom(r dbq.CustomerCategory) Category {
	c := Category{ID: r.ID, Name: r.Name, DiscountBP: r.DiscountBp, Default: r.IsDefault}
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
		if err != nil {
			return err
		}
		counts, err := tx.CustomerCategoryClientCounts(ctx, salonID)
		n := map[uuid.UUID]int64{}
		for _, r := range counts {
			n[r.CategoryID] = r.Clients
		}
		for _, r := range rows {
			cat := categoryFrom(r)
			cat.Clients = n[cat.ID]
			out = append(out, cat)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("customer: categories: %w", err)
	}
	return out, nil
}

// CategoryInput is a client category as the salon gives it. Field errors
// are keyed by these field names.
type CategoryInput struct {
	Name        string
	PaymentMode string // one of PaymentModes[1:], or "" for the salon's rule
	DiscountBP  int64  // basis points: 1250 is 12,5 %
	Default     bool
}

// Check reports the input's problems, keyed by CategoryInput's field names.
func (in CategoryInput) Check() error {
	_, _, _, err := in.parse()
	return err
}

func (in CategoryInput) parse() (string, *string, int32, error) {
	f := apperr.Fields{}
	name := strings.TrimSpace(in.Name)
	if name == "" {
		f.Add("Name", "field.required")
	} else if len([]rune(name)) > 60 {
		f.Add("Name", "name.long_60")
	}
	var mode *string
	if in.PaymentMode != "" {
		if !contains(PaymentModes[1:], in.PaymentMode) {
			f.Add("PaymentMode", "field.choose")
		}
		mode = &in.PaymentMode
	}
	if in.DiscountBP < 0 || in.DiscountBP > 10000 {
		f.Add("DiscountBP", "clientcats.discount.range")
	}
	return name, mode, int32(in.DiscountBP), f.Err()
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
			row, err := tx.CustomerCategoryCreate(ctx, dbq.CustomerCategoryCreateParams{TenantID: salonID, Name: name, PaymentMode: mode, DiscountBp: discount})
			if err != nil {
				return categoryProblem(err)
			}
			id = row.ID
		} else {
			n, err := tx.CustomerCategoryUpdate(ctx, dbq.CustomerCategoryUpdateParams{TenantID: salonID, ID: id, Name: name, PaymentMode: mode, DiscountBp: discount})
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
		return apperr.Fields{"Name": "category.exists"}.Err()
	}
	return err
}

// DeleteCategory removes a category; its clients join the salon's default
// category (their records, prices and payment rules then follow it). The
// default category cannot be removed.
func (c *Customers) DeleteCategory(ctx context.Context, salonID, id uuid.UUID) error {
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		cat, err := tx.CustomerCategoryGet(ctx, dbq.CustomerCategoryGetParams{TenantID: salonID, ID: id})
		if err != nil {
			return err
		}
		if cat.IsDefault {
			return apperr.New(apperr.Conflict, "category.default_kept")
		}
		var to *uuid.UUID
		if def, err := tx.CustomerCategoryDefault(ctx, salonID); err == nil {
			to = &def.ID
		} else if !store.IsNotFound(err) {
			return err
		}
		if _, err := tx.CustomerCategoryMoveClients(ctx, dbq.CustomerCategoryMoveClientsParams{TenantID: salonID, FromID: &id, ToID: to}); err != nil {
			return err
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

// NoShowRate is the share of missed visits among visits due, in basis
// points rounded to a tenth of a percent (1 missed in 8 is 1250: 12,5 %).
func (f CategoryFigures) NoShowRate() int32 {
	due := f.Visits + f.NoShows
	if due == 0 {
		return 0
	}
	return int32((f.NoShows*1000+due/2)/due) * 10
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
