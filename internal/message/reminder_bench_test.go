package message_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// benchNow is the benchmark's present, far from every test's year.
var benchNow = time.Date(2090, time.March, 12, 8, 0, 0, 0, time.UTC)

type fixedClock time.Time

func (c fixedClock) Now() time.Time { return time.Time(c) }

// BenchmarkReminderSweep measures one reminder sweep at 1,000 then 2,000
// salons with a week of visits ahead and four weeks behind, nothing due: the
// sweep runs every minute, and what it reads must not grow with salons.
// It reports the rows and shared buffers its query reads (EXPLAIN ANALYZE as
// the platform role the sweep runs as) and the time of a whole sweep.
//
// Measured (2 cores, heavily loaded): before reminder_due_at, 155,000 rows
// and 2,619 buffers at 1,000 salons, 300,000 rows and 502,126 buffers at
// 2,000; with it, 0 rows and 5 buffers at both.
func BenchmarkReminderSweep(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(ctx, testkit.DatabaseURL(), "")
	require.NoError(b, err)
	b.Cleanup(db.Close)
	sql, err := testkit.GeneratedSQL("message.sql.go", "messageDueReminders")
	require.NoError(b, err)
	o := &message.Outbox{DB: db, Clock: fixedClock(benchNow)}
	testkit.BenchSweep(b, store.PlatformRole, testkit.Sweep{SQL: sql, Args: reminderArgs(benchNow), AddSalons: seedReminderBench, Run: o.SendDueReminders})
}

// reminderArgs are the sweep query's arguments, in the generated order.
func reminderArgs(now time.Time) []any {
	return []any{now, now.Add(-168 * time.Hour), int32(500)}
}

// seedReminderBench adds n salons as the database owner with COPY: three
// staff members, 30 clients, 90 visits over the coming week (those of the
// next 24 hours already reminded) and 360 done over the past four weeks.
func seedReminderBench(b *testing.B, n int) {
	b.Helper()
	var tenants, settings, staff, clients, appts [][]any
	for range n {
		t := uuid.New()
		tenants = append(tenants, []any{t, "bench-" + t.String()[:13], "Bench"})
		settings = append(settings, []any{t})
		var st, cl []uuid.UUID
		for i := range 3 {
			st = append(st, uuid.New())
			staff = append(staff, []any{st[i], t, fmt.Sprintf("Styliste %d", i+1)})
		}
		for range 30 {
			cl = append(cl, uuid.New())
			clients = append(clients, []any{cl[len(cl)-1], t, "Léa", "Banc", "fr"})
		}
		// Each staff member has a visit every 5 h 36: 450 visits over 35 days,
		// 90 of them ahead.
		for i := range 450 {
			start := benchNow.Add(time.Duration(i/3)*(336*time.Minute) - 28*24*time.Hour + 30*time.Minute)
			status, reminded := "done", any(start.Add(-24*time.Hour))
			if start.After(benchNow) {
				status = "booked"
				if start.After(benchNow.Add(24 * time.Hour)) {
					reminded = nil
				}
			}
			appts = append(appts, []any{uuid.New(), t, st[i%3], cl[i%30], start, start.Add(45 * time.Minute), start.Add(time.Hour), status, reminded})
		}
	}
	testkit.CopyTables(b,
		testkit.CopyTable{Name: "tenants", Cols: []string{"id", "slug", "name"}, Rows: tenants},
		testkit.CopyTable{Name: "salon_settings", Cols: []string{"tenant_id"}, Rows: settings},
		testkit.CopyTable{Name: "staff_members", Cols: []string{"id", "tenant_id", "name"}, Rows: staff},
		testkit.CopyTable{Name: "customers", Cols: []string{"id", "tenant_id", "first_name", "last_name", "lang"}, Rows: clients},
		testkit.CopyTable{Name: "appointments", Cols: []string{"id", "tenant_id", "staff_id", "customer_id", "starts_at", "ends_at", "busy_until", "status", "reminder_sent_at"}, Rows: appts},
		testkit.CopyTable{Name: "messages"},
	)
}
