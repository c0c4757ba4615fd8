package web_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// victim is salon B and one of everything it owns, for salon A's staff to aim at.
type victim struct {
	salon        testkit.Salon
	invitationID string
	categoryID   string
	serviceID    string
	productID    string
	staffID      string
	absenceID    string
	closureID    string
	appointment  string
	customerID   string
	sheetID      string
	clientCatID  string
	register     string // a till register with a journal entry
	day, nextDay string // the date of B's visit, a month ahead, and the day after
	till         tillVictim
}

// crossTenantRoute is one salon-scoped route aimed at salon B's ids.
type crossTenantRoute struct {
	method, pattern string
	path            func(b victim) string
	form            func(b victim) url.Values
	unchanged       func(t *testing.T, env *testkit.Env, b victim) // B's data is still as it was
}

// crossTenantRoutes lists every /app route that takes an id; each area adds
// its own list (crosstenant_<area>_test.go). TestCrossTenantSuiteCoversEveryRoute
// fails when a route is missing.
var crossTenantRoutes = slices.Concat(coreCrossTenantRoutes, settingsCrossTenantRoutes, agendaCrossTenantRoutes, clientCrossTenantRoutes, portalCrossTenantRoutes,
	messageCrossTenantRoutes, clientDataCrossTenantRoutes, journalCrossTenantRoutes, tillCrossTenantRoutes, farewellCrossTenantRoutes,
	receiptCrossTenantRoutes)

var coreCrossTenantRoutes = []crossTenantRoute{
	{method: "POST", pattern: "/app/team/invitations/:id/revoke",
		path: func(b victim) string { return "/app/team/invitations/" + b.invitationID + "/revoke" },
		unchanged: func(t *testing.T, env *testkit.Env, b victim) {
			invs, err := env.Srv.Accounts.Invitations(t.Context(), b.salon.ID)
			require.NoError(t, err)
			require.Len(t, invs, 1, "B's invitation is still pending")
		}},
	{method: "POST", pattern: "/app/team/members/:id/remove",
		path: func(b victim) string { return "/app/team/members/" + b.salon.OwnerID.String() + "/remove" },
		unchanged: func(t *testing.T, env *testkit.Env, b victim) {
			team, err := env.Srv.Accounts.Team(t.Context(), b.salon.ID)
			require.NoError(t, err)
			require.Len(t, team, 1, "B's owner is still in B's team")
		}},
	{method: "POST", pattern: "/app/salons",
		path: func(victim) string { return "/app/salons" },
		form: func(b victim) url.Values { return url.Values{"salon_id": {b.salon.ID.String()}} }},
}

func TestCrossTenantRoutesAnswerNotFoundAndShowNothing(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	a := env.NewSalon("Salon Alpha")
	b := newVictim(t, env)

	staffA := env.Login(a.OwnerEmail)
	for _, r := range crossTenantRoutes {
		t.Run(r.method+" "+r.pattern, func(t *testing.T) {
			var p *testkit.Page
			if r.method == "GET" {
				p = staffA.Get(r.path(b))
			} else {
				var form url.Values
				if r.form != nil {
					form = r.form(b)
				}
				p = staffA.Post(r.path(b), form)
			}
			require.Equal(t, 404, p.Status)
			require.NotContains(t, p.Body, "Bêta")
			require.NotContains(t, p.Body, b.salon.OwnerEmail)
			if r.unchanged != nil {
				r.unchanged(t, env, b)
			}
		})
	}

	// Pages without ids are scoped by the session: A's staff see only A.
	for _, path := range sessionScopedPages(b) {
		p := staffA.Get(path)
		require.Equal(t, 200, p.Status, path)
		require.NotContains(t, p.Body, "Bêta", path)
		require.NotContains(t, p.Body, b.salon.OwnerEmail, path)
	}
}

func TestCrossTenantSuiteCoversEveryRoute(t *testing.T) {
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	covered := map[string]bool{}
	for _, r := range crossTenantRoutes {
		covered[r.method+" "+r.pattern] = true
	}
	for _, r := range env.Srv.App.GetRoutes(true) {
		if r.Method == "HEAD" || r.Method == "USE" || !strings.HasPrefix(r.Path, "/app") {
			continue
		}
		takesID := strings.Contains(r.Path, ":")
		if takesID || r.Path == "/app/salons" && r.Method == "POST" {
			require.Truef(t, covered[r.Method+" "+r.Path], "route %s %s is not in the cross-tenant suite", r.Method, r.Path)
		}
	}
}
