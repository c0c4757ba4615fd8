package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/web"
)

func readsOnly(method string) bool { return method == "GET" || method == "HEAD" }

// A route added with app.Post, outside the table's groups, declares nobody
// and fails here; so does a back-office route that changes something while
// declaring itself open to anyone.
func TestEveryRouteDeclaresWhoMayCallIt(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	routes := env.Srv.App.GetRoutes(true)
	require.NotEmpty(t, routes)
	for _, r := range routes {
		a, ok := env.Srv.Routes.Of(r.Method, r.Path)
		require.True(t, ok, "%s %s declares no access in routes.go", r.Method, r.Path)
		if strings.HasPrefix(r.Path, "/app") && !readsOnly(r.Method) {
			require.Contains(t, []web.Access{web.SignedIn, web.Staff, web.Managers}, a,
				"%s %s changes a salon's data: it must declare a role", r.Method, r.Path)
		}
		if strings.HasPrefix(r.Path, "/admin") {
			require.Contains(t, []web.Access{web.AdminSignIn, web.Admin}, a, "%s %s", r.Method, r.Path)
		}
	}
	require.Len(t, env.Srv.Routes, len(routes), "every declaration names a route of the stack")
}

var pathParam = regexp.MustCompile(`:[a-z]+`)

// concrete fills a route's parameters: the role is refused before any id is
// looked up, so any well-formed id does.
func concrete(path string) string { return pathParam.ReplaceAllString(path, uuid.NewString()) }

// Declarations are enforced, not only recorded: every route declared for
// owners and managers refuses a staff member with the 403 page that says so,
// while the staff routes stay open to them.
func TestManagerRoutesRefuseStaffMembersAndStaffRoutesDoNot(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Rôles")
	owner := env.Login(s.OwnerEmail)
	nina := staffMember(t, env, s, owner)

	var managers, staffPages int
	for _, r := range env.Srv.App.GetRoutes(true) {
		a, _ := env.Srv.Routes.Of(r.Method, r.Path)
		path := concrete(r.Path)
		switch {
		case a == web.Managers && r.Method == "GET":
			p := nina.Get(path)
			require.Equal(t, 403, p.Status, "GET %s", r.Path)
			require.Contains(t, p.Text("h1"), "Seuls les", "GET %s", r.Path)
			managers++
		case a == web.Managers && r.Method == "POST":
			p := nina.Post(path, url.Values{"email": {"x@example.com"}, "name": {"X"}})
			require.Equal(t, 403, p.Status, "POST %s", r.Path)
			require.Contains(t, p.Text("h1"), "Seuls les", "POST %s", r.Path)
			managers++
		case a == web.Staff && r.Method == "GET" && path == r.Path:
			require.NotEqual(t, 403, nina.Get(path).Status, "GET %s is for every member", r.Path)
			staffPages++
		}
	}
	require.Greater(t, managers, 30)
	require.Greater(t, staffPages, 15)

	require.Equal(t, 200, owner.Get("/app/settings/notifications").Status)
	require.Equal(t, 200, owner.Get("/app/clients/import").Status)
}
