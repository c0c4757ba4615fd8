package web_test

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestPagesCarrySecurityHeadersAndSafeCookies(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	p := env.NewClient().Get("/login")
	csp := p.Header.Get("Content-Security-Policy")
	require.Contains(t, csp, "script-src 'self'")
	require.Contains(t, csp, "frame-ancestors 'none'")
	require.NotContains(t, csp, "unsafe")
	require.Equal(t, "nosniff", p.Header.Get("X-Content-Type-Options"))
	require.Equal(t, "same-origin", p.Header.Get("Referrer-Policy"))
	require.NotEmpty(t, p.Header.Get("X-Request-ID"))

	cookie := p.Header.Get("Set-Cookie")
	require.Contains(t, cookie, "carnet_csrf=")
	require.Contains(t, cookie, "HttpOnly")
	require.Contains(t, strings.ToLower(cookie), "samesite=lax")

	s := env.NewSalon("Cookies")
	c := env.NewClient()
	login := c.Post("/login", map[string][]string{"email": {s.OwnerEmail}, "password": {testkit.Password}})
	var sessionCookie string
	for _, v := range login.Header.Values("Set-Cookie") {
		if strings.HasPrefix(v, "carnet_session=") {
			sessionCookie = v
		}
	}
	require.Contains(t, sessionCookie, "HttpOnly")
	require.Contains(t, strings.ToLower(sessionCookie), "samesite=lax")
	require.Equal(t, "no-store", c.Get("/app").Header.Get("Cache-Control"), "back-office pages are never cached")
}

func TestPagesUseSecureCookiesBehindHTTPS(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true, Config: func(v map[string]string) {
		v["BASE_URL"] = "https://carnet.example.com"
		v["SECRET_KEY"] = strings.Repeat("ab", 32)
	}})
	p := env.NewClient().Get("/login")
	require.Contains(t, strings.ToLower(p.Header.Get("Set-Cookie")), "; secure")
	require.NotEmpty(t, p.Header.Get("Strict-Transport-Security"))
}

func TestHealthReadinessAndMetrics(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	c := env.NewClient()
	require.Equal(t, "ok", c.Get("/healthz").Body)
	ready := c.Get("/readyz")
	require.Equal(t, 200, ready.Status)
	require.JSONEq(t, `{"postgres":"ok","redis":"ok"}`, ready.Body)
	c.Get("/login")
	require.Equal(t, 404, c.Get("/metrics").Status, "a forwarded request is not this machine's scraper")
	resp, err := http.Get(env.URL + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	require.Equal(t, 200, resp.StatusCode)
	require.Contains(t, string(body), `carnet_http_requests_total{method="GET",route="/login",status="200"}`)
	require.Contains(t, string(body), "go_goroutines")
}

func TestReadinessFailsWhenRedisIsUnreachable(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true, Config: func(v map[string]string) {
		v["REDIS_URL"] = "redis://127.0.0.1:1/0"
	}})
	c := env.NewClient()
	ready := c.Get("/readyz")
	require.Equal(t, 503, ready.Status)
	require.JSONEq(t, `{"postgres":"ok","redis":"down"}`, ready.Body)
	require.Equal(t, 200, c.Get("/").Status, "public pages keep working without Redis")
	p := c.PostRaw("/login", map[string][]string{"email": {"a@example.com"}, "password": {"whatever-it-is"}, "_csrf": {c.Cookie("carnet_csrf")}})
	require.Equal(t, 503, p.Status, "login fails closed when it cannot count attempts")
}

func TestMetricsWithoutATokenAreForThisMachineOnly(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	// app.Test's connection comes from 0.0.0.0, not from loopback.
	resp, err := env.Srv.App.Test(httptest.NewRequest("GET", "/metrics", nil))
	require.NoError(t, err)
	require.Equal(t, 404, resp.StatusCode)
	resp, err = env.Srv.App.Test(httptest.NewRequest("GET", "/healthz", nil))
	require.NoError(t, err)
	require.Equal(t, 200, resp.StatusCode, "the same connection reaches other routes")
}

func TestMetricsCanRequireAToken(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true, Config: func(v map[string]string) { v["METRICS_TOKEN"] = "s3cret" }})
	require.Equal(t, 401, env.NewClient().Get("/metrics").Status)
	req, _ := http.NewRequest("GET", env.URL+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	require.Equal(t, 200, resp.StatusCode)
	require.Contains(t, string(body), "carnet_http_requests_total")
}

