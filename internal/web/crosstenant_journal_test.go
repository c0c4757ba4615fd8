package web_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// journalVictim gives salon B a till register with one journal entry.
func journalVictim(t *testing.T, env *testkit.Env, salonID uuid.UUID) string {
	t.Helper()
	register := uuid.New()
	ev := journal.Event{Name: "register_opened"}
	require.NoError(t, env.Srv.DB.WithTenant(context.Background(), salonID, func(tx store.Tx) error {
		_, err := env.Srv.Journal.Append(context.Background(), tx, journal.Entry{TenantID: salonID, RegisterID: register,
			Kind: journal.KindEvent, At: env.Clock.Now().Add(-time.Hour), Event: &ev})
		return err
	}))
	return register.String()
}

// bJournalIntact: B's register still has its one entry, no closure and no
// export recorded.
func bJournalIntact(t *testing.T, env *testkit.Env, b victim) {
	t.Helper()
	o, err := env.Srv.Journal.Overview(t.Context(), b.salon.ID)
	require.NoError(t, err)
	// B also has the till's own register (crosstenant_till_test.go): only
	// this one's chain is the journal routes' target.
	var entries int64
	for _, c := range o.Chains {
		if c.Register.String() == b.register {
			entries = c.Entries
		}
	}
	require.EqualValues(t, 1, entries, "nothing was added to B's journal")
	require.Empty(t, o.Closures, "no closure was run on B's registers")
}

var journalCrossTenantRoutes = []crossTenantRoute{
	{method: "POST", pattern: "/app/till/journal/:register/close",
		path:      func(b victim) string { return "/app/till/journal/" + b.register + "/close" },
		unchanged: bJournalIntact},
	{method: "POST", pattern: "/app/till/journal/:register/archive",
		path:      func(b victim) string { return "/app/till/journal/" + b.register + "/archive" },
		form:      func(victim) url.Values { return url.Values{"from": {"2000-01-01"}, "to": {"2099-12-31"}} },
		unchanged: bJournalIntact},
}
