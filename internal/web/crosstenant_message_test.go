package web_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// messageCrossTenantRoutes: writing to salon B's client from salon A.
var messageCrossTenantRoutes = []crossTenantRoute{
	{method: "POST", pattern: "/app/clients/:id/messages",
		path: func(b victim) string { return "/app/clients/" + b.customerID + "/messages" },
		form: func(victim) url.Values {
			return url.Values{"channel": {"sms"}, "body": {"Bonjour {prenom}"}}
		},
		unchanged: bClientHasNoMessage},
}

func bClientHasNoMessage(t *testing.T, env *testkit.Env, b victim) {
	items, err := env.Srv.Messages.History(t.Context(), b.salon.ID, mustUUID(t, b.customerID), 10)
	require.NoError(t, err)
	for _, m := range items {
		require.NotEqual(t, "manual", m.Kind, "nothing was written to B's client")
	}
}
