package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"
	"github.com/riverqueue/rivercontrib/otelriver"
	"go.opentelemetry.io/otel/trace"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// The roles the server runs as. Neither owns a table nor has BYPASSRLS.
const (
	AppRole      = "carnet_app"
	PlatformRole = "carnet_platform"
	RiverSchema  = "river"
)

// DB is the server's access to Postgres.
type DB struct {
	app      *pgxpool.Pool // carnet_app: every query is filtered to one salon by RLS
	platform *pgxpool.Pool // carnet_platform: cross-salon, used only through Unscoped
	jobs     *river.Client[pgx.Tx]
}

// Tx is one unit of work: the generated queries bound to a transaction, plus
// the ability to enqueue background jobs that commit or roll back with it.
type Tx struct {
	*dbq.Queries
	raw  pgx.Tx
	jobs *river.Client[pgx.Tx]
}

// Enqueue inserts a background job in the same transaction as the change it follows.
func (t Tx) Enqueue(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) error {
	if _, err := t.jobs.InsertTx(ctx, t.raw, args, opts); err != nil {
		return fmt.Errorf("store: enqueue %s: %w", args.Kind(), err)
	}
	return nil
}

// Savepoint runs fn in a savepoint: when fn fails, its writes alone are
// undone and the transaction goes on (a step that may be refused by a rule
// after it wrote, while what came before must still commit).
func (t Tx) Savepoint(ctx context.Context, fn func(Tx) error) error {
	sp, err := t.raw.Begin(ctx)
	if err != nil {
		return fmt.Errorf("store: savepoint: %w", err)
	}
	if err := fn(Tx{Queries: dbq.New(sp), raw: sp, jobs: t.jobs}); err != nil {
		if rerr := sp.Rollback(ctx); rerr != nil {
			return errors.Join(err, rerr)
		}
		return mapError(err)
	}
	return sp.Commit(ctx)
}

// Raw exposes the transaction for the rare statement sqlc cannot express
// (advisory locks, batch inserts).
func (t Tx) Raw() pgx.Tx { return t.raw }

// Options size the pools and switch tracing on; the zero value is a
// laptop's: 10 connections, no tracing.
type Options struct {
	MaxConns int32 // the salon-scoped pool's size (DB_MAX_CONNS)
	// Tracer, when set, makes a span of every statement and job insert;
	// nil costs nothing.
	Tracer trace.TracerProvider
}

// Open connects both pools as the application roles described by ownerURL
// (the owner's URL with the user swapped) and prepares the job inserter.
func Open(ctx context.Context, ownerURL, rolePassword string, opts ...Options) (*DB, error) {
	o := Options{MaxConns: 10}
	if len(opts) > 0 {
		o = opts[0]
	}
	app, err := openPool(ctx, ownerURL, AppRole, rolePassword, o.MaxConns, o.Tracer)
	if err != nil {
		return nil, err
	}
	platform, err := openPool(ctx, ownerURL, PlatformRole, rolePassword, 4, o.Tracer)
	if err != nil {
		app.Close()
		return nil, err
	}
	// An insert-only client: workers run elsewhere (jobs package) on their own client.
	jobs, err := river.NewClient(riverpgxv5.New(app), &river.Config{Schema: RiverSchema, Middleware: JobTracing(o.Tracer)})
	if err != nil {
		app.Close()
		platform.Close()
		return nil, fmt.Errorf("store: job inserter: %w", err)
	}
	return &DB{app: app, platform: platform, jobs: jobs}, nil
}

// JobTracing is the River middleware that traces job inserts and work,
// continuing the trace of the request that enqueued the job; none without
// a tracer.
func JobTracing(tp trace.TracerProvider) []rivertype.Middleware {
	if tp == nil {
		return nil
	}
	return []rivertype.Middleware{otelriver.NewMiddleware(&otelriver.MiddlewareConfig{TracerProvider: tp,
		EnableTracePropagation: true, EnableWorkSpanJobKindSuffix: true})}
}

// A database restart or an unreachable host must cost a request a short
// wait and a 503, never the request's whole deadline: a connection attempt
// that has not succeeded in a second will not, a pooled connection idle for
// a while is pinged before use (pgx's default) and dropped if it does not
// answer promptly, and idle connections are checked every few seconds so
// the pool is clean again as soon as Postgres is back.
const (
	connectTimeout    = time.Second
	pingTimeout       = 500 * time.Millisecond
	healthCheckPeriod = 5 * time.Second
)