func TestLanguageSwitchIsRemembered(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	c := env.NewClient()
	require.Equal(t, "Connexion", c.Get("/login").Text("h1"))
	require.Equal(t, "Log in", c.Get("/login?lang=en").Text("h1"))
	p := c.Get("/login")
	require.Equal(t, "Log in", p.Text("h1"))
	require.Equal(t, "en", p.Doc.Find("html").AttrOr("lang", ""))
	require.Equal(t, "Connexion", c.Get("/login?lang=fr").Text("h1"))
}

func TestHtmxGetsFragmentsAndBoostedNavigationGetsPages(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	c := env.NewClient()
	c.Header.Set("HX-Request", "true")
	c.Header.Set("HX-Boosted", "true")
	p := c.Get("/signup")
	require.Contains(t, p.Body, "<html", "boosted navigation needs the whole page")
	require.Contains(t, p.Header.Get("Vary"), "HX-Request")

	c.Header.Del("HX-Boosted")
	frag := c.Post("/signup", signupForm("", "bad"))
	require.Equal(t, 422, frag.Status)
	require.NotContains(t, frag.Body, "<html")
	require.Equal(t, 1, frag.Doc.Find("form").Length())
	require.Contains(t, frag.FieldError("slug"), "obligatoire")
}

func TestUnknownPagesAnswerATranslatedNotFound(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	p := env.NewClient().Get("/nowhere")
	require.Equal(t, 404, p.Status)
	require.Contains(t, p.Text("h1"), "Page introuvable")
	require.NotContains(t, p.Body, "Cannot GET", "Fiber's own message never reaches users")
}

func TestClientAddressComesFromTheRightOfForwardedFor(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	// A client that forges a new left-most address on every attempt is still
	// counted under the address our proxy appended: sign-up allows 10 an hour.
	for i := 1; i <= 11; i++ {
		c := env.NewClient()
		c.Header.Set("X-Forwarded-For", fmt.Sprintf("198.51.100.%d, 203.0.113.7", i))
		p := c.Post("/signup", signupForm("", "not-an-email"))
		if i <= 10 {
			require.Equal(t, 422, p.Status, "attempt %d", i)
		} else {
			require.Equal(t, 429, p.Status)
		}
	}
	other := env.NewClient()
	other.Header.Set("X-Forwarded-For", "203.0.113.8")
	require.Equal(t, 422, other.Post("/signup", signupForm("", "not-an-email")).Status, "another visitor is not affected")
}

func TestPagesAndAssetsTravelCompressed(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	// A salon page with 80 services is ~30 KB of HTML: worth compressing.
	ctx := context.Background()
	sal := env.NewSalon("Institut Catalogue")
	var services []uuid.UUID
	for i := range 80 {
		id, err := env.Srv.Catalog.CreateService(ctx, sal.ID, catalog.ServiceInput{Name: fmt.Sprintf("Soin numéro %d", i+1),
			Duration: 30 * time.Minute, PriceCents: 4000, OnlineBookable: true, Rule: &payment.Rule{Mode: payment.ModeNone}})
		require.NoError(t, err)
		services = append(services, id)
	}
	_, err := env.Srv.Team.Save(ctx, sal.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 2, Services: services})
	require.NoError(t, err)

	get := func(path string) *http.Response {
		req, _ := http.NewRequest("GET", env.URL+path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req) // the transport would undo the gzip for us
		require.NoError(t, err)
		t.Cleanup(func() { _ = resp.Body.Close() })
		require.Equal(t, 200, resp.StatusCode, path)
		return resp
	}
	for path, want := range map[string]string{"/b/" + sal.Slug: "Soin numéro 80", "/static/js/htmx-2.0.11.min.js": "htmx"} {
		resp := get(path)
		require.Equal(t, "gzip", resp.Header.Get("Content-Encoding"), path)
		zr, err := gzip.NewReader(resp.Body)
		require.NoError(t, err, path)
		body, err := io.ReadAll(zr)
		require.NoError(t, err, path)
		require.Contains(t, string(body), want, path)
	}
	// A small page arrives in the first round trip anyway: compressing it
	// would only cost the server CPU.
	resp := get("/login")
	require.Empty(t, resp.Header.Get("Content-Encoding"))
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Contains(t, string(body), "<form")
}
