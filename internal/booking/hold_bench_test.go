package booking_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
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
	testkit.BenchSweep(b, store.PlatformRole, testkit.Sweep{SQL: sql, Args: []any{benchNow, nil}, AddSalons: seedHoldBench, Run: bk.ReleaseExpired})
}

// seedHoldBench adds n salons as the database owner with COPY: two staff
// members, 20 clients, 200 visits booked online over the past weeks (one in
// ten released unpaid) and two holds being paid, expiring in 5 and 10 minutes.
func seedHoldBench(b *testing.B, n int) {
	b.Helper()
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
	testkit.CopyTables(b,
		testkit.CopyTable{Name: "tenants", Cols: []string{"id", "slug", "name"}, Rows: tenants},
		testkit.CopyTable{Name: "staff_members", Cols: []string{"id", "tenant_id", "name"}, Rows: staff},
		testkit.CopyTable{Name: "customers", Cols: []string{"id", "tenant_id", "first_name", "last_name", "lang"}, Rows: clients},
		testkit.CopyTable{Name: "appointments", Cols: []string{"id", "tenant_id", "staff_id", "customer_id", "starts_at", "ends_at", "busy_until", "status", "source", "hold_expires_at"}, Rows: appts},
		testkit.CopyTable{Name: "bookings", Cols: []string{"id", "tenant_id", "appointment_id", "customer_id", "email", "payment_mode", "amount_due_cents", "currency", "status", "policy_text", "policy_hash", "consent_at"}, Rows: bookings},
	)
}
