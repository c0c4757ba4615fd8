package journal_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestNoSQLChangesAJournalRow: neither the application nor the database's
// owner can update, delete or truncate journal entries.
func TestNoSQLChangesAJournalRow(t *testing.T) {
	t.Parallel()
	b := setup(t)
	register := uuid.New()
	b.doc(t, rand.New(rand.NewPCG(1, 2)), register, b.env.Clock.Now().Add(-time.Hour))
	ctx := context.Background()
	for _, stmt := range []string{
		"UPDATE journal_entries SET payload = 'x'::bytea WHERE register_id = $1",
		"DELETE FROM journal_entries WHERE register_id = $1",
	} {
		err := b.env.Srv.DB.WithTenant(ctx, b.salon, func(tx store.Tx) error {
			_, err := tx.Raw().Exec(ctx, stmt, register)
			return err
		})
		requireRefused(t, err, stmt)
	}
	err := b.env.Srv.DB.WithTenant(ctx, b.salon, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(ctx, "TRUNCATE journal_entries")
		return err
	})
	requireRefused(t, err, "TRUNCATE")

	owner, err := pgx.Connect(ctx, testkit.DatabaseURL())
	require.NoError(t, err)
	defer owner.Close(ctx)
	for _, stmt := range []string{
		"UPDATE journal_entries SET payload = 'x'::bytea WHERE register_id = '" + register.String() + "'",
		"DELETE FROM journal_entries WHERE register_id = '" + register.String() + "'",
		"TRUNCATE journal_entries",
	} {
		_, err := owner.Exec(ctx, stmt)
		require.ErrorContains(t, err, "append-only", "as the owner: %s", stmt)
	}
	var n int
	require.NoError(t, owner.QueryRow(ctx, "SELECT count(*) FROM journal_entries WHERE register_id = $1", register).Scan(&n))
	require.Equal(t, 1, n)
}

// requireRefused: the application role has no right to change the journal
// (and the trigger would refuse it anyway): 42501, insufficient privilege.
func requireRefused(t *testing.T, err error, stmt string) {
	t.Helper()
	var pgErr *pgconn.PgError
	require.ErrorAs(t, err, &pgErr, "as the application: %s", stmt)
	require.Equal(t, "42501", pgErr.Code, "as the application: %s", stmt)
}

// TestConcurrentAppendsMakeOneGaplessChain: 1,000 appends racing on one
// register get the numbers 1 to 1,000 once each, every entry chained to the
// one before (the exported archive verifies).
func TestConcurrentAppendsMakeOneGaplessChain(t *testing.T) {
	t.Parallel()
	b := setup(t)
	register := uuid.New()
	at := b.env.Clock.Now().Add(-time.Minute)
	const n, workers = 1000, 8
	seqs := make(chan int64, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	jobs := make(chan int, n)
	for i := range n {
		jobs <- i
	}
	close(jobs)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start // every worker starts together
			for i := range jobs {
				ev := journal.Event{Name: "till_sign_in", Detail: map[string]string{"n": string(rune('a' + i%26))}}
				var seq int64
				err := b.env.Srv.DB.WithTenant(context.Background(), b.salon, func(tx store.Tx) error {
					var err error
					st, err := b.j.Append(context.Background(), tx, journal.Entry{TenantID: b.salon, RegisterID: register,
						Kind: journal.KindEvent, Event: &ev})
					seq = st.Seq
					return err
				})
				if err != nil {
					t.Error(err)
					return
				}
				seqs <- seq
			}
		}()
	}
	close(start)
	wg.Wait()
	close(seqs)
	seen := map[int64]bool{}
	for s := range seqs {
		require.False(t, seen[s], "number %d given twice", s)
		seen[s] = true
	}
	require.Len(t, seen, n)
	for s := int64(1); s <= n; s++ {
		require.True(t, seen[s], "number %d missing", s)
	}
	archive, err := b.j.Export(context.Background(), b.salon, []uuid.UUID{register}, at.Add(-time.Hour), b.env.Clock.Now().Add(time.Second))
	require.NoError(t, err)
	rep, err := verify(archive)
	require.NoError(t, err)
	require.Equal(t, n, rep.Entries)
}

// BenchmarkAppend measures one entry appended and signed in its own
// transaction, as the application role.
func BenchmarkAppend(b *testing.B) {
	bd := setup(b)
	register := uuid.New()
	rng := rand.New(rand.NewPCG(3, 4))
	d := randomDocument(rng, 1)
	at := bd.env.Clock.Now()
	b.ResetTimer()
	for i := range b.N {
		d.Number = int64(i + 1)
		bd.add(b, journal.Entry{TenantID: bd.salon, RegisterID: register, Kind: journal.KindTicket, At: at, Document: &d})
	}
}

// BenchmarkAppendInOneTransaction is the journal's own cost (canonical
// encoding, signature, the head's lock and the insert), without the commit's
// wait for the disk that BenchmarkAppend pays on every entry: the till's
// ticket pays that commit anyway, the entry rides along.
func BenchmarkAppendInOneTransaction(b *testing.B) {
	bd := setup(b)
	register := uuid.New()
	d := randomDocument(rand.New(rand.NewPCG(3, 4)), 1)
	at := bd.env.Clock.Now()
	ctx := context.Background()
	b.ResetTimer()
	require.NoError(b, bd.env.Srv.DB.WithTenant(ctx, bd.salon, func(tx store.Tx) error {
		for i := range b.N {
			d.Number = int64(i + 1)
			if _, err := bd.j.Append(ctx, tx, journal.Entry{TenantID: bd.salon, RegisterID: register, Kind: journal.KindTicket, At: at, Document: &d}); err != nil {
				return err
			}
		}
		return nil
	}))
}
