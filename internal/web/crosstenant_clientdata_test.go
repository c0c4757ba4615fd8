package web_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// clientDataCrossTenantRoutes: export, erasure and merge aimed at salon B's
// client. Merging A's own client with B's is in clients_data_test.go.
var clientDataCrossTenantRoutes = []crossTenantRoute{
	{method: "GET", pattern: "/app/clients/:id/export", path: func(b victim) string { return "/app/clients/" + b.customerID + "/export" }},
	{method: "GET", pattern: "/app/clients/:id/erase", path: func(b victim) string { return "/app/clients/" + b.customerID + "/erase" }},
	{method: "POST", pattern: "/app/clients/:id/erase", path: func(b victim) string { return "/app/clients/" + b.customerID + "/erase" },
		form:      func(victim) url.Values { return url.Values{"confirm_name": {"Cliente Bêta"}} },
		unchanged: bClientNotErased},
	{method: "GET", pattern: "/app/clients/:id/merge", path: func(b victim) string { return "/app/clients/" + b.customerID + "/merge" }},
	{method: "POST", pattern: "/app/clients/:id/merge", path: func(b victim) string { return "/app/clients/" + b.customerID + "/merge" },
		form:      func(b victim) url.Values { return url.Values{"with": {b.customerID}} },
		unchanged: bClientNotErased},
}

func bClientNotErased(t *testing.T, env *testkit.Env, b victim) {
	rec, err := env.Srv.Customers.Get(t.Context(), b.salon.ID, mustUUID(t, b.customerID))
	require.NoError(t, err)
	require.Equal(t, "Bêta", rec.LastName)
	require.False(t, rec.Erased)
	require.Nil(t, rec.MergedInto)
	sheets, err := env.Srv.Customers.Sheets(t.Context(), b.salon.ID, rec.ID)
	require.NoError(t, err)
	require.Len(t, sheets, 1, "B's technical sheet is still there")
}
