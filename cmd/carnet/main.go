// Command carnet is the whole product in one binary:
//
//	carnet serve [--demo] [--no-migrate] [--no-workers]   HTTP server and background workers
//	carnet worker                                        background workers only
//	carnet migrate                                       create the database and apply migrations
//	carnet admin create --email E [--name N]             create a new account as a platform admin (password on stdin)
//	carnet admin create --email E --promote              make an existing account a platform admin
//	carnet admin list | remove --email E                 list platform admins, take the rights away
//	carnet demo                                          seed the demo salon and admin
//	carnet demo --salons N [--seed S] [--today D]        seed N made-up salons for load tests
//	carnet verify-archive FILE                           check a till journal archive, offline
//	carnet health                                        is this machine's server ready? (container health checks)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	_ "time/tzdata" // salons' time zones work even on an image without zoneinfo

	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/config"
	"github.com/carnet-salon/carnet/internal/demo"
	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/logx"
	"github.com/carnet-salon/carnet/internal/server"
	"github.com/carnet-salon/carnet/internal/store"
)

const usage = `usage: carnet <command> [flags]

commands:
  serve [--demo] [--no-migrate] [--no-workers]   run the HTTP server (and background workers)
  worker                                       run background workers only
  migrate                                      create the database and roles, apply migrations
  admin create --email E [--name N]            create a new account as a platform admin; password from the terminal or stdin
  admin create --email E --promote             make an existing account a platform admin (its password does not change)
  admin list                                   list the platform admins
  admin remove --email E                       take platform admin rights away (the account stays)
  demo                                         seed the demo salon and platform admin
  demo --salons N [--seed S] [--today D]       seed N made-up salons (salon-0001…) with a year of visits, for load tests
  verify-archive FILE                          check a till journal archive (signatures, chain, closures); no database needed
  health                                       exit 0 if this machine's server answers /readyz (container health checks)
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if os.Args[1] == "verify-archive" {
		// Offline: an auditor runs it on any machine, with no settings at all.
		if len(os.Args) != 3 {
			fmt.Fprint(os.Stderr, usage)
			os.Exit(2)
		}
		if err := journal.VerifyArchiveFile(os.Args[2], os.Stdout); err != nil {
			os.Exit(1)
		}
		return
	}
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "carnet:", err)
		os.Exit(2)
	}
	log := logx.New(os.Stderr, cfg.LogFormat, cfg.LogLevel)
	slog.SetDefault(log)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	args := os.Args[2:]
	switch os.Args[1] {
	case "serve":
		err = serve(ctx, cfg, log, args)
	case "worker":
		err = worker(ctx, cfg, log)
	case "migrate":
		err = store.Bootstrap(ctx, cfg.DatabaseURL, cfg.AppDBPassword, log)
	case "admin":
		// Said to the person at the terminal as a sentence, not logged.
		if err := adminCmd(ctx, cfg, log, args); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	case "demo":
		err = demoCmd(ctx, cfg, log, args)
	case "health":
		err = health(ctx, cfg)
	default:
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if err != nil {
		log.Error("carnet: "+os.Args[1]+" failed", "err", err)
		os.Exit(1)
	}
}

func serve(ctx context.Context, cfg config.Config, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	withDemo := fs.Bool("demo", false, "seed a demo salon (slug demo) and a platform admin if absent")
	noMigrate := fs.Bool("no-migrate", false, "skip database creation and migrations (run `carnet migrate` as a release step)")
	noWorkers := fs.Bool("no-workers", false, "do not run background workers in this process")
	_ = fs.Parse(args)
	limitMemory(log)
	if *withDemo && cfg.Secure() {
		// The demo's owner and platform admin have passwords printed for all
		// to read: on a public address the first visitor would own them.
		return errors.New("serve --demo is for this machine: its accounts' passwords are public, so not with an https BASE_URL")
	}

	if !*noMigrate {
		if err := store.Bootstrap(ctx, cfg.DatabaseURL, cfg.AppDBPassword, log); err != nil {
			return err
		}
	}
	srv, err := server.New(ctx, cfg, server.Options{Log: log})
	if err != nil {
		return err
	}
	defer srv.Close()
	if *withDemo {
		if err := srv.SeedDemo(ctx); err != nil {
			return err
		}
		printDemo(cfg)
	}
	if !*noWorkers {
		if err := srv.StartWorkers(ctx); err != nil {
			return err
		}
		defer srv.StopWorkers(context.WithoutCancel(ctx)) //nolint:errcheck
	}
	ln, err := net.Listen("tcp", ":"+strconv.Itoa(cfg.Port))
	if err != nil {
		return fmt.Errorf("listen on port %d: %w", cfg.Port, err)
	}
	log.Info("carnet listening", "url", cfg.BaseURL.String(), "port", cfg.Port)
	return srv.Serve(ctx, ln)
}

func printDemo(cfg config.Config) {
	base := cfg.BaseURL.String()
	fmt.Fprintf(os.Stderr, `
  Carnet demo is ready: %[1]s
    Salon owner     %[2]s / %[3]s   → %[1]s/login
    Platform admin  %[4]s / %[5]s → %[1]s/admin
    Public page     %[1]s/b/%[6]s

`, base, demo.OwnerEmail, demo.OwnerPassword, demo.AdminEmail, demo.AdminPassword, demo.Slug)
}

func worker(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	srv, err := server.New(ctx, cfg, server.Options{Log: log})
	if err != nil {
		return err
	}
	defer srv.Close()
	if err := srv.StartWorkers(ctx); err != nil {
		return err
	}
	log.Info("carnet workers running")
	<-ctx.Done()
	return srv.StopWorkers(context.WithoutCancel(ctx))
}

func seedDemo(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	if err := store.Bootstrap(ctx, cfg.DatabaseURL, cfg.AppDBPassword, log); err != nil {
		return err
	}
	srv, err := server.New(ctx, cfg, server.Options{Log: log})
	if err != nil {
		return err
	}
	defer srv.Close()
	if err := srv.SeedDemo(ctx); err != nil {
		return err
	}
	printDemo(cfg)
	return nil
}

func adminCmd(ctx context.Context, cfg config.Config, log *slog.Logger, args []string) error {
	cmd, err := admin.ParseCommand(args)
	if err != nil {
		return err
	}
	if err := store.Bootstrap(ctx, cfg.DatabaseURL, cfg.AppDBPassword, log); err != nil {
		return err
	}
	srv, err := server.New(ctx, cfg, server.Options{Log: log})
	if err != nil {
		return err
	}
	defer srv.Close()
	return cmd.Run(ctx, srv.Accounts, os.Stdin, os.Stdout)
}
