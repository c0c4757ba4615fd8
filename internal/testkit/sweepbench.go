package testkit

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
)

// Sweep is a periodic job under benchmark: its query (from GeneratedSQL)
// with its arguments, a way to add n salons' worth of rows, and one run.
type Sweep struct {
	SQL       string
	Args      []any
	AddSalons func(b *testing.B, n int)
	Run       func(ctx context.Context) (done int, err error)
}

// BenchSweep measures one run of a sweep with nothing due at 1,000 then
// 2,000 salons, and reports the rows and shared buffers its query reads
// (EXPLAIN ANALYZE as the platform role the sweeps run as): a periodic job
// must not read more when the platform doubles.
func BenchSweep(b *testing.B, role string, s Sweep) {
	ctx := context.Background()
	seeded := 0
	for _, salons := range []int{1000, 2000} {
		s.AddSalons(b, salons-seeded)
		seeded = salons
		b.Run(fmt.Sprintf("salons=%d", salons), func(b *testing.B) {
			cost, plan, err := ExplainAs(ctx, role, s.SQL, s.Args...)
			require.NoError(b, err)
			b.Logf("plan at %d salons:\n%s", salons, plan)
			for b.Loop() {
				n, err := s.Run(ctx)
				require.NoError(b, err)
				require.Zero(b, n, "nothing is due")
			}
			b.ReportMetric(cost.Rows, "rows/sweep")
			b.ReportMetric(cost.Buffers, "buffers/sweep")
		})
	}
}

// CopyTable is rows for COPY into a table; a table without rows is only
// analyzed.
type CopyTable struct {
	Name string
	Cols []string
	Rows [][]any
}

// CopyTables writes benchmark data as the database owner with COPY, in
// order, then VACUUM ANALYZEs each table, as autovacuum would have.
func CopyTables(tb testing.TB, tables ...CopyTable) {
	tb.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pkg.dbURL)
	require.NoError(tb, err)
	defer conn.Close(ctx)
	for _, t := range tables {
		if len(t.Rows) > 0 {
			_, err := conn.CopyFrom(ctx, pgx.Identifier{t.Name}, t.Cols, pgx.CopyFromRows(t.Rows))
			require.NoError(tb, err, t.Name)
		}
	}
	for _, t := range tables {
		_, err := conn.Exec(ctx, "VACUUM ANALYZE "+pgx.Identifier{t.Name}.Sanitize())
		require.NoError(tb, err, t.Name)
	}
}
