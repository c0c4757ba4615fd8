package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
)

// TestServeDemoOnAnEmptyMachine runs the binary the way the README says:
// with only Postgres and Redis up, `serve --demo` creates its database,
// migrates, seeds, prints the demo logins, and serves them. SIGTERM stops it
// cleanly.
func TestServeDemoOnAnEmptyMachine(t *testing.T) {
	bin := buildBinary(t)
	suffix := randomHex()
	u := freshDatabase(t, suffix)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)

	// The journal's key is made at first start, outside the source tree.
	keyFile := filepath.Join(t.TempDir(), "carnet-journal.key")
	cmd := exec.Command(bin, "serve", "--demo")
	cmd.Env = append(os.Environ(), "DATABASE_URL="+u.String(), "PORT="+fmt.Sprint(port), "BASE_URL="+base,
		"REDIS_PREFIX=test:cmd:"+suffix+":", "LOG_FORMAT=text", "DRAIN_DELAY=2s", "JOURNAL_KEY_FILE="+keyFile)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	// Everything printed before "carnet listening" is handed over once, on ready.
	ready := make(chan string, 1)
	go func() {
		var out strings.Builder
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			out.WriteString(sc.Text() + "\n")
			if strings.Contains(sc.Text(), "carnet listening") {
				ready <- out.String()
			}
		}
		close(ready)
	}()
	var out string
	select {
	case out = <-ready:
	case <-time.After(60 * time.Second):
		t.Fatal("server did not start within 60 s")
	}
	require.Contains(t, out, "carnet listening", "server exited early")
	key, err := os.Stat(keyFile)
	require.NoError(t, err, "the first start made the journal's key")
	require.Equal(t, os.FileMode(0o600), key.Mode().Perm(), "only Carnet's user reads the journal's key")

	owner := regexp.MustCompile(`Salon owner\s+(\S+) / (\S+)`).FindStringSubmatch(out)
	adm := regexp.MustCompile(`Platform admin\s+(\S+) / (\S+)`).FindStringSubmatch(out)
	require.Len(t, owner, 3, "the owner login is printed:\n%s", out)
	require.Len(t, adm, 3, "the admin login is printed")

	home := login(t, base, owner[1], owner[2], "/app")
	require.Contains(t, home, "Institut Démo")
	// The demo's admin is like any other: a second factor before any /admin page.
	require.Contains(t, login(t, base, adm[1], adm[2], "/admin/2fa/setup"), "Activer la double authentification")

	// A deploy: after SIGTERM the load balancer is told to stop sending,
	// and what it still sends, on new connections, is answered.
	fresh := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	get := func(path string) int {
		res, err := fresh.Get(base + path)
		require.NoError(t, err, "answered while draining: %s", path)
		res.Body.Close()
		return res.StatusCode
	}
	require.Equal(t, http.StatusOK, get("/readyz"))
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	require.Eventually(t, func() bool { return get("/readyz") == http.StatusServiceUnavailable }, time.Second, 10*time.Millisecond)
	require.Equal(t, http.StatusOK, get("/b/demo"), "pages are still served during the drain")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		require.NoError(t, err, "a clean exit after SIGTERM")
	case <-time.After(40 * time.Second):
		t.Fatal("no exit after SIGTERM")
	}
}

func TestAdminCreateReadsThePasswordFromStdin(t *testing.T) {
	bin := buildBinary(t)
	suffix := randomHex()
	u := freshDatabase(t, suffix)
	env := append(os.Environ(), "DATABASE_URL="+u.String(), "REDIS_PREFIX=test:cmd:"+suffix+":", "LOG_FORMAT=text",
		"JOURNAL_KEY_FILE="+filepath.Join(t.TempDir(), "carnet-journal.key"))

	weak := exec.Command(bin, "admin", "create", "--email", "ops@carnet.test")
	weak.Env = env
	weak.Stdin = strings.NewReader("short\n")
	require.Error(t, weak.Run(), "a weak password is refused")

	cmd := exec.Command(bin, "admin", "create", "--email", "ops@carnet.test", "--name", "Ops")
	cmd.Env = env
	cmd.Stdin = strings.NewReader("a-long-admin-secret\n")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	require.Contains(t, string(out), "platform admin ops@carnet.test is ready")

	conn, err := pgx.Connect(context.Background(), u.String())
	require.NoError(t, err)
	defer conn.Close(context.Background())
	var n int
	require.NoError(t, conn.QueryRow(context.Background(),
		"SELECT count(*) FROM platform_admins p JOIN users u ON u.id = p.user_id WHERE u.email = 'ops@carnet.test'").Scan(&n))
	require.Equal(t, 1, n)
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "carnet")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	return bin
}

// freshDatabase names a database that does not exist yet and drops it after the test.
func freshDatabase(t *testing.T, suffix string) *url.URL {
	t.Helper()
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	u, _ := url.Parse(admin)
	name := "carnet_cmdtest_" + suffix
	u.Path = "/" + name
	t.Cleanup(func() { dropDatabase(admin, name) })
	return u
}

// login signs in through the real form and returns the page it lands on.
func login(t *testing.T, base, email, password, wantPath string) string {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	resp, err := client.Get(base + "/login")
	require.NoError(t, err)
	resp.Body.Close()
	var csrf string
	bu, _ := url.Parse(base)
	for _, c := range jar.Cookies(bu) {
		if c.Name == "carnet_csrf" {
			csrf = c.Value
		}
	}
	resp, err = client.PostForm(base+"/login", url.Values{"email": {email}, "password": {password}, "_csrf": {csrf}})
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	require.Equal(t, wantPath, resp.Request.URL.Path)
	var b strings.Builder
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		b.WriteString(sc.Text())
	}
	return b.String()
}

func dropDatabase(adminURL, name string) {
	conn, err := pgx.Connect(context.Background(), adminURL)
	if err != nil {
		return
	}
	defer conn.Close(context.Background())
	_, _ = conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
}

func randomHex() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
