package web_test

import (
	"bytes"
	"context"
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestPublicPagesCostOneRoundTrip: the public pages are the busiest of all
// and, on a small machine, their cost is mostly round trips to Postgres, not
// queries. Once the salon's slug is known (remembered for a few seconds),
// each is one round trip for everything, even after an unknown address (a
// failed batch would make pgx forget its prepared statements).
func TestPublicPagesCostOneRoundTrip(t *testing.T) {
	t.Parallel()
	pg := newTurnCounter(t)
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true, Config: func(v map[string]string) {
		v["DATABASE_URL"] = pg.url(v["DATABASE_URL"])
	}})
	sal := env.NewSalon("Institut Aller-Retour")
	ctx := context.Background()
	week := availability.Daily(availability.Hours(9, 19))
	require.NoError(t, env.Srv.Salons.SetHours(ctx, sal.ID, week))
	svc, err := env.Srv.Catalog.CreateService(ctx, sal.ID, catalog.ServiceInput{Name: "Soin", Duration: 60 * time.Minute, PriceCents: 5000,
		OnlineBookable: true, Rule: &payment.Rule{Mode: payment.ModeNone}})
	require.NoError(t, err)
	_, err = env.Srv.Team.Save(ctx, sal.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 2, Services: []uuid.UUID{svc}})
	require.NoError(t, err)

	day := env.Clock.Now().AddDate(0, 0, 2).Format(time.DateOnly)
	service := "/b/" + sal.Slug + "/s/" + svc.String()
	c := env.NewClient()
	for _, path := range []string{"/b/" + sal.Slug, service, service + "/slots?date=" + day} {
		require.Equal(t, 200, c.Get(path).Status, path) // prepares the statements
		require.Equal(t, 404, c.Get("/b/no-such-salon").Status)
		pg.reset()
		require.Equal(t, 200, c.Get(path).Status, path)
		require.Equal(t, int64(1), pg.turns(), "round trips to Postgres for %s", path)
	}
}

// turnCounter is a TCP proxy in front of Postgres that counts round trips:
// each time a client speaks again after Postgres has answered.
type turnCounter struct {
	ln    net.Listener
	to    string
	count atomic.Int64
}

func newTurnCounter(t *testing.T) *turnCounter {
	t.Helper()
	u, err := url.Parse(testkit.DatabaseURL())
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	tc := &turnCounter{ln: ln, to: u.Host}
	t.Cleanup(func() { _ = ln.Close() })
	go tc.serve()
	return tc
}

// url is dbURL through the proxy.
func (tc *turnCounter) url(dbURL string) string {
	u, _ := url.Parse(dbURL)
	u.Host = tc.ln.Addr().String()
	return u.String()
}

func (tc *turnCounter) reset()       { tc.count.Store(0) }
func (tc *turnCounter) turns() int64 { return tc.count.Load() }

func (tc *turnCounter) serve() {
	for {
		client, err := tc.ln.Accept()
		if err != nil {
			return
		}
		go tc.relay(client)
	}
}

func (tc *turnCounter) relay(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("tcp", tc.to)
	if err != nil {
		return
	}
	defer server.Close()
	var mu sync.Mutex
	answered := true // the client speaks first
	done := make(chan struct{}, 2)
	pipe := func(dst, src net.Conn, fromClient bool) {
		defer func() { done <- struct{}{} }()
		buf := make([]byte, 64<<10)
		for {
			n, err := src.Read(buf)
			if n > 0 {
				// The flag changes before the bytes go on: the other side can
				// only answer what it has received.
				mu.Lock()
				// pgxpool pings a connection idle for over a second before
				// lending it: that check is the pool's, not the page's.
				if fromClient && answered && !bytes.Contains(buf[:n], []byte("-- ping")) {
					tc.count.Add(1)
				}
				answered = !fromClient
				mu.Unlock()
				if _, werr := dst.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}
	go pipe(server, client, true)
	go pipe(client, server, false)
	<-done
}
