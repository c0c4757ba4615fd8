package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// BenchmarkAgendaDayPage measures the page staff open all day: the day view
// of a salon with 10 staff members, each with 8 visits that day, among 30
// days of such visits (2,400 appointments), rendered through the running
// server as the owner (session, CSRF, the whole handler and template).
func BenchmarkAgendaDayPage(b *testing.B) {
	env := testkit.NewEnv(b, testkit.EnvOptions{NoWorkers: true})
	ctx := context.Background()
	s := env.NewSalon("Institut Charge")
	sal, err := env.Srv.Salons.Get(ctx, s.ID)
	require.NoError(b, err)
	week := availability.Daily(availability.Hours(8, 20))
	require.NoError(b, env.Srv.Salons.SetHours(ctx, s.ID, week))
	svc, err := env.Srv.Catalog.CreateService(ctx, s.ID, catalog.ServiceInput{Name: "Soin", Duration: 45 * time.Minute, Buffer: 15 * time.Minute, PriceCents: 6000})
	require.NoError(b, err)
	var staff []uuid.UUID
	for i := range 10 {
		id, err := env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: fmt.Sprintf("Styliste %d", i+1), Color: i%8 + 1,
			Services: []uuid.UUID{svc}})
		require.NoError(b, err)
		staff = append(staff, id)
	}
	first := time.Now().In(sal.Location()).AddDate(0, 0, 1)
	start := time.Now()
	for d := range 30 {
		day := first.AddDate(0, 0, d)
		for i, st := range staff {
			for h := range 8 {
				_, err := env.Srv.Agenda.Create(ctx, sal, s.OwnerID, agenda.Input{StaffID: st,
					Start: time.Date(day.Year(), day.Month(), day.Day(), 9+h, 0, 0, 0, sal.Location()), ServiceIDs: []uuid.UUID{svc}, Quiet: true,
					Customer: customer.QuickInput{FirstName: fmt.Sprintf("Cliente %d-%d", i, h), LastName: fmt.Sprintf("Jour %d", d)}})
				require.NoError(b, err)
			}
		}
	}
	b.Logf("seeded 2,400 appointments in %s", time.Since(start).Round(time.Millisecond))

	owner := env.Login(s.OwnerEmail)
	path := "/app/agenda?date=" + first.AddDate(0, 0, 14).Format(time.DateOnly)
	page := owner.Get(path)
	require.Equal(b, 200, page.Status)
	require.Equal(b, 80, page.Doc.Find(".agenda-grid .appt").Length(), "10 staff × 8 visits shown")
	req, _ := http.NewRequest(http.MethodGet, env.URL+path, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	req.AddCookie(&http.Cookie{Name: "carnet_session", Value: owner.Cookie("carnet_session")})
	resp, err := http.DefaultTransport.RoundTrip(req)
	require.NoError(b, err)
	wire, _ := io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	b.Logf("day page: %d bytes of HTML, %d on the wire (%s)", len(page.Body), wire, resp.Header.Get("Content-Encoding"))

	b.ResetTimer()
	for b.Loop() {
		// A new request each time: the client's jar adds the session cookie.
		req, _ := http.NewRequest(http.MethodGet, env.URL+path, nil)
		resp, err := owner.Do(req)
		if err != nil || resp.Status != 200 {
			b.Fatalf("day page: %v %d", err, resp.Status)
		}
	}
}
