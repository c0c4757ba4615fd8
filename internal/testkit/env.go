package testkit

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/config"
	"github.com/carnet-salon/carnet/internal/logx"
	"github.com/carnet-salon/carnet/internal/server"
)

// Env is a running Carnet for one test: its own Redis prefix, the package's
// database and mail sink, a clock the test can move, a real listener.
type Env struct {
	T      testing.TB
	Srv    *server.Server
	URL    string
	Clock  *clock.Fake
	Mail   *MailSink
	Stripe *StripeRecorder // nil unless EnvOptions.Stripe
}

// EnvOptions adjust an environment.
type EnvOptions struct {
	NoWorkers bool                        // do not run background jobs
	Stripe    bool                        // talk to stripe-mock, recording every call
	Config    func(env map[string]string) // change settings before loading them
}

// NewEnv starts Carnet for the test and stops it when the test ends.
func NewEnv(t testing.TB, opts ...EnvOptions) *Env {
	t.Helper()
	var o EnvOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	vars := map[string]string{
		"DATABASE_URL":    pkg.dbURL,
		"REDIS_URL":       pkg.redisURL,
		"REDIS_PREFIX":    pkg.redisPrefix + randomHex(4) + ":",
		"PORT":            strconv.Itoa(port),
		"BASE_URL":        "http://127.0.0.1:" + strconv.Itoa(port),
		"SMTP_URL":        "smtp://" + pkg.sink.Addr,
		"MAIL_FROM":       "Carnet <no-reply@carnet.test>",
		"TRUSTED_PROXIES": "127.0.0.1", // test clients pose as distinct visitors through X-Forwarded-For
		"LOG_FORMAT":      "text",
	}
	var rec *StripeRecorder
	if o.Stripe {
		vars["STRIPE_SECRET_KEY"] = "sk_test_carnet"
		vars["STRIPE_API_BASE"] = stripeMockURL(t)
		vars["STRIPE_WEBHOOK_SECRET"] = StripeWebhookSecret
		vars["STRIPE_CONNECT_WEBHOOK_SECRET"] = StripeConnectWebhookSecret
		rec = &StripeRecorder{next: http.DefaultTransport}
	}
	if o.Config != nil {
		o.Config(vars)
	}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	require.NoError(t, err)

	logs := &syncBuffer{}
	log := logx.New(logs, "text", slog.LevelInfo)
	clk := clock.NewFake()
	ctx := context.Background()
	opts2 := server.Options{Log: log, Clock: clk, NoPeriodicJobs: true}
	if rec != nil {
		opts2.StripeHTTP = &http.Client{Transport: rec, Timeout: 10 * time.Second}
	}
	srv, err := server.New(ctx, cfg, opts2)
	require.NoError(t, err)
	if !o.NoWorkers {
		require.NoError(t, srv.StartWorkers(ctx))
	}
	done := make(chan struct{})
	serveCtx, stop := context.WithCancel(ctx)
	go func() {
		defer close(done)
		_ = srv.Serve(serveCtx, ln)
	}()
	t.Cleanup(func() {
		stop()
		<-done
		if !o.NoWorkers {
			sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			_ = srv.StopWorkers(sctx)
			cancel()
		}
		srv.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	return &Env{T: t, Srv: srv, URL: "http://" + ln.Addr().String(), Clock: clk, Mail: pkg.sink, Stripe: rec}
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
