package web_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// portalCrossTenantRoutes: opening or blocking the portal of salon B's client.
var portalCrossTenantRoutes = []crossTenantRoute{
	{method: "POST", pattern: "/app/clients/:id/portal", path: func(b victim) string { return "/app/clients/" + b.customerID + "/portal" },
		form: func(victim) url.Values { return url.Values{"access": {"open"}} }, unchanged: bPortalUntouched},
}

// bPortalUntouched: B's client still has no portal, and no message went out.
func bPortalUntouched(t *testing.T, env *testkit.Env, b victim) {
	rec, err := env.Srv.Customers.Get(t.Context(), b.salon.ID, mustUUID(t, b.customerID))
	require.NoError(t, err)
	require.Equal(t, "none", rec.PortalAccess)
	var n int
	require.NoError(t, env.Srv.DB.Unscoped(t.Context(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(t.Context(), `SELECT count(*) FROM messages WHERE tenant_id = $1 AND kind = 'portal_access'`, b.salon.ID).Scan(&n)
	}))
	require.Zero(t, n)
}
