// Package clients holds the client screens: the list, the record (fiche
// client), its form, technical sheets, categories and their report.
package clients

import (
	"context"
	"net/url"
	"strconv"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/urls"
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
	return urls.Clients() + "?" + q.Encode()
}

// consentText says what a client chose, on which channel, and how.
func consentText(ctx context.Context, c customer.Consent) string {
	key := "consent.withdrawn"
	if c.Granted {
		key = "consent.granted"
	}
	return i18n.T(ctx, key, i18n.T(ctx, "consent.channel."+c.Channel)) + " (" + i18n.T(ctx, "consent.source."+c.Source) + ")"
}
