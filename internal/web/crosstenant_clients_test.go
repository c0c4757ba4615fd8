package web_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// clientCrossTenantRoutes: the client record, ledger, sheets and categories
// routes that take an id, aimed at salon B's rows.
var clientCrossTenantRoutes = []crossTenantRoute{
	{method: "GET", pattern: "/app/clients/:id", path: func(b victim) string { return "/app/clients/" + b.customerID }},
	{method: "GET", pattern: "/app/clients/:id/edit", path: func(b victim) string { return "/app/clients/" + b.customerID + "/edit" }},
	{method: "POST", pattern: "/app/clients/:id", path: func(b victim) string { return "/app/clients/" + b.customerID },
		form:      func(victim) url.Values { return url.Values{"last_name": {"Pirate"}, "payment_mode": {"default"}} },
		unchanged: bClientUntouched},
	{method: "POST", pattern: "/app/clients/:id/ledger", path: func(b victim) string { return "/app/clients/" + b.customerID + "/ledger" },
		form:      func(victim) url.Values { return url.Values{"amount": {"100"}, "direction": {"debt"}, "note": {"x"}} },
		unchanged: bClientUntouched},
	{method: "GET", pattern: "/app/clients/:id/sheets/new", path: func(b victim) string { return "/app/clients/" + b.customerID + "/sheets/new" }},
	{method: "POST", pattern: "/app/clients/:id/sheets", path: func(b victim) string { return "/app/clients/" + b.customerID + "/sheets" },
		form: func(victim) url.Values { return url.Values{"date": {"2099-01-01"}, "products": {"x"}} }},
	{method: "GET", pattern: "/app/sheets/:id", path: func(b victim) string { return "/app/sheets/" + b.sheetID }},
	{method: "POST", pattern: "/app/sheets/:id", path: func(b victim) string { return "/app/sheets/" + b.sheetID },
		form: func(victim) url.Values { return url.Values{"date": {"2099-01-01"}, "products": {"effacé"}} }, unchanged: bSheetUntouched},
	{method: "POST", pattern: "/app/sheets/:id/delete", path: func(b victim) string { return "/app/sheets/" + b.sheetID + "/delete" },
		unchanged: bSheetUntouched},
	{method: "GET", pattern: "/app/sheets/:id/print", path: func(b victim) string { return "/app/sheets/" + b.sheetID + "/print" }},
	{method: "POST", pattern: "/app/clients/categories/:id", path: func(b victim) string { return "/app/clients/categories/" + b.clientCatID },
		form: func(victim) url.Values { return url.Values{"name": {"Pirates"}} }},
	{method: "POST", pattern: "/app/clients/categories/:id/delete", path: func(b victim) string { return "/app/clients/categories/" + b.clientCatID + "/delete" },
		unchanged: func(t *testing.T, env *testkit.Env, b victim) {
			cats, err := env.Srv.Customers.Categories(t.Context(), b.salon.ID)
			require.NoError(t, err)
			require.Len(t, cats, 4)
		}},
}

func bClientUntouched(t *testing.T, env *testkit.Env, b victim) {
	rec, err := env.Srv.Customers.Get(t.Context(), b.salon.ID, mustUUID(t, b.customerID))
	require.NoError(t, err)
	require.Equal(t, "Bêta", rec.LastName)
	require.Zero(t, rec.BalanceCents)
}

func bSheetUntouched(t *testing.T, env *testkit.Env, b victim) {
	sh, err := env.Srv.Customers.Sheet(t.Context(), b.salon.ID, mustUUID(t, b.sheetID))
	require.NoError(t, err)
	require.Equal(t, "Bêta produit secret", sh.Products)
}
