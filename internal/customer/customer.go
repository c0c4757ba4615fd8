package customer

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/clock"
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
	DB    *store.DB
	Clock clock.Clock // dates the consents kept on the record
}

// QuickInput names a client from the agenda: an existing record, or a name
// and phone for a new (or found-again) one.
type QuickInput struct {
	ID        uuid.UUID // an existing record, uuid.Nil for a name and phone
	FirstName string
	LastName  string
	Phone     string
	Region    string
}

// The field names of QuickInput in field errors.
const (
	QuickFieldName  = "name"
	QuickFieldPhone = "phone"
)

// ResolveTx returns the client the agenda form means: the chosen record, the
// record with the same phone, or a new one.
func ResolveTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, in QuickInput) (Customer, error) {
	if in.ID != uuid.Nil {
		r, err := tx.CustomerGet(ctx, dbq.CustomerGetParams{TenantID: salonID, ID: in.ID})
		return fromRow(r), err
	}
	first, last := strings.TrimSpace(in.FirstName), strings.TrimSpace(in.LastName)
	f := apperr.Fields{}
	if first == "" && last == "" {
		f.Add(QuickFieldName, "customer.name_required")
	}
	phone, ok := NormalizePhone(in.Phone, in.Region)
	if !ok {
		f.Add(QuickFieldPhone, "phone.invalid")
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
	FirstName, LastName, Email, Phone string    // phone already in E.164
	SignedIn                          uuid.UUID // the client signed in to the salon's portal; uuid.Nil for nobody
	Lang                              string    // the page's language: a new record is written to in it
}

// Online is the client a public booking is for.
type Online struct {
	Customer
	// Proven: signed in to the portal, or both the email and the phone are
	// the record's. Only then does the booking join an existing record, and
	// only then do its privileges (a category's discount, a lighter payment
	// rule) apply.
	Proven bool
	// Lookalikes are the other live records with the same email or the same
	// phone. Anyone can type someone's phone: they prove nothing and give
	// nothing, but a restriction of theirs (full prepayment, say) applies.
	Lookalikes []uuid.UUID
}

// IdentifyOnlineTx returns the client booking online: the signed-in client,
// else the record with both this email and this phone, else a new record,
// flagged as a possible duplicate of the first record it looks like, for the
// salon to merge. Clients are never matched across salons.
func IdentifyOnlineTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, in OnlineInput) (Online, error) {
	var who Online
	if in.SignedIn != uuid.Nil {
		r, err := tx.CustomerGet(ctx, dbq.CustomerGetParams{TenantID: salonID, ID: in.SignedIn})
		if err != nil && !store.IsNotFound(err) {
			return Online{}, err
		}
		if err == nil && r.MergedInto == nil && r.ErasedAt == nil {
			who.Customer, who.Proven = fromRow(r), true
		}
	}
	same, err := duplicatesTx(ctx, tx, salonID, who.ID, in.Email, in.Phone)
	if err != nil {
		return Online{}, err
	}
	for _, c := range same {
		if !who.Proven && strings.EqualFold(c.Email, in.Email) && c.Phone == in.Phone {
			who.Customer, who.Proven = c, true
			continue
		}
		who.Lookalikes = append(who.Lookalikes, c.ID)
	}
	if who.Proven {
		return who, nil
	}
	r, err := tx.CustomerCreate(ctx, dbq.CustomerCreateParams{TenantID: salonID, FirstName: in.FirstName, LastName: in.LastName,
		Phone: in.Phone, Email: in.Email, Lang: in.Lang})
	if err != nil {
		return Online{}, err
	}
	who.Customer = fromRow(r)
	if len(who.Lookalikes) > 0 {
		if err := tx.CustomerSetDuplicate(ctx, dbq.CustomerSetDuplicateParams{TenantID: salonID, ID: r.ID, DuplicateOf: &who.Lookalikes[0]}); err != nil {
			return Online{}, err
		}
	}
	// A client who books online can use the portal with the email they gave.
	if _, err := tx.CustomerSetPortal(ctx, dbq.CustomerSetPortalParams{TenantID: salonID, ID: r.ID, PortalAccess: "open"}); err != nil {
		return Online{}, err
	}
	return who, joinDefaultCategoryTx(ctx, tx, salonID, r.ID)
}
