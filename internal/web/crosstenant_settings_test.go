package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// settingsCrossTenantRoutes: the catalogue, staff and salon settings routes
// that take an id, aimed at salon B's rows. The forms are valid, so only the
// salon check stands between salon A and B's data.
var settingsCrossTenantRoutes = []crossTenantRoute{
	{method: "GET", pattern: "/app/services/:id",
		path: func(b victim) string { return "/app/services/" + b.serviceID }},
	{method: "POST", pattern: "/app/services/:id",
		path: func(b victim) string { return "/app/services/" + b.serviceID },
		form: func(victim) url.Values {
			return url.Values{"name": {"Piraté"}, "duration": {"30"}, "price": {"1"}, "payment_mode": {"default"}}
		},
		unchanged: bServiceIntact},
	{method: "POST", pattern: "/app/services/:id/archive",
		path:      func(b victim) string { return "/app/services/" + b.serviceID + "/archive" },
		unchanged: bServiceIntact},
	{method: "POST", pattern: "/app/services/:id/move",
		path:      func(b victim) string { return "/app/services/" + b.serviceID + "/move" },
		form:      func(victim) url.Values { return url.Values{"direction": {"up"}} },
		unchanged: bServiceIntact},
	{method: "POST", pattern: "/app/categories/:id/move",
		path:      func(b victim) string { return "/app/categories/" + b.categoryID + "/move" },
		form:      func(victim) url.Values { return url.Values{"direction": {"up"}} },
		unchanged: bCategoryIntact},
	{method: "POST", pattern: "/app/categories/:id",
		path:      func(b victim) string { return "/app/categories/" + b.categoryID },
		form:      func(victim) url.Values { return url.Values{"name": {"Piraté"}} },
		unchanged: bCategoryIntact},
	{method: "POST", pattern: "/app/categories/:id/delete",
		path:      func(b victim) string { return "/app/categories/" + b.categoryID + "/delete" },
		unchanged: bCategoryIntact},
	{method: "GET", pattern: "/app/products/:id",
		path: func(b victim) string { return "/app/products/" + b.productID }},
	{method: "POST", pattern: "/app/products/:id",
		path:      func(b victim) string { return "/app/products/" + b.productID },
		form:      func(victim) url.Values { return url.Values{"name": {"Piraté"}, "price": {"1"}, "stock": {"0"}} },
		unchanged: bProductIntact},
	{method: "POST", pattern: "/app/products/:id/archive",
		path:      func(b victim) string { return "/app/products/" + b.productID + "/archive" },
		unchanged: bProductIntact},
	{method: "GET", pattern: "/app/staff/:id",
		path: func(b victim) string { return "/app/staff/" + b.staffID }},
	{method: "POST", pattern: "/app/staff/:id",
		path: func(b victim) string { return "/app/staff/" + b.staffID },
		form: func(victim) url.Values {
			return url.Values{"name": {"Piraté"}, "color": {"1"}, "day1": {"09:00-10:00"}}
		},
		unchanged: bStaffIntact},
	{method: "POST", pattern: "/app/staff/:id/absences",
		path:      func(b victim) string { return "/app/staff/" + b.staffID + "/absences" },
		form:      func(victim) url.Values { return url.Values{"from": {"2099-05-01"}, "reason": {"Piraté"}} },
		unchanged: bAbsenceIntact},
	{method: "POST", pattern: "/app/absences/:id/delete",
		path:      func(b victim) string { return "/app/absences/" + b.absenceID + "/delete" },
		form:      func(b victim) url.Values { return url.Values{"staff_id": {b.staffID}} },
		unchanged: bAbsenceIntact},
	{method: "POST", pattern: "/app/closures/:id/delete",
		path: func(b victim) string { return "/app/closures/" + b.closureID + "/delete" },
		unchanged: func(t *testing.T, env *testkit.Env, b victim) {
			cls, err := env.Srv.Salons.Closures(t.Context(), b.salon.ID, sinceAlways)
			require.NoError(t, err)
			require.Len(t, cls, 1, "B's closure is still there")
		}},
}

// sinceAlways lists past absences and closures too.
var sinceAlways = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func bServiceIntact(t *testing.T, env *testkit.Env, b victim) {
	svc, err := env.Srv.Catalog.Service(t.Context(), b.salon.ID, uuid.MustParse(b.serviceID))
	require.NoError(t, err)
	require.Equal(t, "Soin Bêta", svc.Name)
	require.Equal(t, int64(8000), svc.PriceCents)
	require.False(t, svc.Archived, "B's service is still on B's menu")
}

func bCategoryIntact(t *testing.T, env *testkit.Env, b victim) {
	cats, err := env.Srv.Catalog.Categories(t.Context(), b.salon.ID)
	require.NoError(t, err)
	require.Len(t, cats, 1)
	require.Equal(t, "Bêta soins", cats[0].Name)
}

func bProductIntact(t *testing.T, env *testkit.Env, b victim) {
	p, err := env.Srv.Catalog.Product(t.Context(), b.salon.ID, uuid.MustParse(b.productID))
	require.NoError(t, err, "B's product is still for sale")
	require.Equal(t, "Crème Bêta", p.Name)
}

func bStaffIntact(t *testing.T, env *testkit.Env, b victim) {
	m, err := env.Srv.Team.Member(t.Context(), b.salon.ID, uuid.MustParse(b.staffID))
	require.NoError(t, err)
	require.Equal(t, "Bêta Styliste", m.Name)
	require.Equal(t, 3, m.Color)
	require.True(t, m.Does(uuid.MustParse(b.serviceID)))
	require.Empty(t, m.Hours[1])
}

func bAbsenceIntact(t *testing.T, env *testkit.Env, b victim) {
	abs, err := env.Srv.Team.Absences(t.Context(), b.salon.ID, sinceAlways)
	require.NoError(t, err)
	require.Len(t, abs, 1, "B's staff still has exactly its one absence")
	require.Equal(t, "Bêta congé", abs[0].Reason)
}

// A refused form must not reveal that another salon's id exists: the salon
// check comes before the form's.
func TestCrossTenantRefusedFormsAnswerNotFound(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	a := env.NewSalon("Salon Alpha")
	b := newVictim(t, env)
	staffA := env.Login(a.OwnerEmail)
	bad := url.Values{"name": {""}, "duration": {"x"}, "price": {"x"}, "color": {"99"}, "day1": {"n'importe"}, "from": {"x"}}
	for _, path := range []string{"/app/services/" + b.serviceID, "/app/categories/" + b.categoryID, "/app/products/" + b.productID,
		"/app/staff/" + b.staffID, "/app/staff/" + b.staffID + "/absences"} {
		p := staffA.Post(path, bad)
		require.Equal(t, 404, p.Status, path)
		require.NotContains(t, p.Body, "Bêta", path)
	}
	bServiceIntact(t, env, b)
	bCategoryIntact(t, env, b)
}
