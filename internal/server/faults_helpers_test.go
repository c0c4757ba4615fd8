package server_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"os/exec"
	"slices"
	"strconv"
	"syscall"
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

// redisProcess is a Redis of the test's own, which it may stop and restart
// (the shared one serves everybody). Every write is on disk before it is
// acknowledged, so sessions survive a restart as they would in production.
type redisProcess struct {
	t    *testing.T
	port int
	dir  string
	cmd  *exec.Cmd
}

func startRedis(t *testing.T) *redisProcess {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("redis-server is not installed")
	}
	r := &redisProcess{t: t, port: freePort(t), dir: t.TempDir()}
	r.start()
	t.Cleanup(func() { r.kill() })
	return r
}

func (r *redisProcess) url() string { return "redis://127.0.0.1:" + strconv.Itoa(r.port) + "/0" }

func (r *redisProcess) start() {
	r.t.Helper()
	r.cmd = exec.Command("redis-server", "--bind", "127.0.0.1", "--port", strconv.Itoa(r.port), "--dir", r.dir,
		"--save", "", "--appendonly", "yes", "--appendfsync", "always")
	require.NoError(r.t, r.cmd.Start())
	waitListening(r.t, r.port)
}

// pause freezes Redis: connections are still accepted by the kernel, nothing
// is answered — the worst kind of outage, where only timeouts help.
func (r *redisProcess) pause()  { require.NoError(r.t, r.cmd.Process.Signal(syscall.SIGSTOP)) }
func (r *redisProcess) resume() { require.NoError(r.t, r.cmd.Process.Signal(syscall.SIGCONT)) }

func (r *redisProcess) kill() {
	if r.cmd == nil || r.cmd.Process == nil {
		return
	}
	_ = r.cmd.Process.Signal(syscall.SIGCONT)
	_ = r.cmd.Process.Kill()
	_ = r.cmd.Wait()
	r.cmd = nil
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func waitListening(t *testing.T, port int) {
	t.Helper()
	require.Eventually(t, func() bool {
		c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), 100*time.Millisecond)
		if err == nil {
			c.Close()
		}
		return err == nil
	}, 10*time.Second, 20*time.Millisecond)
}

// bookableSalon is a salon open every day with one service offered online.
func bookableSalon(t *testing.T, env *testkit.Env) (testkit.Salon, string) {
	t.Helper()
	sal := env.NewSalon("Salon Panne")
	ctx := context.Background()
	week := availability.Daily(availability.Hours(9, 19))
	require.NoError(t, env.Srv.Salons.SetHours(ctx, sal.ID, week))
	svc, err := env.Srv.Catalog.CreateService(ctx, sal.ID, catalog.ServiceInput{Name: "Soin", Duration: 60 * time.Minute, PriceCents: 5000,
		OnlineBookable: true, Rule: &payment.Rule{Mode: payment.ModeNone}})
	require.NoError(t, err)
	_, err = env.Srv.Team.Save(ctx, sal.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 2, Active: true, Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	return sal, svc.String()
}

// timed sends GET url n times, one after the other, with the given
// cookies, and returns the statuses seen and the latencies, sorted: the time
// to the last byte of the answer.
func timed(t *testing.T, url string, n int, cookies ...*http.Cookie) (map[int]int, []time.Duration) {
	t.Helper()
	statuses := map[int]int{}
	took := make([]time.Duration, 0, n)
	for range n {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		require.NoError(t, err)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		start := time.Now()
		res, err := noRedirect.Do(req)
		require.NoError(t, err)
		_, err = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		require.NoError(t, err)
		took = append(took, time.Since(start))
		statuses[res.StatusCode]++
	}
	slices.Sort(took)
	return statuses, took
}

var noRedirect = &http.Client{Timeout: 30 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func p99(sorted []time.Duration) time.Duration { return sorted[(len(sorted)*99-1)/100] }
