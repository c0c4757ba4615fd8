package testkit

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/config"
	"github.com/carnet-salon/carnet/internal/logx"
	"github.com/carnet-salon/carnet/internal/server"
)

// Areas is Carnet assembled for one test without an HTTP server: the areas
// (Srv.Agenda, Srv.Booking…) on the package's database, its own Redis
// prefix, a clock the test moves and the package's mail sink. Tests of an
// area's logic call the area through it; only tests about HTTP need NewEnv.
type Areas struct {
	T      testing.TB
	Srv    *server.Server
	Clock  *clock.Fake
	Mail   *MailSink
	Stripe *StripeRecorder // nil unless AreasOptions.Stripe
	admins sync.Map        // email → *AdminFactor, for NewAdmin's accounts
	logs   *syncBuffer
}

// AreasOptions adjust the assembled areas.
type AreasOptions struct {
	Workers bool                        // run background jobs (emails, refunds, Stripe events)
	Stripe  bool                        // talk to stripe-mock, recording every call
	Config  func(env map[string]string) // change settings before loading them
}

// testBaseURL is where emailed links point when no server listens.
const testBaseURL = "http://carnet.test"

// NewAreas assembles Carnet for the test and closes it when the test ends.
func NewAreas(t testing.TB, opts ...AreasOptions) *Areas {
	t.Helper()
	var o AreasOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	return assemble(t, o, map[string]string{"BASE_URL": testBaseURL})
}

// assemble builds the server from the test settings plus vars (NewEnv adds
// its port and URL), with workers if asked.
func assemble(t testing.TB, o AreasOptions, vars map[string]string) *Areas {
	t.Helper()
	settings := map[string]string{
		"DATABASE_URL":    pkg.dbURL,
		"REDIS_URL":       pkg.redisURL,
		"REDIS_PREFIX":    pkg.redisPrefix + randomHex(4) + ":",
		"SMTP_URL":        "smtp://" + pkg.sink.Addr,
		"MAIL_FROM":       "Carnet <no-reply@carnet.test>",
		"TRUSTED_PROXIES": "127.0.0.1", // test clients pose as distinct visitors through X-Forwarded-For
		"LOG_FORMAT":      "text",
		// Every server of a package runs whichever jobs come: they seal and sign alike.
		"SECRET_KEY": strings.Repeat("5e", 32),
		// The till journal's key: fixed, so no test writes a key file.
		"JOURNAL_KEY": JournalKey,
		// Dozens of servers share two cores under the race detector: a Redis
		// call can wait its turn past production's 100 ms without Redis
		// being down. The fault tests set production's budget themselves.
		"REDIS_TIMEOUT": "2s",
		"DRAIN_DELAY":   "0s", // no load balancer to wait for
	}
	for k, v := range vars {
		settings[k] = v
	}
	var rec *StripeRecorder
	if o.Stripe {
		settings["STRIPE_SECRET_KEY"] = "sk_test_carnet"
		settings["STRIPE_API_BASE"] = stripeMockURL(t)
		settings["STRIPE_WEBHOOK_SECRET"] = StripeWebhookSecret
		settings["STRIPE_CONNECT_WEBHOOK_SECRET"] = StripeConnectWebhookSecret
		rec = &StripeRecorder{next: http.DefaultTransport}
	}
	if o.Config != nil {
		o.Config(settings)
	}
	cfg, err := config.Load(func(k string) string { return settings[k] })
	require.NoError(t, err)

	a := &Areas{T: t, Clock: clock.NewFake(), Mail: pkg.sink, Stripe: rec, logs: &syncBuffer{}}
	ctx := context.Background()
	sopts := server.Options{Log: logx.New(a.logs, "text", slog.LevelInfo), Clock: a.Clock, NoPeriodicJobs: true}
	if rec != nil {
		sopts.StripeHTTP = &http.Client{Transport: rec, Timeout: 10 * time.Second}
	}
	a.Srv, err = server.New(ctx, cfg, sopts)
	require.NoError(t, err)
	if o.Workers {
		require.NoError(t, a.Srv.StartWorkers(ctx))
	}
	// Registered first, so it runs last: after NewEnv's listener has stopped.
	t.Cleanup(func() {
		if o.Workers {
			sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			_ = a.Srv.StopWorkers(sctx)
			cancel()
		}
		a.Srv.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", a.logs.String())
		}
	})
	return a
}
