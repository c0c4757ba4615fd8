package server_test

import (
	"encoding/hex"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/protobuf/proto"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestProfilesAreNotServedUnlessAnAdminPortIsSet(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	require.Empty(t, env.Srv.AdminAddr())
	res, err := http.Get(env.URL + "/debug/pprof/goroutine?debug=1")
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusNotFound, res.StatusCode, "never on the public port")
}

func TestProfilesAnswerOnTheAdminPortOnly(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true, Config: func(e map[string]string) { e["ADMIN_ADDR"] = ":0" }})
	addr := env.Srv.AdminAddr()
	host, _, err := net.SplitHostPort(addr)
	require.NoError(t, err)
	require.Equal(t, "127.0.0.1", host, "an address without a host stays on this machine")

	res, err := http.Get("http://" + addr + "/debug/pprof/goroutine?debug=1")
	require.NoError(t, err)
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, string(body), "goroutine profile:")

	res, err = http.Get(env.URL + "/debug/pprof/goroutine?debug=1")
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusNotFound, res.StatusCode, "the public port still has none")
}

// collector is a small OTLP/HTTP receiver: it keeps every span it is sent.
type collector struct {
	mu    sync.Mutex
	spans []*tracepb.Span
}

func (c *collector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	var req coltracepb.ExportTraceServiceRequest
	if err != nil || r.URL.Path != "/v1/traces" || proto.Unmarshal(body, &req) != nil {
		http.Error(w, "bad export", http.StatusBadRequest)
		return
	}
	c.mu.Lock()
	for _, rs := range req.ResourceSpans {
		for _, ss := range rs.ScopeSpans {
			c.spans = append(c.spans, ss.Spans...)
		}
	}
	c.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-protobuf")
	_, _ = w.Write(nil)
}

// inTrace returns the spans of one trace, by name.
func (c *collector) inTrace(traceID []byte) map[string]*tracepb.Span {
	c.mu.Lock()
	defer c.mu.Unlock()
	byName := map[string]*tracepb.Span{}
	for _, s := range c.spans {
		if string(s.TraceId) == string(traceID) {
			byName[s.Name] = s
		}
	}
	return byName
}

// A request traced by its caller (a traceparent header) shows up at the
// collector as one trace: the route's span, the queries it ran, named after
// their sqlc names, and the job it enqueued.
func TestATracedRequestReachesTheCollectorWithItsQueriesAndJobs(t *testing.T) {
	// Not parallel: the SDK reads its batch delay from the process environment.
	t.Setenv("OTEL_BSP_SCHEDULE_DELAY", "50")
	col := &collector{}
	receiver := httptest.NewServer(col)
	defer receiver.Close()
	env := testkit.NewEnv(t, testkit.EnvOptions{Config: func(e map[string]string) { e["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.URL }})
	sal := env.NewSalon("Salon Trace")

	traceHex, parentHex := "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
	traceID, _ := hex.DecodeString(traceHex)
	c := env.NewClient()
	c.CSRF() // the form's page first, outside the trace
	c.Header.Set("traceparent", "00-"+traceHex+"-"+parentHex+"-01")
	p := c.Post("/password/forgot", url.Values{"email": {sal.OwnerEmail}})
	require.Less(t, p.Status, 400)

	var spans map[string]*tracepb.Span
	require.Eventually(t, func() bool {
		spans = col.inTrace(traceID)
		return spans["POST /password/forgot"] != nil && spans["river.insert_many"] != nil
	}, 15*time.Second, 20*time.Millisecond, "spans received: %v", names(col))
	root := spans["POST /password/forgot"]
	require.Equal(t, parentHex, hex.EncodeToString(root.ParentSpanId), "the caller's trace goes on")
	var queries []string
	for name, s := range spans {
		if s.Kind == tracepb.Span_SPAN_KIND_CLIENT && name != "river.insert_many" {
			queries = append(queries, name)
		}
	}
	require.NotEmpty(t, queries)
	require.True(t, hasSQLCName(queries), "queries are named after sqlc's names: %v", queries)
	for _, s := range spans {
		for _, a := range s.Attributes {
			require.NotContains(t, a.GetValue().GetStringValue(), sal.OwnerEmail, "arguments (personal data) stay out of traces")
		}
	}
}

func hasSQLCName(names []string) bool {
	for _, n := range names {
		if n != "BEGIN" && n != "COMMIT" && n != "SELECT" && n != "batch" && strings.ToUpper(n) != n {
			return true
		}
	}
	return false
}

func names(c *collector) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, s := range c.spans {
		out = append(out, s.Name)
	}
	return out
}
