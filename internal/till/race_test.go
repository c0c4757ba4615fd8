package till_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
)

// paidTickets writes n open tickets of 10 € paid in cash on the register,
// in one statement each, so the race starts from many tickets quickly.
func (b *bundle) paidTickets(t testing.TB, n int) []uuid.UUID {
	t.Helper()
	var ids []uuid.UUID
	err := b.env.Srv.DB.WithTenant(bg, b.salon.ID, func(tx store.Tx) error {
		rows, err := tx.Raw().Query(bg, `INSERT INTO tickets (tenant_id, register_id, day_id, opened_by)
			SELECT $1, $2, d.id, $3 FROM register_days d, generate_series(1, $4)
			WHERE d.tenant_id = $1 AND d.register_id = $2 AND d.closed_at IS NULL RETURNING id`, b.salon.ID, b.register, b.owner, n)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id uuid.UUID
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if _, err := tx.Raw().Exec(bg, `INSERT INTO ticket_lines (tenant_id, ticket_id, position, kind, label, quantity, unit_cents, rate_bp)
			SELECT $1, id, 1, 'free', 'Forfait', 1, 1000, 2000 FROM unnest($2::uuid[]) id`, b.salon.ID, ids); err != nil {
			return err
		}
		_, err = tx.Raw().Exec(bg, `INSERT INTO ticket_payments (tenant_id, ticket_id, method, amount_cents, given_cents)
			SELECT $1, id, 'cash', 1000, 1000 FROM unnest($2::uuid[]) id`, b.salon.ID, ids)
		return err
	})
	require.NoError(t, err)
	require.Len(t, ids, n)
	return ids
}

func TestAThousandConcurrentClosingsNumberTheRegisterWithoutGaps(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ids := b.paidTickets(t, 1000)
	const workers = 16
	var (
		mu      sync.Mutex
		numbers []int64
		start   = make(chan struct{})
		jobs    = make(chan uuid.UUID, len(ids))
		wg      sync.WaitGroup
		errs    = make(chan error, len(ids))
	)
	for _, id := range ids {
		jobs <- id
	}
	close(jobs)
	for range workers {
		wg.Go(func() {
			<-start // every worker starts together
			for id := range jobs {
				n, err := b.till().Close(bg, b.salon.ID, id, b.owner, "EUR")
				if err != nil {
					errs <- err
					continue
				}
				mu.Lock()
				numbers = append(numbers, n)
				mu.Unlock()
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	slices.Sort(numbers)
	require.Len(t, numbers, 1000)
	for i, n := range numbers {
		require.Equal(t, int64(i+1), n, "numbers run 1..1000, each once")
	}
	var stored, distinct int
	err := b.env.Srv.DB.WithTenant(bg, b.salon.ID, func(tx store.Tx) error {
		return tx.Raw().QueryRow(bg, `SELECT count(number), count(DISTINCT number) FROM tickets WHERE register_id = $1`, b.register).Scan(&stored, &distinct)
	})
	require.NoError(t, err)
	require.Equal(t, 1000, stored)
	require.Equal(t, 1000, distinct)
	regs, err := b.till().Registers(bg, b.salon.ID)
	require.NoError(t, err)
	require.Equal(t, int64(1001), regs[0].NextNumber)
}

// BenchmarkCloseTicket closes one paid ticket (a line, a cash payment) per
// iteration: settings, ticket, lines, payments, the register's number, the
// totals and the journal, in one transaction.
func BenchmarkCloseTicket(b *testing.B) {
	bb := setup(b)
	ids := bb.paidTickets(b, b.N)
	b.ResetTimer()
	for i := range b.N {
		if _, err := bb.till().Close(bg, bb.salon.ID, ids[i], bb.owner, "EUR"); err != nil {
			b.Fatal(err)
		}
	}
}
