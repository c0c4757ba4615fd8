// Command carnet is the whole product in one binary:
//
//	carnet serve [--demo] [--no-migrate] [--no-workers]   HTTP server and background workers
//	carnet worker                                        background workers only
//	carnet migrate                                       create the database and apply migrations
//	carnet admin create --email E [--name N]             create a platform admin (password on stdin)
//	carnet demo                                          seed the demo salon and admin
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	_ "time/tzdata" // salons' time zones work even on an image without zoneinfo

	"golang.org/x/term"

	"github.com/carnet-salon/carnet/internal/config"
	"github.com/carnet-salon/carnet/internal/demo"
	"github.com/carnet-salon/carnet/internal/logx"
	"github.com/carnet-salon/carnet/internal/server"
	"github.com/carnet-salon/carnet/internal/store"
)

const usage = `usage: carnet <command> [flags]

commands:
  serve [--demo] [--no-migrate] [--no-workers]   run the HTTP server (and background workers)
  worker                                       run background workers only
  migrate                                      create the database and roles, apply migrations
  admin create --email E [--name N]            create a platform admin; password from the terminal or stdin
  demo                                         seed the demo salon and platform admin
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "carnet:", err)
		os.Exit(2)
	}
	log := logx.New(os.Stderr, cfg.LogFormat, slog.LevelInfo)
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
		err = adminCmd(ctx, cfg, log, args)
	case "demo":
		err = seedDemo(ctx, cfg, log)
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
		if err := demo.Seed(ctx, srv.Accounts, srv.DemoAreas()); err != nil {
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
	if err := demo.Seed(ctx, srv.Accounts, srv.DemoAreas()); err != nil {
		return err
	}
	printDemo(cfg)
	return nil
}

func adminCmd(ctx context.Context, cfg config.Config, log *slog.Logger, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: carnet admin create --email E [--name N]")
	}
	fs := flag.NewFlagSet("admin create", flag.ExitOnError)
	email := fs.String("email", "", "the platform admin's email")
	name := fs.String("name", "", "the platform admin's name (default: the email)")
	_ = fs.Parse(args[1:])
	if *email == "" {
		return errors.New("admin create: --email is required")
	}
	password, err := readPassword(os.Stdin, os.Stderr)
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
	if _, err := srv.Accounts.CreatePlatformAdmin(ctx, *email, *name, password); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "platform admin %s is ready: log in at %s/login\n", *email, cfg.BaseURL)
	return nil
}

// readPassword asks on a terminal without echo, or reads the first line of a pipe.
func readPassword(in *os.File, out io.Writer) (string, error) {
	if term.IsTerminal(int(in.Fd())) {
		fmt.Fprint(out, "Password: ")
		b, err := term.ReadPassword(int(in.Fd()))
		fmt.Fprintln(out)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		return string(b), nil
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