// Pool sizes: 4–8 connections measured best on 2 cores; River's
// listener and fetchers take one or two more on the app pool.
func openPool(ctx context.Context, ownerURL, role, password string, maxConns int32, tp trace.TracerProvider) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(ownerURL)
	if err != nil {
		return nil, fmt.Errorf("store: parse database url: %w", err)
	}
	cfg.ConnConfig.User = role
	cfg.ConnConfig.Password = password
	cfg.MaxConns = maxConns
	cfg.ConnConfig.RuntimeParams["application_name"] = "carnet"
	cfg.ConnConfig.ConnectTimeout = connectTimeout
	cfg.PingTimeout = pingTimeout
	cfg.HealthCheckPeriod = healthCheckPeriod
	cfg.AfterConnect = func(_ context.Context, conn *pgx.Conn) error {
		registerUUID(conn.TypeMap())
		return nil
	}
	if tp != nil {
		cfg.ConnConfig.Tracer = newQueryTracer(tp)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: connect as %s: %w", role, err)
	}
	return pool, nil
}

// Close closes both pools.
func (db *DB) Close() {
	db.app.Close()
	db.platform.Close()
}

// AppPool is the salon-scoped pool, for the job runner and readiness checks.
func (db *DB) AppPool() *pgxpool.Pool { return db.app }

// Ping checks that Postgres answers.
func (db *DB) Ping(ctx context.Context) error { return db.app.Ping(ctx) }

// WithTenant runs fn in a transaction that can see only the given salon's rows.
// The setting is transaction-local, so a pooled connection never carries one
// salon's id into the next request.
func (db *DB) WithTenant(ctx context.Context, tenantID uuid.UUID, fn func(Tx) error) error {
	return db.WithTenantBatch(ctx, tenantID, nil, fn)
}

// WithTenantBatch is WithTenant for work that starts with the reads of b:
// they travel with BEGIN and the salon setting, in one round trip, before fn
// runs. With fn nil the COMMIT travels with them too, so a page that only
// reads costs a single round trip.
func (db *DB) WithTenantBatch(ctx context.Context, tenantID uuid.UUID, b *Batch, fn func(Tx) error) error {
	if tenantID == uuid.Nil {
		return errors.New("store: WithTenant without a salon")
	}
	return db.run(ctx, db.app, tenantID.String(), b, fn)
}

// Unscoped runs fn across salons, as the platform role. Use it only for
// platform admin pages, login and jobs that sweep every salon.
func (db *DB) Unscoped(ctx context.Context, fn func(Tx) error) error {
	return db.run(ctx, db.platform, "", nil, fn)
}

// UnscopedBatch is Unscoped for the reads of b and nothing else, in one
// round trip.
func (db *DB) UnscopedBatch(ctx context.Context, b *Batch) error {
	return db.run(ctx, db.platform, "", b, nil)
}

// WithBudget bounds each unit of work run with ctx (a transaction, a batch
// of reads) to d. A request's deadline is sized for its slowest legitimate
// work (an import, a call to Stripe); one unit stuck on a connection that
// stopped answering must fail long before that.
func WithBudget(ctx context.Context, d time.Duration) context.Context {
	return context.WithValue(ctx, budgetKey{}, d)
}

type budgetKey struct{}

func (db *DB) run(ctx context.Context, pool *pgxpool.Pool, tenant string, b *Batch, fn func(Tx) error) (err error) {
	if d, ok := ctx.Value(budgetKey{}).(time.Duration); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	if fn == nil {
		return readOnly(ctx, pool, tenant, b)
	}
	tx, err := begin(ctx, pool, tenant, b)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	if err = fn(Tx{Queries: dbq.New(tx), raw: tx, jobs: db.jobs}); err != nil {
		return mapError(err)
	}
	if err = tx.Commit(ctx); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// mapError is the one place a missing row becomes the product's not-found.
func mapError(err error) error {
	if errors.Is(err, pgx.ErrNoRows) && !apperr.Is(err, apperr.NotFound) {
		return fmt.Errorf("%w (%w)", apperr.ErrNotFound, err)
	}
	return err
}
