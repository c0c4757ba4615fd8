package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
)

// instance is one `carnet` process of a test, on its own port.
type instance struct {
	name string
	base string
	cmd  *exec.Cmd
	out  *lockedBuffer
	done chan struct{} // closed once the process has exited
	err  error         // its exit status, set before done is closed
}

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startInstances starts n processes with the same settings (env: database,
// Redis prefix, journal key) at the same moment, each on a port of its own.
func startInstances(t *testing.T, bin string, env []string, names string, args ...string) []*instance {
	t.Helper()
	var insts []*instance
	for _, name := range strings.Split(names, "") {
		base := fmt.Sprintf("http://127.0.0.1:%d", freePort(t))
		u, _ := url.Parse(base)
		cmd := exec.Command(bin, args...)
		cmd.Env = append(slices.Clone(env), "PORT="+u.Port(), "BASE_URL="+base)
		out := &lockedBuffer{}
		cmd.Stdout, cmd.Stderr = out, out
		insts = append(insts, &instance{name: name, base: base, cmd: cmd, out: out, done: make(chan struct{})})
	}
	for _, in := range insts {
		require.NoError(t, in.cmd.Start())
		go func() { in.err = in.cmd.Wait(); close(in.done) }()
	}
	t.Cleanup(func() {
		for _, in := range insts {
			_ = in.cmd.Process.Kill()
			<-in.done
			if t.Failed() {
				t.Logf("--- log of %s:\n%s", in.name, in.out.String())
			}
		}
	})
	return insts
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

var probe = &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}

// ready reports whether the instance's /readyz answers 200.
func (in *instance) ready() bool {
	res, err := probe.Get(in.base + "/readyz")
	if err != nil {
		return false
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode == http.StatusOK
}

// waitReady waits until every instance answers /readyz, failing at once if
// one exits, and with what Postgres sessions wait on if they hang.
func waitReady(t *testing.T, dbURL string, insts []*instance, within time.Duration) {
	t.Helper()
	deadline := time.After(within)
	tick := time.NewTicker(50 * time.Millisecond) // a load balancer's health check, quick
	defer tick.Stop()
	for pending := slices.Clone(insts); ; {
		for _, in := range pending {
			select {
			case <-in.done:
				t.Fatalf("instance %s exited before being ready: %v", in.name, in.err)
			default:
			}
		}
		if pending = slices.DeleteFunc(pending, (*instance).ready); len(pending) == 0 {
			return
		}
		select {
		case <-deadline:
			t.Fatalf("%d instance(s) not ready after %v; Postgres sessions:\n%s", len(pending), within, sessions(dbURL))
		case <-tick.C:
		}
	}
}

// sessions lists what the database's sessions are doing, for a hang's diagnosis.
func sessions(dbURL string) string {
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		return err.Error()
	}
	defer conn.Close(context.Background())
	rows, err := conn.Query(context.Background(), `SELECT pid, state, coalesce(wait_event_type, ''), coalesce(wait_event, ''), left(query, 80)
		FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)
	if err != nil {
		return err.Error()
	}
	var b strings.Builder
	for rows.Next() {
		var pid int
		var state, wt, we, q string
		_ = rows.Scan(&pid, &state, &wt, &we, &q)
		fmt.Fprintf(&b, "  %d %s %s/%s %s\n", pid, state, wt, we, q)
	}
	return b.String()
}

func (in *instance) waitExit(t *testing.T) {
	t.Helper()
	select {
	case <-in.done:
		require.NoError(t, in.err, "instance %s exits cleanly after SIGTERM", in.name)
	case <-time.After(30 * time.Second):
		t.Fatalf("instance %s did not exit within 30 s of SIGTERM", in.name)
	}
}

var clientID = regexp.MustCompile(`client_id=(\S+)`)

// jobClientID is the id the instance's job client runs under, which River
// logs as it starts (its leader table names the leader by it).
func (in *instance) jobClientID(t *testing.T) string {
	t.Helper()
	m := clientID.FindStringSubmatch(in.out.String())
	require.Len(t, m, 2, "instance %s logs its job client's id", in.name)
	return m[1]
}

// browser is a visitor with a cookie jar. Cookies do not care about ports,
// so the same visitor carries its cookies to every instance, as it would
// behind one load balancer's address.
func browser(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	return &http.Client{Jar: jar, Timeout: 10 * time.Second}
}

// csrf is the visitor's CSRF token, fetched from the login page if it has none yet.
func csrf(t *testing.T, c *http.Client, base string) string {
	t.Helper()
	u, _ := url.Parse(base)
	find := func() string {
		for _, k := range c.Jar.Cookies(u) {
			if k.Name == "carnet_csrf" {
				return k.Value
			}
		}
		return ""
	}
	if tok := find(); tok != "" {
		return tok
	}
	get(t, c, base+"/login")
	return find()
}

// get fetches a page and returns its status, final path and body.
func get(t *testing.T, c *http.Client, u string) (int, string, string) {
	t.Helper()
	res, err := c.Get(u)
	require.NoError(t, err)
	return read(t, res)
}

func post(t *testing.T, c *http.Client, base, path string, form url.Values) (int, string, string) {
	t.Helper()
	form.Set("_csrf", csrf(t, c, base))
	res, err := c.PostForm(base+path, form)
	require.NoError(t, err)
	return read(t, res)
}

func read(t *testing.T, res *http.Response) (int, string, string) {
	t.Helper()
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, res.Request.URL.Path, string(body)
}
