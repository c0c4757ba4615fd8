package journal_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// benchNow is the benchmark's present (09:00 in Paris), far from every
// test's year.
var benchNow = time.Date(2090, time.March, 12, 8, 0, 0, 0, time.UTC)

type fixedClock time.Time

func (c fixedClock) Now() time.Time { return time.Time(c) }

// BenchmarkJournalSweep measures one closure sweep at 1,000 then 2,000
// salons, each with a register that sold every day since late December,
// every day, month and year closed, nothing due: the sweep runs every 10
// minutes, and what it reads must not grow with salons. It reports the rows
// and shared buffers its query reads (EXPLAIN ANALYZE as the platform role
// the sweep runs as).
//
// Measured (2 cores, heavily loaded): reading every register with three
// look-ups of its last closures, 5,000 rows and 12,032 buffers at 1,000
// salons (45 ms a sweep), 10,000 and 24,059 at 2,000 (104 ms); from
// journal_heads_close_due_idx, 0 rows and 7 buffers at 1,000, 0 and 8 at
// 2,000 and at 4,000 (the index's second level, once it outgrows a page).
func BenchmarkJournalSweep(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(ctx, testkit.DatabaseURL(), "")
	require.NoError(b, err)
	b.Cleanup(db.Close)
	sql, err := testkit.GeneratedSQL("journal.sql.go", "journalDueCandidates")
	require.NoError(b, err)
	key, err := journal.NewKey(make([]byte, 32))
	require.NoError(b, err)
	j := &journal.Journal{Key: key, DB: db, Clock: fixedClock(benchNow)}
	testkit.BenchSweep(b, store.PlatformRole, testkit.Sweep{SQL: sql, Args: []any{benchNow}, AddSalons: seedJournalBench, Run: j.CloseDue})
}

// seedJournalBench adds n salons as the database owner with COPY, each with
// one register: two tickets a day from 28 December to yesterday, each day
// closed, December, January and February closed, and last year. Payloads and
// signatures are placeholders: a sweep with nothing due never reads them.
func seedJournalBench(b *testing.B, n int) {
	b.Helper()
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(b, err)
	first := time.Date(2089, time.December, 28, 0, 0, 0, 0, paris)
	today, _ := journal.Bounds(journal.Day, benchNow, paris)
	_, nextMonth := journal.Bounds(journal.Month, benchNow, paris)
	var tenants, heads, entries [][]any
	placeholder := []byte{0}
	for range n {
		t, r := uuid.New(), uuid.New()
		tenants = append(tenants, []any{t, "bench-" + t.String()[:13], "Bench"})
		seq := int64(0)
		add := func(kind string, at time.Time, incl any, period any, from, to any) {
			seq++
			entries = append(entries, []any{t, r, seq, kind, at, placeholder, placeholder, placeholder, "bench", incl, period, from, to})
		}
		closure := func(p journal.Period, from, to time.Time) {
			add("closure", to.Add(5*time.Minute), nil, string(p), from, to)
		}
		var last time.Time
		for day := first; day.Before(today); day = day.AddDate(0, 0, 1) {
			for _, h := range []time.Duration{10 * time.Hour, 16 * time.Hour} {
				last = day.Add(h)
				add("ticket", last, int64(4500), nil, nil, nil)
			}
			_, next := journal.Bounds(journal.Day, day, paris)
			closure(journal.Day, day, next)
			if next.Day() == 1 {
				month, _ := journal.Bounds(journal.Month, day, paris)
				closure(journal.Month, month, next)
				if next.Month() == time.January {
					year, _ := journal.Bounds(journal.Year, day, paris)
					closure(journal.Year, year, next)
				}
			}
		}
		// The next closure due: March's, once the month is over.
		heads = append(heads, []any{r, t, seq, placeholder, first.Add(10 * time.Hour), last, today, nextMonth})
	}
	testkit.CopyTables(b,
		testkit.CopyTable{Name: "tenants", Cols: []string{"id", "slug", "name"}, Rows: tenants},
		testkit.CopyTable{Name: "journal_heads", Cols: []string{"register_id", "tenant_id", "seq", "sig", "first_at", "last_at", "closed_to", "close_due_at"}, Rows: heads},
		testkit.CopyTable{Name: "journal_entries", Cols: []string{"tenant_id", "register_id", "seq", "kind", "at", "payload", "prev_sig", "sig", "key_id", "incl_cents", "period", "period_from", "period_to"}, Rows: entries},
	)
}
