package server_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestRedisDownCostsMilliseconds: with Redis frozen, then killed, the public
// pages, the times fragment and a booking answer as with Redis up (their rate
// limits fail open, and after one failure Redis is not even asked); the back
// office refuses at once with 503; both come back by themselves.
func TestRedisDownCostsMilliseconds(t *testing.T) {
	rds := startRedis(t)
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true, Config: func(v map[string]string) {
		v["REDIS_URL"] = rds.url()
		v["REDIS_TIMEOUT"] = "100ms" // production's budget, which the figures below are about
	}})
	sal, svc := bookableSalon(t, env)
	owner := env.Login(sal.OwnerEmail)
	session := &http.Cookie{Name: "carnet_session", Value: owner.Cookie("carnet_session")}
	day := env.Clock.Now().AddDate(0, 0, 2).Format(time.DateOnly)
	public := env.URL + "/b/" + sal.Slug
	slots := public + "/s/" + svc + "/slots?date=" + day
	app := env.URL + "/app/"

	_, up := timed(t, public, 100)
	_, upSlots := timed(t, slots, 100)
	// With Redis up the back office answers. On a machine busy enough for one
	// call to overrun the 100 ms budget, the breaker rightly refuses for a
	// moment; what matters here is that it answers once Redis does.
	require.Eventually(t, func() bool {
		st, _ := timed(t, app, 1, session)
		return st[200] == 1
	}, 5*time.Second, 50*time.Millisecond, "the back office answers while Redis is up")

	for _, outage := range []struct {
		name       string
		stop, back func()
	}{
		{"frozen", rds.pause, rds.resume},
		{"killed", rds.kill, rds.start},
	} {
		outage.stop()

		st, office := timed(t, app, 20, session)
		require.Equal(t, map[int]int{503: 20}, st, "%s: the back office refuses, it does not log anyone out", outage.name)
		require.Less(t, office[len(office)-1], 200*time.Millisecond, "%s: the slowest refusal", outage.name)
		p := owner.Get("/app/")
		require.Equal(t, 503, p.Status)
		require.Equal(t, "Le service est momentanément indisponible.", p.Text("h1"), "%s: the owner is told, not logged out", outage.name)

		st, down := timed(t, public, 200)
		require.Equal(t, map[int]int{200: 200}, st, outage.name)
		st, downSlots := timed(t, slots, 200)
		require.Equal(t, map[int]int{200: 200}, st, outage.name)
		// The bound is 50 ms; under the race detector on a busy
		// machine the pages can take that long with Redis up, so the bound
		// grows with what they took then. Waiting on Redis costs 100 ms (our
		// budget) to seconds (go-redis's defaults) and fails either way.
		require.Less(t, p99(down), max(50*time.Millisecond, 2*p99(up)), "%s: public page p99", outage.name)
		require.Less(t, p99(downSlots), max(50*time.Millisecond, 2*p99(upSlots)), "%s: times fragment p99", outage.name)

		c := env.NewClient()
		form := bookForm(t, c, sal.Slug, svc, outage.name)
		start := time.Now()
		p = c.Post("/b/"+sal.Slug+"/s/"+svc+"/book", form)
		booked := time.Since(start)
		require.Equal(t, 303, p.Status, "%s: the booking goes through: %s", outage.name, p.Text(".alert"))
		require.Less(t, booked, time.Second, outage.name)

		outage.back()
		start = time.Now()
		require.Eventually(t, func() bool {
			st, _ := timed(t, app, 1, session)
			return st[200] == 1
		}, 10*time.Second, 50*time.Millisecond, "%s: the back office comes back by itself, the session kept", outage.name)
		t.Logf("%s Redis: public page p99 %v (up: %v), times p99 %v (up: %v), back office 503 max %v, booking %v, back in %v",
			outage.name, p99(down), p99(up), p99(downSlots), p99(upSlots), office[len(office)-1], booked,
			time.Since(start).Round(10*time.Millisecond))
	}
}

// bookForm opens the first free time of a service and fills in its form.
func bookForm(t *testing.T, c *testkit.Client, slug, service, who string) url.Values {
	times := c.Get("/b/" + slug + "/s/" + service)
	require.Equal(t, 200, times.Status)
	href, ok := times.Doc.Find(".slots a").First().Attr("href")
	require.True(t, ok, "a free time")
	page := c.Get(href)
	require.Equal(t, 200, page.Status)
	form := url.Values{"first_name": {"Léa"}, "last_name": {who}, "email": {who + "@example.com"}, "phone": {"06 12 34 56 78"}, "accept_terms": {"1"}}
	for _, name := range []string{"start", "staff", "policy_hash", "request_key"} {
		form.Set(name, page.Value("input[name="+name+"]"))
	}
	return form
}
