package testkit

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The test webhook secrets (platform endpoint and Connect endpoint).
const (
	StripeWebhookSecret        = "whsec_test_platform"
	StripeConnectWebhookSecret = "whsec_test_connect"
)

var stripeMock struct {
	once sync.Once
	url  string
	cmd  *exec.Cmd
	err  error
}

// stripeMockURL starts stripe-mock (pinned in go.mod as a tool) once per test
// package and returns its address.
func stripeMockURL(t testing.TB) string {
	t.Helper()
	stripeMock.once.Do(func() {
		dir, err := os.MkdirTemp("", "stripe-mock")
		if err != nil {
			stripeMock.err = err
			return
		}
		bin := filepath.Join(dir, "stripe-mock")
		build := exec.Command("go", "build", "-o", bin, "github.com/stripe/stripe-mock")
		if out, err := build.CombinedOutput(); err != nil {
			stripeMock.err = fmt.Errorf("build stripe-mock: %v\n%s", err, out)
			return
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			stripeMock.err = err
			return
		}
		port := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		stripeMock.cmd = exec.Command(bin, "-http-port", fmt.Sprint(port))
		if err := stripeMock.cmd.Start(); err != nil {
			stripeMock.err = err
			return
		}
		stripeMock.url = fmt.Sprintf("http://127.0.0.1:%d", port)
		// stripe-mock parses Stripe's whole OpenAPI spec before it listens:
		// seconds on a quiet machine, far more on a loaded CI runner.
		for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); {
			if c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), 200*time.Millisecond); err == nil {
				c.Close()
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		stripeMock.err = fmt.Errorf("stripe-mock did not start on port %d", port)
	})
	require.NoError(t, stripeMock.err)
	return stripeMock.url
}

func stopStripeMock() {
	if stripeMock.cmd != nil && stripeMock.cmd.Process != nil {
		_ = stripeMock.cmd.Process.Kill()
		_ = stripeMock.cmd.Wait()
	}
}

// StripeCall is one request Carnet sent to Stripe.
type StripeCall struct {
	Method, Path   string
	Account        string // the Stripe-Account header (Connect)
	IdempotencyKey string
	Form           url.Values
}

// StripeRecorder keeps every call, because stripe-mock answers fixtures and
// does not echo amounts or metadata: tests assert on what was sent.
//
// Each test server has its own recorder (Calls: what this server sent), and
// every recorder also writes to one log per test package (CallsOn): jobs are
// picked up by whichever test's server is free, so calls made by background
// work are found by the salon's connected account, never by order.
type StripeRecorder struct {
	mu    sync.Mutex
	calls []StripeCall
	next  http.RoundTripper
}

var packageLog = struct {
	sync.Mutex
	calls []StripeCall
	stubs map[string]func(StripeCall) (int, string, bool)
}{stubs: map[string]func(StripeCall) (int, string, bool){}}

// Stub answers a connected account's matching calls itself instead of
// stripe-mock: a way to make Stripe say what its simulator never says (a card
// the bank wants 3-D Secure for).
func (r *StripeRecorder) Stub(account string, fn func(StripeCall) (status int, body string, ok bool)) {
	packageLog.Lock()
	defer packageLog.Unlock()
	packageLog.stubs[account] = fn
}

// RoundTrip records and forwards to stripe-mock (or answers with a stub).
func (r *StripeRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	form, _ := url.ParseQuery(string(body))
	if req.Method == http.MethodGet {
		form = req.URL.Query()
	}
	call := StripeCall{Method: req.Method, Path: req.URL.Path, Account: req.Header.Get("Stripe-Account"),
		IdempotencyKey: req.Header.Get("Idempotency-Key"), Form: form}
	r.mu.Lock()
	r.calls = append(r.calls, call)
	r.mu.Unlock()
	packageLog.Lock()
	packageLog.calls = append(packageLog.calls, call)
	stub := packageLog.stubs[call.Account]
	packageLog.Unlock()
	if stub != nil {
		if status, body, ok := stub(call); ok {
			return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"application/json"}},
				Body: io.NopCloser(strings.NewReader(body)), Request: req}, nil
		}
	}
	return r.next.RoundTrip(req)
}

// Calls returns what this server sent to a path (e.g. "/v1/checkout/sessions").
func (r *StripeRecorder) Calls(path string) []StripeCall {
	r.mu.Lock()
	defer r.mu.Unlock()
	return filter(r.calls, func(c StripeCall) bool { return c.Path == path })
}

// CallsOn returns every call made on a connected account to a path, by any
// server of the test package (background jobs included).
func (r *StripeRecorder) CallsOn(account, path string) []StripeCall {
	packageLog.Lock()
	defer packageLog.Unlock()
	return filter(packageLog.calls, func(c StripeCall) bool { return c.Path == path && c.Account == account })
}

func filter(calls []StripeCall, keep func(StripeCall) bool) []StripeCall {
	var out []StripeCall
	for _, c := range calls {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
}
