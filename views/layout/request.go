// Package layout holds the page shell (head, header, navigation, footer) and
// the per-request facts it needs, which the web layer puts in the context.
package layout

import (
	"context"
	"encoding/json"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/urls"
)

// Request is what every page may show about who is looking.
type Request struct {
	CSRF    string
	Path    string // the URL path, to mark the current navigation item
	Query   string // the raw query string, kept by the language switch
	User    *User
	Salon   *Salon
	Salons  int // how many salons the user may switch between
	IsAdmin bool
	Flash   string // i18n key of a one-time confirmation
	Public  *Salon // the salon whose public page this is
	// ViewingAs: a platform admin sees Salon as its owner, read-only.
	ViewingAs bool
}

// User is the logged-in staff member.
type User struct {
	Name, Email string
}

// Salon is the salon the staff member is working in.
type Salon struct {
	Name, Slug, Role string
}

type ctxKey struct{}

// With returns a context carrying the request facts.
func With(ctx context.Context, r *Request) context.Context {
	return context.WithValue(ctx, ctxKey{}, r)
}

// From returns the request facts (never nil).
func From(ctx context.Context) *Request {
	if r, ok := ctx.Value(ctxKey{}).(*Request); ok {
		return r
	}
	return &Request{}
}

// htmx is configured for the strict CSP (no eval, no injected styles), keeps no
// page history in localStorage (client records are personal data), and swaps
// error responses too: a refused form (401, 403, 409, 422) comes back with its
// message, and an error page replaces the page rather than nothing happening.
const htmxConfig = `{"historyCacheSize":0,"allowEval":false,"allowScriptTags":false,"includeIndicatorStyles":false,` +
	`"responseHandling":[{"code":"204","swap":false},{"code":"[23]..","swap":true},{"code":"[45]..","swap":true,"error":true}]}`

func csrfHeaders(ctx context.Context) string {
	b, _ := json.Marshal(map[string]string{"X-CSRF-Token": From(ctx).CSRF})
	return string(b)
}

func lang(ctx context.Context) string { return string(i18n.LangFrom(ctx)) }

// langURL is the current page in another language. It is query-only, so it
// always stays on this site whatever the request's path looked like.
func langURL(ctx context.Context, l string) string {
	r := From(ctx)
	if r.Query == "" {
		return "?lang=" + l
	}
	return "?" + r.Query + "&lang=" + l
}

// current marks the navigation item of the page being shown. The two home
// pages own only themselves (the admin's also the salons it lists), or every
// page would light them up.
func current(ctx context.Context, prefix string) string {
	p := From(ctx).Path
	under := func(pre string) bool { return len(p) > len(pre) && p[:len(pre)+1] == pre+"/" }
	if p == prefix || (prefix == urls.Admin() && under("/admin/salons")) || (prefix != urls.App() && prefix != urls.Admin() && under(prefix)) {
		return "page"
	}
	return "false"
}
