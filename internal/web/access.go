package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
)

// Access is who may call a route. routes.go declares one on every route, so
// reading the table tells who may call what; a test holds it to that.
type Access string

// The accesses a route can declare.
const (
	Anyone      Access = "anyone"        // public pages, webhooks, signing in
	SignedIn    Access = "signed-in"     // any signed-in user, before a salon is chosen
	Staff       Access = "staff"         // every member of the session's salon
	Managers    Access = "managers"      // the salon's owners and managers
	AdminSignIn Access = "admin-sign-in" // a platform admin, before the second factor
	Admin       Access = "admin"         // a platform admin, past the second factor
	Client      Access = "client"        // a client signed in to the salon's portal
)

// Declarations maps "METHOD /path" (as Fiber lists routes) to its access.
type Declarations map[string]Access

// Of tells the access declared for a route of the stack.
func (d Declarations) Of(method, path string) (Access, bool) {
	a, ok := d[method+" "+path]
	return a, ok
}

// routeGroup registers routes together with their declared access. The
// guard runs on each route, not as a group's Use: Fiber runs a group's
// middleware for every path under its prefix, so a manager-only group on
// "/app" would close the staff routes too.
type routeGroup struct {
	r      fiber.Router
	prefix string
	access Access
	guard  []fiber.Handler
	decl   Declarations
}

func (g routeGroup) Get(path string, h ...fiber.Handler) fiber.Router {
	g.declare(fiber.MethodHead, path) // Fiber answers HEAD with every GET
	return g.r.Get(path, g.chain(fiber.MethodGet, path, h)...)
}

func (g routeGroup) Post(path string, h ...fiber.Handler) fiber.Router {
	return g.r.Post(path, g.chain(fiber.MethodPost, path, h)...)
}

// Group opens a sub-table under prefix whose middleware runs for every path
// under it (Fiber's Group), declaring a for its routes.
func (g routeGroup) Group(prefix string, a Access, mw ...fiber.Handler) routeGroup {
	return routeGroup{r: g.r.Group(prefix, mw...), prefix: groupPath(g.prefix, prefix), access: a, decl: g.decl}
}

// As declares a narrower access on the same prefix, enforced by guard on
// each of its routes.
func (g routeGroup) As(a Access, guard ...fiber.Handler) routeGroup {
	g.access, g.guard = a, append(append([]fiber.Handler(nil), g.guard...), guard...)
	return g
}

func (g routeGroup) chain(method, path string, h []fiber.Handler) []fiber.Handler {
	g.declare(method, path)
	return append(append([]fiber.Handler(nil), g.guard...), h...)
}

func (g routeGroup) declare(method, path string) {
	g.decl[method+" "+groupPath(g.prefix, path)] = g.access
}

// groupPath joins paths the way Fiber names a group's routes.
func groupPath(prefix, path string) string {
	if path == "" {
		return prefix
	}
	if path[0] != '/' {
		path = "/" + path
	}
	return strings.TrimRight(prefix, "/") + path
}

// onlyManagers refuses a route to members who are neither owner nor manager,
// with the 403 page saying why in the words of the screen (key).
func onlyManagers(key string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if !account.CanManageTeam(member(c).Role) {
			return apperr.New(apperr.Forbidden, key)
		}
		return c.Next()
	}
}
