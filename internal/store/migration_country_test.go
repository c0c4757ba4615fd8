package store_test

import (
	"context"
	"net/url"
	"os"
	"testing"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/schema"
)

// Salons that existed before the country was stored keep the country their
// time zone gave them, so no phone number reads otherwise after 0025.
func TestMigrationBackfillsTheSalonsCountryFromItsTimeZone(t *testing.T) {
	ctx := context.Background()
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	name := "carnet_mig_" + uuid.NewString()[:8]
	conn, err := pgx.Connect(ctx, admin)
	require.NoError(t, err)
	_, err = conn.Exec(ctx, "CREATE DATABASE "+name)
	require.NoError(t, err)
	t.Cleanup(func() {
		_, _ = conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		conn.Close(context.Background())
	})
	u, err := url.Parse(admin)
	require.NoError(t, err)
	u.Path = "/" + name
	pool, err := pgxpool.New(ctx, u.String())
	require.NoError(t, err)
	sqlDB := stdlib.OpenDBFromPool(pool)
	t.Cleanup(func() { sqlDB.Close(); pool.Close() })
	provider, err := goose.NewProvider(goose.DialectPostgres, sqlDB, schema.FS)
	require.NoError(t, err)

	_, err = provider.UpTo(ctx, 24)
	require.NoError(t, err)
	zones := map[string]string{"bruxelles": "Europe/Brussels", "geneve": "Europe/Zurich", "paris": "Europe/Paris",
		"fort-de-france": "America/Martinique", "tokyo": "Asia/Tokyo"}
	for slug, zone := range zones {
		_, err = pool.Exec(ctx, `INSERT INTO tenants (id, slug, name, time_zone, currency, locale)
			VALUES (gen_random_uuid(), $1, $1, $2, 'EUR', 'fr')`, slug, zone)
		require.NoError(t, err)
	}
	_, err = provider.UpTo(ctx, 25)
	require.NoError(t, err)

	want := map[string]string{"bruxelles": "BE", "geneve": "CH", "paris": "FR", "fort-de-france": "MQ", "tokyo": "FR"}
	for slug, country := range want {
		var got string
		require.NoError(t, pool.QueryRow(ctx, "SELECT country FROM tenants WHERE slug = $1", slug).Scan(&got))
		require.Equal(t, country, got, slug)
	}
}
