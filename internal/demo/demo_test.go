package demo_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/demo"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestTheDemoNeverSends seeds the demo with a real SMTP server (the test
// sink) and a real SMS gateway configured, lets the workers run every job
// and the reminder sweep find the coming visits, and checks that nothing
// went out: every message the demo wrote is in its clients' history as
// skipped, saying why.
func TestTheDemoNeverSends(t *testing.T) {
	var sms atomic.Int64
	gw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		sms.Add(1)
		w.WriteHeader(http.StatusCreated)
	}))
	defer gw.Close()
	env := testkit.NewEnv(t, testkit.EnvOptions{Config: func(v map[string]string) {
		v["SMS_URL"], v["SMS_KEY"] = gw.URL+"/v1/sms", "k"
		require.NotEmpty(t, v["SMTP_URL"], "emails would really go out over SMTP")
	}})
	ctx := context.Background()
	// Tuesday morning: the coming visits are due for their confirmations
	// now and for their reminders within a day.
	env.Clock.Set(time.Date(2026, 12, 8, 8, 0, 0, 0, time.UTC))
	require.NoError(t, demo.Seed(ctx, env.Srv.Accounts, env.Srv.DemoAreas()))

	db, err := pgx.Connect(ctx, testkit.DatabaseURL())
	require.NoError(t, err)
	defer db.Close(ctx)
	var written int
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM messages m JOIN tenants t ON t.id = m.tenant_id WHERE t.slug = $1`,
		demo.Slug).Scan(&written))
	require.Positive(t, written, "the demo's coming visits have their confirmations in the clients' history")

	// The reminder sweep, as the periodic job runs it, a day later.
	env.Clock.Set(time.Date(2026, 12, 9, 8, 0, 0, 0, time.UTC))
	reminded, err := env.Srv.Messages.SendDueReminders(ctx)
	require.NoError(t, err)
	require.Positive(t, reminded, "the sweep did find the demo's visits")

	// Every job the seeding and the sweep queued has run.
	require.Eventually(t, func() bool {
		var pending int
		require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM river.river_job WHERE state NOT IN ('completed', 'cancelled', 'discarded')
			AND kind NOT LIKE 'periodic%'`).Scan(&pending))
		return pending == 0
	}, 20*time.Second, 100*time.Millisecond, "the workers ran every queued job")
	// Nothing is in flight now: a job completes after its send returned, and
	// the SMTP sink and the gateway record a message before answering.

	require.Zero(t, sms.Load(), "no text message reached the gateway")
	require.Empty(t, env.Mail.All(), "no email reached the SMTP server")

	rows, err := db.Query(ctx, `SELECT m.status, m.skip_reason, count(*) FROM messages m JOIN tenants t ON t.id = m.tenant_id
		WHERE t.slug = $1 GROUP BY 1, 2`, demo.Slug)
	require.NoError(t, err)
	got := map[string]int{}
	for rows.Next() {
		var status, reason string
		var n int
		require.NoError(t, rows.Scan(&status, &reason, &n))
		got[status+"/"+reason] = n
	}
	require.NoError(t, rows.Err())
	require.Equal(t, map[string]int{"skipped/demo": got["skipped/demo"]}, got, "every demo message is skipped as the demo's")

	// The owner sees why on a client's record.
	c := env.NewClient()
	require.Equal(t, 303, c.Post("/login", url.Values{"email": {demo.OwnerEmail}, "password": {demo.OwnerPassword}}).Status)
	var customerID string
	require.NoError(t, db.QueryRow(ctx, `SELECT m.customer_id::text FROM messages m JOIN tenants t ON t.id = m.tenant_id
		WHERE t.slug = $1 AND m.channel = 'sms' LIMIT 1`, demo.Slug).Scan(&customerID))
	page := c.Get("/app/clients/" + customerID)
	require.Equal(t, 200, page.Status)
	require.Contains(t, page.Text("body"), "Salon de démonstration : aucun SMS n'est envoyé")
}
