package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

const racers = 50

// TestFiftyConcurrentOverlappingBookingsThroughHTTPLetExactlyOneIn fires 50
// POST /app/appointments at once, for one staff member, at times that all
// overlap each other (60-minute visits starting within 55 minutes).
func TestFiftyConcurrentOverlappingBookingsThroughHTTPLetExactlyOneIn(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	ctx := context.Background()
	s := env.NewSalon("Course")
	svc, err := env.Srv.Catalog.CreateService(ctx, s.ID, catalog.ServiceInput{Name: "Soin", Duration: 60 * time.Minute, PriceCents: 5000})
	require.NoError(t, err)
	staff, err := env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: "Nadia", Color: 1})
	require.NoError(t, err)
	// The race is on 7 January 2031, a working day of the salon, weeks ahead.
	env.Clock.Set(time.Date(2030, 12, 15, 8, 0, 0, 0, time.UTC))
	open := []availability.Range{availability.Hours(9, 19)}
	require.NoError(t, env.Srv.Salons.SetHours(ctx, s.ID, availability.Week{time.Monday: open, time.Tuesday: open, time.Wednesday: open, time.Thursday: open, time.Friday: open}))
	owner := env.Login(s.OwnerEmail)
	csrf := owner.CSRF()

	// Warm the server's pool so the race is between transactions, not connects.
	var warm sync.WaitGroup
	for range 8 {
		warm.Add(1)
		go func() { defer warm.Done(); owner.Get("/app/agenda?date=2031-01-07") }()
	}
	warm.Wait()

	statuses := make([]int, racers)
	bodies := make([]string, racers)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range racers {
		form := url.Values{"_csrf": {csrf}, "staff_id": {staff.String()}, "date": {"2031-01-07"},
			"time": {fmt.Sprintf("10:%02d", (i%12)*5)}, "services": {svc.String()},
			"customer_first_name": {"Client"}, "customer_last_name": {fmt.Sprintf("n°%d", i)}}
		req, err := http.NewRequest("POST", env.URL+"/app/appointments", strings.NewReader(form.Encode()))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("HX-Request", "true")
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			resp, err := owner.Do(req)
			if err != nil {
				statuses[i] = -1
				return
			}
			statuses[i], bodies[i] = resp.Status, resp.Body
		}()
	}
	close(start)
	wg.Wait()

	ok, refused := 0, 0
	for i, st := range statuses {
		switch st {
		case 200: // htmx success answers 200 with HX-Redirect
			ok++
		case 422:
			refused++
			require.Contains(t, bodies[i], "déjà pris", "the refusal says why")
		default:
			t.Fatalf("attempt %d answered %d", i, st)
		}
	}
	require.Equal(t, 1, ok)
	require.Equal(t, racers-1, refused)

	sal, err := env.Srv.Salons.Get(ctx, s.ID)
	require.NoError(t, err)
	v, err := env.Srv.Agenda.Day(ctx, sal, mustDate(t, sal.Location(), "2031-01-07"))
	require.NoError(t, err)
	require.Len(t, v.Columns[0].Appointments, 1, "exactly one appointment in the agenda")
}

// TestRaceHarnessBreaksANaiveCheckThenInsert is the control: the same barrier
// and 50 workers, against a check-then-insert without the database
// constraint, let several overlapping bookings in. Without it, a green race
// test could just mean the workers never ran concurrently.
func TestRaceHarnessBreaksANaiveCheckThenInsert(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg, err := pgxpool.ParseConfig(testkit.DatabaseURL())
	require.NoError(t, err)
	cfg.MaxConns = 10 // as many concurrent transactions as the server's pool allows
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	require.NoError(t, err)
	defer pool.Close()
	table := "naive_" + strings.ReplaceAll(uuid.NewString()[:8], "-", "")
	_, err = pool.Exec(ctx, "CREATE TABLE "+table+" (starts timestamptz, ends timestamptz)")
	require.NoError(t, err)
	defer pool.Exec(ctx, "DROP TABLE "+table) //nolint:errcheck

	var warm sync.WaitGroup
	for range 10 {
		warm.Add(1)
		go func() { defer warm.Done(); _, _ = pool.Exec(ctx, "SELECT 1") }()
	}
	warm.Wait()

	var inserted atomic.Int32
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			tx, err := pool.Begin(ctx)
			if err != nil {
				return
			}
			defer tx.Rollback(ctx) //nolint:errcheck
			from := fmt.Sprintf("2031-01-07 10:%02d+01", (i%12)*5)
			var n int
			if err := tx.QueryRow(ctx, "SELECT count(*) FROM "+table+" WHERE starts < $1::timestamptz + interval '60 minutes' AND ends > $1::timestamptz", from).Scan(&n); err != nil || n > 0 {
				return
			}
			// A real request does work between its check and its insert
			// (services, customer, prices): 20 ms of it.
			if _, err := tx.Exec(ctx, "SELECT pg_sleep(0.02)"); err != nil {
				return
			}
			if _, err := tx.Exec(ctx, "INSERT INTO "+table+" VALUES ($1::timestamptz, $1::timestamptz + interval '60 minutes')", from); err == nil && tx.Commit(ctx) == nil {
				inserted.Add(1)
			}
		}()
	}
	close(start)
	wg.Wait()
	require.Greater(t, inserted.Load(), int32(1), "the naive path double-books under the same load")
	t.Logf("naive check-then-insert let %d of %d overlapping bookings in", inserted.Load(), racers)
}
