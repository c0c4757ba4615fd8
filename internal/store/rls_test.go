package store_test

import (
	"context"
	"testing"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m) }

// appConn connects exactly as the server does: the application role, no owner rights.
func appConn(t *testing.T) *pgx.Conn {
	t.Helper()
	cfg, err := pgx.ParseConfig(testkit.DatabaseURL())
	require.NoError(t, err)
	cfg.User = store.AppRole
	conn, err := pgx.ConnectConfig(context.Background(), cfg)
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func asTenant(t *testing.T, conn *pgx.Conn, tenant uuid.UUID) pgx.Tx {
	t.Helper()
	tx, err := conn.Begin(context.Background())
	require.NoError(t, err)
	t.Cleanup(func() { _ = tx.Rollback(context.Background()) })
	_, err = tx.Exec(context.Background(), "SELECT set_config('app.tenant_id', $1, true)", tenant.String())
	require.NoError(t, err)
	return tx
}

func pgCode(err error) string {
	var pg *pgconn.PgError
	if ok := errorsAs(err, &pg); ok {
		return pg.Code
	}
	return ""
}

func TestAppRoleSeesOnlyItsSalonEvenWithoutWhere(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a, b := env.NewSalon("A"), env.NewSalon("B")
	ctx := context.Background()
	tx := asTenant(t, appConn(t), a.ID)

	var tenants []uuid.UUID
	rows, err := tx.Query(ctx, "SELECT DISTINCT tenant_id FROM memberships")
	require.NoError(t, err)
	tenants, err = pgx.CollectRows(rows, pgx.RowTo[uuid.UUID])
	require.NoError(t, err)
	require.Equal(t, []uuid.UUID{a.ID}, tenants)

	var emails []string
	rows, err = tx.Query(ctx, "SELECT email FROM users")
	require.NoError(t, err)
	emails, err = pgx.CollectRows(rows, pgx.RowTo[string])
	require.NoError(t, err)
	require.Equal(t, []string{a.OwnerEmail}, emails, "users of other salons are invisible")

	tag, err := tx.Exec(ctx, "UPDATE tenants SET name = 'hijacked'")
	require.NoError(t, err)
	require.EqualValues(t, 1, tag.RowsAffected(), "only its own salon row changes")
	tag, err = tx.Exec(ctx, "DELETE FROM memberships")
	require.NoError(t, err)
	require.EqualValues(t, 1, tag.RowsAffected())
	require.NoError(t, tx.Rollback(ctx))

	sal, err := env.Srv.Salons.Get(ctx, b.ID)
	require.NoError(t, err)
	require.Equal(t, "B", sal.Name)
}

func TestAppRoleCannotWriteIntoAnotherSalon(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a, b := env.NewSalon("A"), env.NewSalon("B")
	tx := asTenant(t, appConn(t), a.ID)
	_, err := tx.Exec(context.Background(), "INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'owner')", b.ID, a.OwnerID)
	require.Equal(t, "42501", pgCode(err), "row-level security refuses the row: %v", err)
}

func TestWithoutASalonTheAppRoleSeesNothing(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	env.NewSalon("A")
	conn := appConn(t)
	var n int
	require.NoError(t, conn.QueryRow(context.Background(), "SELECT count(*) FROM memberships").Scan(&n))
	require.Zero(t, n)

	// A connection that carried a salon in an earlier transaction forgets it.
	tx := asTenant(t, conn, uuid.New())
	require.NoError(t, tx.Commit(context.Background()))
	require.NoError(t, conn.QueryRow(context.Background(), "SELECT count(*) FROM memberships").Scan(&n))
	require.Zero(t, n)
}

func TestAppRoleCannotTurnRowSecurityOff(t *testing.T) {
	t.Parallel()
	conn := appConn(t)
	ctx := context.Background()
	for _, stmt := range []string{
		"ALTER TABLE memberships DISABLE ROW LEVEL SECURITY",
		"ALTER TABLE memberships NO FORCE ROW LEVEL SECURITY",
		"DROP POLICY memberships_app ON memberships",
		"ALTER ROLE carnet_app BYPASSRLS",
		"SET ROLE postgres",
		"SET ROLE carnet_platform",
	} {
		_, err := conn.Exec(ctx, stmt)
		require.Errorf(t, err, "%s must be refused", stmt)
	}
	_, err := conn.Exec(ctx, "SET row_security = off")
	require.NoError(t, err)
	_, err = conn.Exec(ctx, "SELECT count(*) FROM memberships")
	require.Error(t, err, "with row_security off, a policy-bound query fails instead of bypassing")

	var super, bypass bool
	var owned int
	require.NoError(t, conn.QueryRow(ctx, `SELECT rolsuper, rolbypassrls,
		(SELECT count(*) FROM pg_tables WHERE tableowner = current_user)::int FROM pg_roles WHERE rolname = current_user`).Scan(&super, &bypass, &owned))
	require.False(t, super)
	require.False(t, bypass)
	require.Zero(t, owned, "the server's role owns no table")
}

func TestEverySalonOwnedTableHasForcedRowSecurity(t *testing.T) {
	t.Parallel()
	conn := appConn(t)
	rows, err := conn.Query(context.Background(), `
		SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
		WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`)
	require.NoError(t, err)
	type tbl struct {
		Name          string
		RLS, ForceRLS bool
	}
	tables, err := pgx.CollectRows(rows, pgx.RowToStructByPos[tbl])
	require.NoError(t, err)
	require.NotEmpty(t, tables)
	for _, tb := range tables {
		require.Truef(t, tb.RLS && tb.ForceRLS, "table %s has tenant_id but not forced RLS", tb.Name)
	}
}

func TestMissingRowBecomesNotFound(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a, b := env.NewSalon("A"), env.NewSalon("B")
	err := env.Srv.DB.WithTenant(context.Background(), a.ID, func(tx store.Tx) error {
		_, err := tx.MembershipGet(context.Background(), dbq.MembershipGetParams{TenantID: b.ID, UserID: b.OwnerID})
		return err
	})
	require.True(t, apperr.Is(err, apperr.NotFound), "another salon's row is simply not found: %v", err)
}
