// Command carnet-bare is the yardstick for Carnet's public pages: a bare
// Fiber + pgx server that does the same reads on the same database as the
// public salon page and the times fragment (slug → salon, then the salon's
// settings, hours, categories, services, staff and, for the times, the day's
// appointments, absences and closures) and renders a minimal HTML page of the
// same size order, with nothing else: no sessions, CSRF, i18n, logging,
// metrics, security headers or compression.
//
//	go run ./cmd/carnet-bare -db 'postgres://postgres@127.0.0.1:5432/carnet_load?sslmode=disable' -addr 127.0.0.1:8094
//
// It connects as the application role (carnet_app), like Carnet, so
// row-level security costs both the same. carnet-load -compare drives both.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/signal"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"
)

func main() {
	dbURL := flag.String("db", "postgres://postgres@127.0.0.1:5432/carnet?sslmode=disable", "owner URL of Carnet's database (the user is swapped for -role)")
	role := flag.String("role", "carnet_app", "database role to connect as (row-level security applies to it)")
	password := flag.String("password", os.Getenv("DATABASE_APP_PASSWORD"), "the role's password, if any")
	addr := flag.String("addr", "127.0.0.1:8094", "listen address")
	conns := flag.Int("conns", 10, "pool size (Carnet's app pool has 10)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	pool, err := openPool(ctx, *dbURL, *role, *password, int32(*conns))
	if err != nil {
		log.Fatalf("carnet-bare: %v", err)
	}
	defer pool.Close()

	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	h := handlers{pool: pool}
	app.Get("/b/:slug", h.page)
	app.Get("/b/:slug/s/:service/slots", h.slots)
	go func() {
		<-ctx.Done()
		_ = app.Shutdown()
	}()
	log.Printf("carnet-bare listening on %s", *addr)
	if err := app.Listen(*addr); err != nil {
		log.Fatalf("carnet-bare: %v", err)
	}
}

func openPool(ctx context.Context, ownerURL, role, password string, conns int32) (*pgxpool.Pool, error) {
	u, err := url.Parse(ownerURL)
	if err != nil {
		return nil, fmt.Errorf("parse -db: %w", err)
	}
	if password != "" {
		u.User = url.UserPassword(role, password)
	} else {
		u.User = url.User(role)
	}
	cfg, err := pgxpool.ParseConfig(u.String())
	if err != nil {
		return nil, fmt.Errorf("parse -db: %w", err)
	}
	cfg.MaxConns = conns
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect as %s: %w", role, err)
	}
	return pool, pool.Ping(ctx)
}
