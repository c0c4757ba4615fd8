package store_test

import (
	"context"
	"io"
	"log/slog"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
)

// TestBootstrapsStartedTogetherAllFinish: three instances bootstrap at the
// same moment a database that does not exist yet. Each finishes, without
// error and in seconds: none trips on another's CREATE DATABASE, and the
// two that wait for the lock do not block the one building an index
// concurrently (which waits for every open snapshot of the database).
// Each migration is recorded once.
func TestBootstrapsStartedTogetherAllFinish(t *testing.T) {
	t.Parallel()
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	name := "carnet_boot_" + uuid.NewString()[:8]
	u, err := url.Parse(admin)
	require.NoError(t, err)
	u.Path = "/" + name
	t.Cleanup(func() { dropDatabase(admin, name) })

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	start := make(chan struct{})
	errs := make([]error, 3)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() {
			<-start
			errs[i] = store.Bootstrap(ctx, u.String(), "", quiet)
		})
	}
	began := time.Now()
	close(start)
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "instance %d", i)
	}
	t.Logf("three bootstraps together took %v", time.Since(began).Round(time.Millisecond))

	conn, err := pgx.Connect(ctx, u.String())
	require.NoError(t, err)
	defer conn.Close(ctx)
	var versions, distinct int
	require.NoError(t, conn.QueryRow(ctx, "SELECT count(*), count(DISTINCT version_id) FROM goose_db_version WHERE version_id > 0").
		Scan(&versions, &distinct))
	require.Positive(t, versions)
	require.Equal(t, distinct, versions, "each migration is recorded once")
}

func dropDatabase(adminURL, name string) {
	conn, err := pgx.Connect(context.Background(), adminURL)
	if err != nil {
		return
	}
	defer conn.Close(context.Background())
	_, _ = conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
}
