package server_test

import (
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/web"
)

// TestDatabaseOutageAnswersFast503s: while visitors keep coming, Postgres
// restarts, then is unreachable (connections accepted, never answered). Every
// request gets an answer within a few seconds — 503 while the database is
// away, never "not found" — and the first request after it is back succeeds,
// without restarting Carnet.
func TestDatabaseOutageAnswersFast503s(t *testing.T) {
	pg := newPGProxy(t)
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true, Config: func(v map[string]string) {
		v["DATABASE_URL"] = pg.url(v["DATABASE_URL"])
	}})
	sal := env.NewSalon("Salon Coupure")
	owner := env.Login(sal.OwnerEmail)
	session := &http.Cookie{Name: "carnet_session", Value: owner.Cookie("carnet_session")}
	public, app := env.URL+"/b/"+sal.Slug, env.URL+"/app/"
	load := startLoad(t, public, 3)

	outage := func(name, state string, n int, bound time.Duration) {
		t.Helper()
		pg.set(state)
		for _, u := range []string{public, app} {
			st, took := timed(t, u, n, session)
			require.Equal(t, map[int]int{503: n}, st, "%s: %s", name, u)
			require.Less(t, took[len(took)-1], bound, "%s: %s", name, u)
			t.Logf("%s: %s answered 503 in at most %v", name, u, took[len(took)-1].Round(time.Millisecond))
		}
		p := env.NewClient().Get("/b/" + sal.Slug)
		require.Equal(t, 503, p.Status, "%s: the salon is unavailable, not gone", name)
		// The salon's own error page when its slug is still remembered, the
		// generic one when even the slug needs the database: both say "later".
		require.Contains(t, []string{"Le service est momentanément indisponible.",
			"La réservation en ligne est momentanément indisponible"}, p.Text("h1"), name)
	}
	back := func(name string) {
		t.Helper()
		pg.set(pgUp)
		for _, u := range []string{public, app} {
			st, took := timed(t, u, 1, session)
			require.Equal(t, map[int]int{200: 1}, st, "after %s: the first request succeeds: %s", name, u)
			t.Logf("after %s: %s answered 200 in %v", name, u, took[0].Round(time.Millisecond))
		}
	}

	outage("restarting", pgDown, 3, 500*time.Millisecond)
	outage("unreachable", pgUnreachable, 2, 3*time.Second)
	back("restart")
	// Now the pooled connections, busy with the visitors, stop answering
	// too: a unit of work stuck on one gives up after the database budget,
	// not the request's deadline.
	stuck := web.DBBudget + 2*time.Second
	outage("unreachable with pooled connections", pgUnreachable, 1, stuck)
	back("unreachable")

	statuses, slowest := load.stop()
	t.Logf("under load: %v, slowest answer %v", statuses, slowest.Round(time.Millisecond))
	for st := range statuses {
		require.Contains(t, []int{200, 503}, st, "a database outage is 503, never a missing salon")
	}
	require.Less(t, slowest, stuck, "no request hangs")
}

type loadRun struct {
	done     chan struct{}
	wg       sync.WaitGroup
	mu       sync.Mutex
	statuses map[int]int
	slowest  time.Duration
}

// startLoad keeps n visitors requesting url until stop.
func startLoad(t *testing.T, url string, n int) *loadRun {
	l := &loadRun{done: make(chan struct{}), statuses: map[int]int{}}
	client := &http.Client{Timeout: 30 * time.Second}
	for range n {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			for {
				select {
				case <-l.done:
					return
				default:
				}
				start := time.Now()
				res, err := client.Get(url)
				status := -1
				if err == nil {
					_, _ = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					status = res.StatusCode
				}
				took := time.Since(start)
				l.mu.Lock()
				l.statuses[status]++
				l.slowest = max(l.slowest, took)
				l.mu.Unlock()
				select { // a visitor's pause between pages, cut short by stop
				case <-l.done:
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}()
	}
	t.Cleanup(func() { l.stop() })
	return l
}

func (l *loadRun) stop() (map[int]int, time.Duration) {
	select {
	case <-l.done:
	default:
		close(l.done)
	}
	l.wg.Wait()
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.statuses, l.slowest
}
