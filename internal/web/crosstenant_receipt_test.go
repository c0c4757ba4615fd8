package web_test

import (
	"net/url"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// receiptNotIssued: B's receipt was neither printed nor sent, and B's till
// is as it was.
func receiptNotIssued(t *testing.T, env *testkit.Env, b victim) {
	tillUnchanged(t, env, b)
	prints, sends, err := env.Srv.Till.Issues(t.Context(), b.salon.ID, uuid.MustParse(b.till.receipt))
	require.NoError(t, err)
	require.Zero(t, prints+sends)
}

var receiptCrossTenantRoutes = []crossTenantRoute{
	{method: "POST", pattern: "/app/till/receipts/:id/print", unchanged: receiptNotIssued,
		path: func(b victim) string { return "/app/till/receipts/" + b.till.receipt + "/print" }},
	{method: "POST", pattern: "/app/till/receipts/:id/send/:channel", unchanged: receiptNotIssued,
		path: func(b victim) string { return "/app/till/receipts/" + b.till.receipt + "/send/email" },
		form: func(victim) url.Values { return url.Values{"email": {"vol@example.com"}} }},
}
