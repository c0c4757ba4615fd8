package testkit

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/redis/go-redis/v9"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/schema"
)

// templateLockKey serialises template creation and cloning across test packages.
const templateLockKey = 7_424_159_002

var pkg struct {
	dbURL       string // the package database, as its owner
	redisURL    string
	redisPrefix string
	sink        *MailSink
}

// Main prepares the package's database, SMTP sink and Redis prefix, runs
// the tests, then drops the database and the Redis keys.
func Main(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testkit:", err)
		code = 1
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	ctx := context.Background()
	admin := envOr("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable")
	pkg.redisURL = envOr("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
	name := "carnet_test_" + sanitize(filepath.Base(mustGetwd())) + "_" + randomHex(4)
	if err := cloneTemplate(ctx, admin, name); err != nil {
		return 1, err
	}
	pkg.dbURL = withDatabase(admin, name)
	pkg.redisPrefix = "test:" + name + ":"
	sink, err := StartMailSink()
	if err != nil {
		return 1, err
	}
	pkg.sink = sink

	code := m.Run()

	sink.Close()
	stopStripeMock()
	cleanRedis(ctx, pkg.redisURL, pkg.redisPrefix)
	if err := dropDatabase(ctx, admin, name); err != nil {
		fmt.Fprintln(os.Stderr, "testkit: drop database:", err)
	}
	return code, nil
}

// DatabaseURL is the package database's URL, as its owner.
func DatabaseURL() string { return pkg.dbURL }

// cloneTemplate makes the package's database from a template migrated once
// per schema version, so each package starts from a clean, migrated database
// in a fraction of a second.
func cloneTemplate(ctx context.Context, adminURL, name string) error {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("connect to postgres: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", int64(templateLockKey)); err != nil {
		return err
	}
	defer conn.Exec(ctx, "SELECT pg_advisory_unlock($1)", int64(templateLockKey)) //nolint:errcheck

	tpl := "carnet_tpl_" + schemaHash()
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", tpl).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		if err := dropStaleTemplates(ctx, conn, tpl); err != nil {
			return err
		}
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		if err := store.Bootstrap(ctx, withDatabase(adminURL, tpl), "", quiet); err != nil {
			return fmt.Errorf("migrate template: %w", err)
		}
		// Nobody connects to a template after this: cloning needs it idle.
		if _, err := conn.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{tpl}.Sanitize()+" WITH ALLOW_CONNECTIONS false IS_TEMPLATE true"); err != nil {
			return err
		}
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE "+pgx.Identifier{tpl}.Sanitize())
	if err != nil {
		return fmt.Errorf("clone template: %w", err)
	}
	return nil
}

func dropStaleTemplates(ctx context.Context, conn *pgx.Conn, keep string) error {
	rows, err := conn.Query(ctx, "SELECT datname FROM pg_database WHERE datname LIKE 'carnet\\_tpl\\_%' AND datname <> $1", keep)
	if err != nil {
		return err
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, n := range names {
		id := pgx.Identifier{n}.Sanitize()
		_, _ = conn.Exec(ctx, "ALTER DATABASE "+id+" IS_TEMPLATE false")
		_, _ = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+id)
	}
	return nil
}

func dropDatabase(ctx context.Context, adminURL, name string) error {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	return err
}

// schemaHash names the template after the migrations it holds.
func schemaHash() string {
	h := sha256.New()
	_ = fs.WalkDir(schema.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := schema.FS.ReadFile(path)
		h.Write([]byte(path))
		h.Write(b)
		return nil
	})
	h.Write([]byte("river-v0.51.2"))
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func cleanRedis(ctx context.Context, redisURL, prefix string) {
	opts, err := redis.ParseURL(redisURL)
	if err != nil {
		return
	}
	rdb := redis.NewClient(opts)
	defer rdb.Close()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	iter := rdb.Scan(ctx, 0, prefix+"*", 500).Iterator()
	for iter.Next(ctx) {
		rdb.Del(ctx, iter.Val())
	}
}

func withDatabase(rawURL, db string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		panic(err)
	}
	u.Path = "/" + db
	return u.String()
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func mustGetwd() string {
	wd, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return wd
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			return r
		}
		return '_'
	}, strings.ToLower(s))
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
