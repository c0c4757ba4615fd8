package customer

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Customer is a client of the salon.
type Customer struct {
	ID        uuid.UUID
	FirstName string
	LastName  string
	Phone     string // E.164
	Email     string
}

// Name is how staff see the client: "Léa Dupont".
func (c Customer) Name() string { return strings.TrimSpace(c.FirstName + " " + c.LastName) }

func fromRow(r dbq.Customer) Customer {
	return Customer{ID: r.ID, FirstName: r.FirstName, LastName: r.LastName, Phone: r.Phone, Email: r.Email}
}

// Customers runs the client area.
type Customers struct {
	DB *store.DB
}

// QuickInput names a client from the agenda: an existing record, or a name
// and phone for a new (or found-again) one.
type QuickInput struct {
	ID        string
	FirstName string
	LastName  string
	Phone     string
	Region    string
}

// ResolveTx returns the client the agenda form means: the chosen record, the
// record with the same phone, or a new one. Field problems use the names
// customer_first_name, customer_last_name and customer_phone.
func ResolveTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, in QuickInput) (Customer, error) {
	if in.ID != "" {
		id, err := uuid.Parse(in.ID)
		if err != nil {
			return Customer{}, apperr.ErrNotFound
		}
		r, err := tx.CustomerGet(ctx, dbq.CustomerGetParams{TenantID: salonID, ID: id})
		return fromRow(r), err
	}
	first, last := strings.TrimSpace(in.FirstName), strings.TrimSpace(in.LastName)
	f := apperr.Fields{}
	if first == "" && last == "" {
		f.Add("customer_last_name", "customer.name_required")
	}
	phone, ok := NormalizePhone(in.Phone, in.Region)
	if !ok {
		f.Add("customer_phone", "phone.invalid")
	}
	if err := f.Err(); err != nil {
		return Customer{}, err
	}
	if phone != "" {
		found, err := tx.CustomerFindByPhone(ctx, dbq.CustomerFindByPhoneParams{TenantID: salonID, Phone: phone})
		if err != nil {
			return Customer{}, err
		}
		for _, r := range found {
			if strings.EqualFold(r.LastName, last) || last == "" {
				return fromRow(r), nil
			}
		}
	}
	r, err := tx.CustomerCreate(ctx, dbq.CustomerCreateParams{TenantID: salonID, FirstName: first, LastName: last, Phone: phone})
	if err != nil {
		return Customer{}, err
	}
	return fromRow(r), joinDefaultCategoryTx(ctx, tx, salonID, r.ID)
}

// joinDefaultCategoryTx puts a new client in the salon's default category.
func joinDefaultCategoryTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID) error {
	def, err := tx.CustomerCategoryDefault(ctx, salonID)
	if store.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return tx.CustomerSetCategory(ctx, dbq.CustomerSetCategoryParams{TenantID: salonID, ID: id, CategoryID: &def.ID})
}

// Search finds a few clients by the start of a name or by phone digits, for
// the agenda's "who is it for" box.
func (c *Customers) Search(ctx context.Context, salonID uuid.UUID, q string) ([]Customer, error) {
	q = strings.TrimSpace(q)
	if len([]rune(q)) < 2 {
		return nil, nil
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, q)
	if len(digits) < 3 {
		digits = "" // two digits match half the book
	} else if digits[0] == '0' {
		digits = digits[1:] // "06…" is stored as "+336…"
	}
	pattern := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q)
	var out []Customer
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.CustomerQuickSearch(ctx, dbq.CustomerQuickSearchParams{TenantID: salonID, Pattern: pattern, Digits: digits})
		for _, r := range rows {
			out = append(out, fromRow(r))
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("customer: search: %w", err)
	}
	return out, nil
}

// OnlineInput is who books on the public page.
type OnlineInput struct {
	FirstName, LastName, Email, Phone string // phone already in E.164
}

// FindOrCreateOnlineTx returns the client booking online: the record with the
// same email, else the same phone, else a new one. Clients are never merged
// across salons: each salon has its own records.
func FindOrCreateOnlineTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, in OnlineInput) (Customer, bool, error) {
	byEmail, err := tx.CustomerFindByEmail(ctx, dbq.CustomerFindByEmailParams{TenantID: salonID, Email: in.Email})
	if err != nil {
		return Customer{}, false, err
	}
	if len(byEmail) > 0 {
		return fromRow(byEmail[0]), false, nil
	}
	if in.Phone != "" {
		byPhone, err := tx.CustomerFindByPhone(ctx, dbq.CustomerFindByPhoneParams{TenantID: salonID, Phone: in.Phone})
		if err != nil {
			return Customer{}, false, err
		}
		if len(byPhone) > 0 {
			return fromRow(byPhone[0]), false, nil
		}
	}
	r, err := tx.CustomerCreate(ctx, dbq.CustomerCreateParams{TenantID: salonID, FirstName: in.FirstName, LastName: in.LastName,
		Phone: in.Phone, Email: in.Email})
	if err != nil {
		return Customer{}, false, err
	}
	// A client who books online can use the portal with the email they gave.
	if _, err := tx.CustomerSetPortal(ctx, dbq.CustomerSetPortalParams{TenantID: salonID, ID: r.ID, PortalAccess: "open"}); err != nil {
		return Customer{}, false, err
	}
	return fromRow(r), true, joinDefaultCategoryTx(ctx, tx, salonID, r.ID)
}
