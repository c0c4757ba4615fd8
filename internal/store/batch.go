package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Batch is reads of one unit of work that do not depend on one another,
// sent to Postgres together. A public page makes a dozen small reads: sent
// one by one, the round trips cost more CPU than the queries themselves.
//
// A read is written with the generated queries, as anywhere else, so its SQL
// and its scanning stay sqlc's: Queue runs the read once against a recorder
// to learn its statement, and again on the statement's result once the batch
// has been sent. A Batch is sent once.
type Batch struct {
	reads   []read
	err     error // a read that is not one query
	missing error // a read found no row: the unit of work fails with it
}

type read struct {
	one  bool // QueryRow rather than Query
	sql  string
	args []any
	fn   func(*dbq.Queries) error
}

var (
	errRecorded = errors.New("store: read recorded for a batch")
	errOneRead  = errors.New("store: a batched read must make exactly one query")
)

// Queue adds a read. fn makes exactly one call of the generated queries and
// keeps its result. It runs twice: first on a recorder, where the call fails
// (fn's result is ignored), then when the batch is sent, where the call gets
// its rows; fn's error then fails the unit of work.
func (b *Batch) Queue(fn func(q *dbq.Queries) error) {
	rec := &recorder{}
	_ = fn(dbq.New(rec))
	if rec.calls != 1 || rec.exec {
		b.err = errors.Join(b.err, errOneRead)
		return
	}
	b.reads = append(b.reads, read{one: rec.one, sql: rec.sql, args: rec.args, fn: fn})
}

// queueOn adds b's reads to a pgx batch; a nil b adds none.
func (b *Batch) queueOn(pb *pgx.Batch) error {
	if b == nil {
		return nil
	}
	if b.err != nil {
		return b.err
	}
	for _, r := range b.reads {
		qq := pb.Queue(r.sql, r.args...)
		if r.one {
			qq.QueryRow(func(row pgx.Row) error { return b.run(r, &replay{one: true, sql: r.sql, row: row}) })
		} else {
			qq.Query(func(rows pgx.Rows) error { return b.run(r, &replay{sql: r.sql, rows: rows}) })
		}
	}
	return nil
}

// run replays r on its result. A missing row is kept from pgx, which would
// take it for a failed batch and forget the prepared statements of all of it:
// a page for an unknown address would make the next one prepare them again.
func (b *Batch) run(r read, on *replay) error {
	err := r.fn(dbq.New(on))
	if errors.Is(err, pgx.ErrNoRows) {
		if b.missing == nil {
			b.missing = err
		}
		return nil
	}
	return err
}

// result is the outcome of the unit of work, once pgx has answered err.
func (b *Batch) result(err error) error {
	if err == nil && b != nil {
		err = b.missing
	}
	return err
}

// recorder is a dbq.DBTX that notes the statement a read would send.
type recorder struct {
	calls int
	exec  bool // a batch holds reads only
	one   bool
	sql   string
	args  []any
}

func (r *recorder) note(one bool, sql string, args []any) {
	r.calls++
	r.one, r.sql, r.args = one, sql, args
}

func (r *recorder) Exec(context.Context, string, ...any) (pgconn.CommandTag, error) {
	r.calls++
	r.exec = true
	return pgconn.CommandTag{}, errRecorded
}

func (r *recorder) Query(_ context.Context, sql string, args ...any) (pgx.Rows, error) {
	r.note(false, sql, args)
	return nil, errRecorded
}

func (r *recorder) QueryRow(_ context.Context, sql string, args ...any) pgx.Row {
	r.note(true, sql, args)
	return failedRow{errRecorded}
}

type failedRow struct{ err error }

func (r failedRow) Scan(...any) error { return r.err }

// replay is a dbq.DBTX that answers the recorded read with its batch result.
type replay struct {
	one  bool
	sql  string
	row  pgx.Row
	rows pgx.Rows
	used bool
}

// claim refuses a second call, or a call that is not the recorded one: the
// read would be scanning another statement's result.
func (r *replay) claim(one bool, sql string) error {
	if r.used || one != r.one || sql != r.sql {
		return errOneRead
	}
	r.used = true
	return nil
}

func (r *replay) Exec(context.Context, string, ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, errOneRead
}

func (r *replay) Query(_ context.Context, sql string, _ ...any) (pgx.Rows, error) {
	if err := r.claim(false, sql); err != nil {
		return nil, err
	}
	return r.rows, nil
}

func (r *replay) QueryRow(_ context.Context, sql string, _ ...any) pgx.Row {
	if err := r.claim(true, sql); err != nil {
		return failedRow{err}
	}
	return r.row
}

// Send runs the reads of b in the transaction, in one round trip.
func (t Tx) Send(ctx context.Context, b *Batch) error {
	pb := &pgx.Batch{}
	if err := b.queueOn(pb); err != nil {
		return err
	}
	return b.result(t.raw.SendBatch(ctx, pb).Close())
}

// setTenant makes the rows of one salon visible, until the transaction ends.
const setTenant = "SELECT set_config('app.tenant_id', $1, true)"

// begin opens the unit of work: BEGIN, the salon setting and b's reads in
// one round trip. The transaction is nil when the batch failed.
func begin(ctx context.Context, pool *pgxpool.Pool, tenant string, b *Batch) (pgx.Tx, error) {
	pb := &pgx.Batch{}
	pb.BeginTx(pgx.TxOptions{})
	if tenant != "" {
		pb.Queue(setTenant, tenant)
	}
	if err := b.queueOn(pb); err != nil {
		return nil, err
	}
	res := pool.SendBatch(ctx, pb)
	tx := res.Tx()
	if err := b.result(res.Close()); err != nil {
		_ = tx.Rollback(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("store: begin: %w", mapError(err))
	}
	return tx, nil
}

// readOnly is a unit of work that is b's reads and nothing else: BEGIN, the
// salon setting, the reads and COMMIT in one round trip. Should a statement
// fail, Postgres skips the rest, COMMIT included, and the pool drops the
// connection it finds in a failed transaction: nothing of the salon outlives
// the request.
func readOnly(ctx context.Context, pool *pgxpool.Pool, tenant string, b *Batch) error {
	pb := &pgx.Batch{}
	// Read only: a queued call that writes (a RETURNING query) fails here
	// rather than being committed.
	pb.Queue("begin read only")
	if tenant != "" {
		pb.Queue(setTenant, tenant)
	}
	if err := b.queueOn(pb); err != nil {
		return err
	}
	pb.Queue("commit")
	if err := b.result(pool.SendBatch(ctx, pb).Close()); err != nil {
		return fmt.Errorf("store: read: %w", mapError(err))
	}
	return nil
}
