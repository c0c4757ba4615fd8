package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/carnet-salon/carnet/internal/config"
	"github.com/carnet-salon/carnet/internal/seed"
	"github.com/carnet-salon/carnet/internal/store"
)

// demoCmd seeds the demo salon, or with --salons N a data set of N made-up
// salons for load tests (internal/seed).
func demoCmd(ctx context.Context, cfg config.Config, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("demo", flag.ExitOnError)
	salons := fs.Int("salons", 0, "seed N made-up salons (salon-0001…) with a year of visits, instead of the demo salon")
	seedNum := fs.Uint64("seed", 1, "with --salons: the random seed; the same seed and day give the same data")
	today := fs.String("today", "", "with --salons: the day (YYYY-MM-DD) the year of visits is set around; default today")
	workers := fs.Int("workers", 2, "with --salons: salons written at once")
	_ = fs.Parse(args)
	if *salons == 0 {
		return seedDemo(ctx, cfg, log)
	}
	opts := seed.Options{Salons: *salons, Seed: *seedNum, Workers: *workers, Progress: os.Stderr}
	if *today != "" {
		day, err := time.Parse(time.DateOnly, *today)
		if err != nil {
			return fmt.Errorf("demo: --today: %w", err)
		}
		opts.Today = day.Add(12 * time.Hour) // midday UTC: the same date in Paris
	}
	if err := store.Bootstrap(ctx, cfg.DatabaseURL, cfg.AppDBPassword, log); err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.DatabaseURL, cfg.AppDBPassword)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := seed.Run(ctx, db, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, `
  %d salons seeded, %d already there (skipped), %d visits, %d rows in %s.
  Owners sign in as %s … %s with the password %s.

`, rep.Created, rep.Skipped, rep.Visits, rep.Rows, rep.Elapsed.Round(time.Second),
		seed.OwnerEmail(1), seed.OwnerEmail(*salons), seed.Password)
	return nil
}
