package customer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// ListQuery filters and orders the client list.
type ListQuery struct {
	Search     string
	CategoryID uuid.UUID // Nil: all
	Owes       bool      // only clients with a negative balance
	Sort       string    // name (default), recent, balance, visit
	Page       int       // from 1
}

// PerPage is the client list's page size.
const PerPage = 50

// Row is one line of the client list.
type Row struct {
	ID           uuid.UUID
	FirstName    string
	LastName     string
	Email        string
	Phone        string
	CategoryName string
	BalanceCents int64
	LastVisit    *time.Time
	Portal       string
}

// Name is "Léa Martin".
func (r Row) Name() string { return strings.TrimSpace(r.FirstName + " " + r.LastName) }

// Page is one page of clients.
type Page struct {
	Rows  []Row
	Total int64
	Page  int
	Pages int
}

// SearchKey folds what is typed the way search_text is stored: lower case,
// no accents, so "lea" finds Léa. Phone digits starting with 0 also match
// the stored international form.
func SearchKey(q string) string {
	q = strings.ToLower(strings.TrimSpace(q))
	repl := strings.NewReplacer("à", "a", "â", "a", "ä", "a", "á", "a", "ã", "a", "å", "a", "ç", "c", "é", "e", "è", "e", "ê", "e",
		"ë", "e", "í", "i", "ì", "i", "î", "i", "ï", "i", "ñ", "n", "ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ú", "u",
		"ù", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y", "œ", "o", "æ", "a")
	q = repl.Replace(q)
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		if r == ' ' || r == '.' || r == '-' {
			return -1
		}
		return 'x'
	}, q)
	if len(digits) >= 4 && !strings.Contains(digits, "x") && digits[0] == '0' {
		return digits[1:]
	}
	if !strings.Contains(digits, "x") && digits != "" {
		return digits
	}
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q)
}

// List returns a page of the salon's clients.
func (c *Customers) List(ctx context.Context, salonID uuid.UUID, q ListQuery) (Page, error) {
	if q.Page < 1 {
		q.Page = 1
	}
	switch q.Sort {
	case "recent", "balance", "visit":
	default:
		q.Sort = "name"
	}
	var cat *uuid.UUID
	if q.CategoryID != uuid.Nil {
		cat = &q.CategoryID
	}
	search := ""
	if len([]rune(strings.TrimSpace(q.Search))) >= 2 {
		search = SearchKey(q.Search)
	}
	out := Page{Page: q.Page}
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if err := tx.CustomerListCustomPlans(ctx); err != nil {
			return err
		}
		var err error
		if search != "" {
			out.Rows, out.Total, err = searchTx(ctx, tx, salonID, search, cat, q)
			return err
		}
		rows, err := tx.CustomerList(ctx, dbq.CustomerListParams{TenantID: salonID, CategoryID: cat, Owes: q.Owes,
			Sort: q.Sort, RowLimit: PerPage, RowOffset: int32((q.Page - 1) * PerPage)})
		if err != nil {
			return err
		}
		for _, r := range rows {
			out.Rows = append(out.Rows, Row{ID: r.ID, FirstName: r.FirstName, LastName: r.LastName, Email: r.Email, Phone: r.Phone,
				CategoryName: r.CategoryName, BalanceCents: r.BalanceCents, LastVisit: timePtr(r.LastVisit), Portal: r.PortalAccess})
		}
		if q.Owes {
			out.Total, err = tx.CustomerOwingCount(ctx, dbq.CustomerOwingCountParams{TenantID: salonID, CategoryID: cat})
		} else {
			out.Total, err = tx.CustomerCount(ctx, dbq.CustomerCountParams{TenantID: salonID, CategoryID: cat})
		}
		return err
	})
	if err != nil {
		return Page{}, fmt.Errorf("customer: list: %w", err)
	}
	out.Pages = int((out.Total + PerPage - 1) / PerPage)
	return out, nil
}

// searchTx is the list with a search: the trigram search runs in the
// database function customer_search (schema 0005), which the index serves
// under row-level security.
func searchTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, search string, cat *uuid.UUID, q ListQuery) ([]Row, int64, error) {
	rows, err := tx.CustomerSearchList(ctx, dbq.CustomerSearchListParams{TenantID: salonID, Search: search, CategoryID: cat, Owes: q.Owes,
		Sort: q.Sort, RowLimit: PerPage, RowOffset: int32((q.Page - 1) * PerPage)})
	if err != nil {
		return nil, 0, err
	}
	out := make([]Row, 0, len(rows))
	for _, r := range rows {
		out = append(out, Row{ID: r.ID, FirstName: r.FirstName, LastName: r.LastName, Email: r.Email, Phone: r.Phone,
			CategoryName: r.CategoryName, BalanceCents: r.BalanceCents, LastVisit: timePtr(r.LastVisit), Portal: r.PortalAccess})
	}
	switch {
	case len(rows) > 0:
		return out, rows[0].Total, nil
	case q.Page == 1:
		return out, 0, nil
	}
	total, err := tx.CustomerSearchCount(ctx, dbq.CustomerSearchCountParams{TenantID: salonID, Search: search, CategoryID: cat, Owes: q.Owes})
	return out, total, err
}

func timePtr(v any) *time.Time {
	if t, ok := v.(time.Time); ok {
		return &t
	}
	if t, ok := v.(*time.Time); ok {
		return t
	}
	return nil
}
