package web_test

import (
	"context"
	"fmt"
	"net/http"
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

// publicBench is a salon of 6 services and 3 staff members with a busy day,
// like the demo salon the load tests use, behind a running server.
type publicBench struct {
	env   *testkit.Env
	page  string
	slots string
}

func newPublicBench(b *testing.B) publicBench {
	env := testkit.NewEnv(b, testkit.EnvOptions{NoWorkers: true})
	ctx := context.Background()
	s := env.NewSalon("Institut Vitesse")
	require.NoError(b, env.Srv.Salons.SetHours(ctx, s.ID, availability.Daily(availability.Hours(9, 19))))
	var services []uuid.UUID
	for i := range 6 {
		id, err := env.Srv.Catalog.CreateService(ctx, s.ID, catalog.ServiceInput{Name: fmt.Sprintf("Soin %d", i+1),
			Duration: time.Duration(30+15*i) * time.Minute, PriceCents: int64(3000 + 500*i), OnlineBookable: true,
			Rule: &payment.Rule{Mode: payment.ModeNone}})
		require.NoError(b, err)
		services = append(services, id)
	}
	for i := range 3 {
		_, err := env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: fmt.Sprintf("Styliste %d", i+1), Color: i + 1, Services: services})
		require.NoError(b, err)
	}
	day := env.Clock.Now().AddDate(0, 0, 2).Format(time.DateOnly)
	return publicBench{env: env, page: "/b/" + s.Slug, slots: "/b/" + s.Slug + "/s/" + services[0].String() + "/slots?date=" + day}
}

// loop asks for path b.N times, as a new visitor each time (no cookie), the
// way the load generator does; htmx marks the times fragment's requests.
func (p publicBench) loop(b *testing.B, path string, htmx bool) {
	c := p.env.NewClient()
	if htmx {
		c.Header.Set("HX-Request", "true")
	}
	require.Equal(b, 200, c.Get(path).Status)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		req, _ := http.NewRequest(http.MethodGet, p.env.URL+path, nil)
		req.Header.Set("Accept-Language", "fr-FR,fr;q=0.9")
		// One address per visitor, as behind the load balancer: the times
		// fragment's per-address limit (240/min) is not what is measured.
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.9.%d.%d", n>>8&0xff, n&0xff))
		if htmx {
			req.Header.Set("HX-Request", "true")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("%s: %d", path, resp.StatusCode)
		}
	}
}

// BenchmarkPublicPage and BenchmarkPublicSlots measure the public salon page
// and the times fragment through the running server; with -cpuprofile they
// show where Carnet's own CPU goes (see README « Benchmarks »).
func BenchmarkPublicPage(b *testing.B) {
	p := newPublicBench(b)
	p.loop(b, p.page, false)
}

func BenchmarkPublicSlots(b *testing.B) {
	p := newPublicBench(b)
	p.loop(b, p.slots, true)
}
