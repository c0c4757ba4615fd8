// Package clients holds the client screens: the list, the record (fiche
// client), its form, technical sheets, categories and their report.
package clients

import (
	"fmt"
	"net/url"
	"strconv"

	"github.com/carnet-salon/carnet/internal/customer"
)

// ListView is the client list with its filters.
type ListView struct {
	Q          customer.ListQuery
	Page       customer.Page
	Categories []customer.Category
	Currency   string
	Region     string
}

func (v ListView) url(page int) string {
	q := url.Values{}
	if v.Q.Search != "" {
		q.Set("q", v.Q.Search)
	}
	if v.Q.CategoryID.String() != "00000000-0000-0000-0000-000000000000" {
		q.Set("category", v.Q.CategoryID.String())
	}
	if v.Q.Owes {
		q.Set("owes", "1")
	}
	if v.Q.Sort != "" && v.Q.Sort != "name" {
		q.Set("sort", v.Q.Sort)
	}
	q.Set("page", strconv.Itoa(page))
	return "/app/clients?" + q.Encode()
}

func clientURL(id fmt.Stringer) string { return "/app/clients/" + id.String() }
