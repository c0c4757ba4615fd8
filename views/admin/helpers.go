// Package admin holds the platform admin's screens.
package admin

import (
	"net/url"
	"strconv"

	"github.com/carnet-salon/carnet/internal/admin"
)

func pageURL(q admin.ListQuery, page int) string {
	v := url.Values{}
	if q.Search != "" {
		v.Set("q", q.Search)
	}
	if q.Status != "" {
		v.Set("status", q.Status)
	}
	v.Set("page", strconv.Itoa(page))
	return "/admin?" + v.Encode()
}

func detailText(e admin.Entry) string {
	if r := e.Detail["reason"]; r != "" {
		return r
	}
	return ""
}
