package booking_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// benchNow is the benchmark's present, far from every test's time.
var benchNow = time.Date(2090, time.March, 12, 8, 0, 0, 0, time.UTC)

type fixedClock time.Time

func (c fixedClock) Now() time.Time { return time.Time(c) }

// BenchmarkHoldSweep measures one hold sweep at 1,000 then 2,000 salons,
// each with a history of online bookings and two clients paying right now,
// no hold expired: the sweep runs every 30 seconds, and what it reads must
// not grow with salons. It reports the rows and shared buffers its query
// reads (EXPLAIN ANALYZE as the platform role the sweep runs as).
//
// Measured (2 cores, heavily loaded): driven by bookings awaiting payment,
// the plan read appointments whole, 202,000 rows and 3,888 buffers at 1,000
// salons, 404,000 and 7,773 at 2,000; from appointments_hold_idx, 0 rows and
// 2 buffers at both.
func BenchmarkHoldSweep(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(ctx, testkit.DatabaseURL(), "")
	require.NoError(b, err)
	b.Cleanup(db.Close)
	sql, err := testkit.GeneratedSQL("booking.sql.go", "bookingExpiredHolds")
	require.NoError(b, err)
	bk := &booking.Booking{DB: db, Clock: fixedClock(benchNow)}
	seeded := 0
	for _, salons := range []int{1000, 2000} {
		seedHoldBench(b, salons-seeded)
		seeded = salons
		b.Run(fmt.Sprintf("salons=%d", salons), func(b *testing.B) {
			cost, plan, err := testkit.ExplainAs(ctx, store.PlatformRole, sql, benchNow, nil)
			require.NoError(b, err)
			b.Logf("plan at %d salons:\n%s", salons, plan)
			for b.Loop() {
				n, err := bk.ReleaseExpired(ctx)
				require.NoError(b, err)
				require.Zero(b, n, "no hold has expired")
			}
			b.ReportMetric(cost.Rows, "rows/sweep")
			b.ReportMetric(cost.Buffers, "buffers/sweep")
		})
	}
}

// seedHoldBench adds n salons as the database owner with COPY: two staff
// members, 20 clients, 200 visits booked online over the past weeks (one in
// ten released unpaid) and two holds being paid, expiring in 5 and 10 minutes.
func seedHoldBench(b *testing.B, n int) {
	b.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, testkit.DatabaseURL())
	require.NoError(b, err)
	defer conn.Close(ctx)
	var tenants, staff, clients, appts, bookings [][]any
	for range n {
		t := uuid.New()
		tenants = append(tenants, []any{t, "bench-" + t.String()[:13], "Bench"})
		st := []uuid.UUID{uuid.New(), uuid.New()}
		for i, id := range st {
			staff = append(staff, []any{id, t, fmt.Sprintf("Styliste %d", i+1)})
		}
		var cl []uuid.UUID
		for range 20 {
			cl = append(cl, uuid.New())
			clients = append(clients, []any{cl[len(cl)-1], t, "Léa", "Banc", "fr"})
		}
		for i := range 202 {
			start := benchNow.Add(time.Duration(i/2)*(4*time.Hour) - 400*time.Hour)
			status, hold, bstatus := "done", any(nil), "confirmed"
			switch {
			case i >= 200:
				status, hold, bstatus = "pending", benchNow.Add(time.Duration(i-199)*5*time.Minute), "awaiting_payment"
			case i%10 == 0:
				status, bstatus = "cancelled", "expired"
			}
			a := uuid.New()
			appts = append(appts, []any{a, t, st[i%2], cl[i%20], start, start.Add(45 * time.Minute), start.Add(time.Hour), status, "online", hold})
			bookings = append(bookings, []any{uuid.New(), t, a, cl[i%20], "lea@example.com", "deposit", int64(1500), "EUR", bstatus, "Politique", "h", benchNow})
		}
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"tenants", []string{"id", "slug", "name"}, tenants},
		{"staff_members", []string{"id", "tenant_id", "name"}, staff},
		{"customers", []string{"id", "tenant_id", "first_name", "last_name", "lang"}, clients},
		{"appointments", []string{"id", "tenant_id", "staff_id", "customer_id", "starts_at", "ends_at", "busy_until", "status", "source", "hold_expires_at"}, appts},
		{"bookings", []string{"id", "tenant_id", "appointment_id", "customer_id", "email", "payment_mode", "amount_due_cents", "currency", "status",
			"policy_text", "policy_hash", "consent_at"}, bookings},
	} {
		_, err := conn.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows))
		require.NoError(b, err, c.table)
	}
	for _, t := range []string{"tenants", "staff_members", "customers", "appointments", "bookings"} {
		_, err := conn.Exec(ctx, "VACUUM ANALYZE "+t) // autovacuum's steady state
		require.NoError(b, err)
	}
}
