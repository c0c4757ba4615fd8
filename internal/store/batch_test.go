package store_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestBatchedReadsSeeOnlyTheirSalon: reads sent with BEGIN, alone or before
// more work, or later in the unit of work, are filtered to the salon like
// any other.
func TestBatchedReadsSeeOnlyTheirSalon(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a, b := env.NewSalon("A"), env.NewSalon("B")
	ctx := context.Background()
	var own dbq.MembershipGetRow
	var other error
	reads := func() *store.Batch {
		batch := &store.Batch{}
		batch.Queue(func(q *dbq.Queries) (err error) {
			own, err = q.MembershipGet(ctx, dbq.MembershipGetParams{TenantID: a.ID, UserID: a.OwnerID})
			return err
		})
		batch.Queue(func(q *dbq.Queries) error {
			_, other = q.MembershipGet(ctx, dbq.MembershipGetParams{TenantID: b.ID, UserID: b.OwnerID})
			return nil
		})
		return batch
	}
	for name, run := range map[string]func() error{
		"read only": func() error { return env.Srv.DB.WithTenantBatch(ctx, a.ID, reads(), nil) },
		"before work": func() error {
			return env.Srv.DB.WithTenantBatch(ctx, a.ID, reads(), func(store.Tx) error { return nil })
		},
		"in the work": func() error {
			return env.Srv.DB.WithTenant(ctx, a.ID, func(tx store.Tx) error { return tx.Send(ctx, reads()) })
		},
	} {
		own, other = dbq.MembershipGetRow{}, nil
		require.NoError(t, run(), name)
		require.Equal(t, a.OwnerEmail, own.UserEmail, name)
		require.True(t, store.IsNotFound(other), "%s: another salon's row is not found: %v", name, other)
	}
}

// TestABatchedReadThatFindsNothingIsNotFound, and the pool goes on serving.
func TestABatchedReadThatFindsNothingIsNotFound(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a, b := env.NewSalon("A"), env.NewSalon("B")
	ctx := context.Background()
	for range 3 {
		batch := &store.Batch{}
		batch.Queue(func(q *dbq.Queries) error {
			_, err := q.MembershipGet(ctx, dbq.MembershipGetParams{TenantID: b.ID, UserID: b.OwnerID})
			return err
		})
		err := env.Srv.DB.WithTenantBatch(ctx, a.ID, batch, nil)
		require.True(t, apperr.Is(err, apperr.NotFound), "%v", err)
		sal, err := env.Srv.Salons.Get(ctx, a.ID)
		require.NoError(t, err)
		require.Equal(t, "A", sal.Name)
	}
}

// TestAReadOnlyBatchLeavesNoSalonOnTheConnection: its COMMIT travels in the
// batch, and with it the salon setting ends.
func TestAReadOnlyBatchLeavesNoSalonOnTheConnection(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a := env.NewSalon("A")
	ctx := context.Background()
	batch := &store.Batch{}
	batch.Queue(func(q *dbq.Queries) (err error) { _, err = q.TenantGet(ctx, a.ID); return err })
	require.NoError(t, env.Srv.DB.WithTenantBatch(ctx, a.ID, batch, nil))
	pool := env.Srv.DB.AppPool()
	require.Zero(t, pool.Stat().AcquiredConns(), "no connection is held")
	require.NotZero(t, pool.Stat().IdleConns())
	var conns []*pgxpool.Conn
	defer func() {
		for _, c := range conns {
			c.Release()
		}
	}()
	for range int(pool.Stat().IdleConns()) {
		c, err := pool.Acquire(ctx)
		require.NoError(t, err)
		conns = append(conns, c)
		var tenant *string
		require.NoError(t, c.QueryRow(ctx, "SELECT nullif(current_setting('app.tenant_id', true), '')").Scan(&tenant))
		require.Nil(t, tenant)
	}
}

// TestABatchedReadMakesExactlyOneQuery: a read is matched to its result by
// position, so two queries, or a write, in one read are refused.
func TestABatchedReadMakesExactlyOneQuery(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a := env.NewSalon("A")
	ctx := context.Background()
	for name, fn := range map[string]func(*dbq.Queries) error{
		"none": func(*dbq.Queries) error { return nil },
		"two": func(q *dbq.Queries) error {
			_, _ = q.TenantGet(ctx, a.ID)
			_, err := q.TenantGet(ctx, a.ID)
			return err
		},
		"write": func(q *dbq.Queries) error {
			return q.TenantCreate(ctx, dbq.TenantCreateParams{ID: a.ID, Slug: "x", Name: "x"})
		},
	} {
		batch := &store.Batch{}
		batch.Queue(fn)
		require.Error(t, env.Srv.DB.WithTenantBatch(ctx, a.ID, batch, nil), name)
	}
}
