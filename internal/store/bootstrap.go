package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/carnet-salon/carnet/schema"
)

// Bootstrap makes the database ready for the server: it creates the database
// if missing, then, under an advisory lock, the application roles, the
// schema migrations, River's tables, and the grants. It connects as the owner
// given by ownerURL. Safe to run from several instances at the same time.
func Bootstrap(ctx context.Context, ownerURL, rolePassword string, log *slog.Logger) error {
	if err := EnsureDatabase(ctx, ownerURL); err != nil {
		return err
	}
	pool, err := pgxpool.New(ctx, ownerURL)
	if err != nil {
		return fmt.Errorf("store: connect as owner: %w", err)
	}
	defer pool.Close()

	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("store: connect as owner: %w", err)
	}
	defer conn.Release()
	unlock, err := sessionLock(ctx, conn.Conn(), migrateLockKey, log)
	if err != nil {
		return err
	}
	defer unlock()

	if err := ensureRoles(ctx, conn.Conn(), rolePassword); err != nil {
		return err
	}
	if err := migrateSchema(ctx, pool, log); err != nil {
		return err
	}
	return migrateRiver(ctx, pool, conn.Conn(), log)
}

// EnsureDatabase creates the database named in ownerURL when it does not exist.
func EnsureDatabase(ctx context.Context, ownerURL string) error {
	cfg, err := pgx.ParseConfig(ownerURL)
	if err != nil {
		return fmt.Errorf("store: parse database url: %w", err)
	}
	name := cfg.Database
	cfg.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("store: connect to postgres to create %q: %w", name, err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return fmt.Errorf("store: look for database %q: %w", name, err)
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	if err != nil && !createdMeanwhile(err) {
		return fmt.Errorf("store: create database %q: %w", name, err)
	}
	return nil
}

// createdMeanwhile tells whether CREATE DATABASE failed because another
// instance created the database since we looked. Postgres says so with
// 42P04 when the other creation had finished, and with a unique violation on
// pg_database (23505) when both ran at the same moment.
func createdMeanwhile(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "42P04" || pgErr.Code == "23505")
}

// ensureRoles creates the two login roles. Roles are cluster-wide, so another
// database's bootstrap may create them concurrently: duplicates are fine.
func ensureRoles(ctx context.Context, conn *pgx.Conn, password string) error {
	for _, role := range []string{AppRole, PlatformRole} {
		ident := pgx.Identifier{role}.Sanitize()
		create := fmt.Sprintf(`DO $$ BEGIN
			IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s) THEN
				CREATE ROLE %s LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
			END IF;
		EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
		END $$`, quoteLiteral(role), ident)
		if _, err := conn.Exec(ctx, create); err != nil {
			return fmt.Errorf("store: create role %s: %w", role, err)
		}
		// Re-assert the attributes in case an operator changed them.
		alter := "ALTER ROLE " + ident + " NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE"
		if password != "" {
			alter += " PASSWORD " + quoteLiteral(password)
		}
		if _, err := conn.Exec(ctx, alter); err != nil {
			return fmt.Errorf("store: set attributes of role %s: %w", role, err)
		}
		var db string
		if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&db); err != nil {
			return fmt.Errorf("store: current database: %w", err)
		}
		grants := fmt.Sprintf("GRANT CONNECT ON DATABASE %s TO %s; GRANT USAGE ON SCHEMA public TO %s",
			pgx.Identifier{db}.Sanitize(), ident, ident)
		if _, err := conn.Exec(ctx, grants); err != nil {
			return fmt.Errorf("store: grant connect to %s: %w", role, err)
		}
	}
	return nil
}

func migrateSchema(ctx context.Context, pool *pgxpool.Pool, log *slog.Logger) error {
	sqlDB := stdlib.OpenDBFromPool(pool)
	defer sqlDB.Close()
	provider, err := goose.NewProvider(goose.DialectPostgres, sqlDB, schema.FS)
	if err != nil {
		return fmt.Errorf("store: load migrations: %w", err)
	}
	results, err := provider.Up(ctx)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	for _, r := range results {
		log.Info("migration applied", "file", r.Source.Path, "duration", r.Duration)
	}
	return nil
}

func migrateRiver(ctx context.Context, pool *pgxpool.Pool, conn *pgx.Conn, log *slog.Logger) error {
	if _, err := conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+RiverSchema); err != nil {
		return fmt.Errorf("store: create job schema: %w", err)
	}
	migrator, err := rivermigrate.New(riverpgxv5.New(pool), &rivermigrate.Config{Schema: RiverSchema, Logger: log})
	if err != nil {
		return fmt.Errorf("store: job migrator: %w", err)
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("store: migrate job tables: %w", err)
	}
	roles := AppRole + ", " + PlatformRole
	grants := strings.Join([]string{
		"GRANT USAGE ON SCHEMA " + RiverSchema + " TO " + roles,
		"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + RiverSchema + " TO " + roles,
		"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + RiverSchema + " TO " + roles,
		"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA " + RiverSchema + " TO " + roles,
	}, "; ")
	if _, err := conn.Exec(ctx, grants); err != nil {
		return fmt.Errorf("store: grant job tables: %w", err)
	}
	return nil
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
