// Package server assembles Carnet from a Config: database, Redis, areas,
// background workers and the web application. The binary and the tests
// build the same thing through it, so what is tested is what runs.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/redis/go-redis/v9"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/activity"
	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/config"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/demo"
	"github.com/carnet-salon/carnet/internal/farewell"
	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/portal"
	"github.com/carnet-salon/carnet/internal/ratelimit"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/till"
	"github.com/carnet-salon/carnet/internal/web"
)

// Options are what tests replace; zero values mean production behaviour.
type Options struct {
	Log   *slog.Logger
	Clock clock.Clock
	Mail  mail.Sender // default: SMTP when SMTP_URL is set, else the log
	// StripeHTTP is the HTTP client for Stripe calls (tests record them).
	StripeHTTP *http.Client
	// NoPeriodicJobs leaves out the sweeps that span every salon: in tests,
	// one test's clock must not release another test's holds.
	NoPeriodicJobs bool
}

// Server is a running Carnet.
type Server struct {
	Config    config.Config
	Log       *slog.Logger
	Clock     clock.Clock
	DB        *store.DB
	Redis     redis.UniversalClient
	Accounts  *account.Service
	Salons    *salon.Service
	Admin     *admin.Service
	Catalog   *catalog.Catalog
	Team      *team.Team
	Agenda    *agenda.Agenda
	Customers *customer.Customers
	Stripe    *payment.Stripe // nil when STRIPE_SECRET_KEY is not set: online payments are off
	Payments  *payment.Payments
	Booking   *booking.Booking
	Messages  *message.Outbox
	Portal    *portal.Portal
	Journal   *journal.Journal // the till's signed chains and closures
	Till      *till.Till
	Farewell  *farewell.Farewell // the till's closing screen and its one-tap next visit
	App       *fiber.App
	Routes    web.Declarations // who may call each route of App
	workers   *river.Client[pgx.Tx]
	draining  atomic.Bool

	redisFiles redis.UniversalClient // import files: the same Redis, with time for megabytes

	tracing   *sdktrace.TracerProvider // nil unless OTEL_EXPORTER_OTLP_ENDPOINT is set
	admin     *http.Server             // pprof; nil unless ADMIN_ADDR is set
	adminAddr string
}

// New connects to Postgres (as the application roles) and Redis and builds
// every part. The database must already be bootstrapped (store.Bootstrap).
func New(ctx context.Context, cfg config.Config, opts Options) (*Server, error) {
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if opts.Clock == nil {
		opts.Clock = clock.Real{}
	}
	if opts.Mail == nil {
		opts.Mail = mail.Log{Logger: opts.Log}
		if cfg.SMTPURL != nil {
			opts.Mail = mail.NewSMTP(cfg.SMTPURL, cfg.MailFrom)
		}
	}
	box, err := secret.NewBox(cfg.SecretKey)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	key, err := journalKey(cfg)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	tracing, tp, err := startTracing(ctx, cfg)
	if err != nil {
		return nil, err
	}
	// From here a failure closes what was opened, the tracer's exporter too.
	s := &Server{Config: cfg, Log: opts.Log, Clock: opts.Clock, tracing: tracing}
	if s.DB, err = store.Open(ctx, cfg.DatabaseURL, cfg.AppDBPassword, store.Options{MaxConns: cfg.DBMaxConns, Tracer: tp}); err != nil {
		s.Close()
		return nil, err
	}
	if s.Redis, s.redisFiles, err = newRedis(redisFrom(cfg), opts.Log); err != nil {
		s.Close()
		return nil, err
	}
	db := s.DB
	s.Journal = &journal.Journal{Key: key, DB: db, Clock: opts.Clock}
	base := cfg.BaseURL.String()
	s.Accounts = &account.Service{DB: db, Clock: opts.Clock, BaseURL: base, Box: box}
	s.Salons = &salon.Service{DB: db}
	s.Admin = &admin.Service{DB: db, Clock: opts.Clock, Contact: cfg.PlatformContact, Directory: s.Salons}
	s.Catalog = &catalog.Catalog{DB: db}
	s.Team = &team.Team{DB: db}
	s.Agenda = &agenda.Agenda{DB: db, Clock: opts.Clock}
	s.Customers = &customer.Customers{DB: db, Clock: opts.Clock}
	if cfg.StripeSecretKey != "" {
		s.Stripe = payment.NewStripe(cfg.StripeSecretKey, cfg.StripeAPIBase, opts.StripeHTTP)
	}
	s.Payments = &payment.Payments{DB: db, Stripe: s.Stripe, Clock: opts.Clock, BaseURL: base}
	s.Booking = &booking.Booking{DB: db, Clock: opts.Clock, Stripe: s.Stripe, BaseURL: base, Sender: mail.Address(cfg.MailFrom)}
	s.Agenda.Calendar = s.Booking.CalendarTx // a visit booked online, moved from the agenda, updates the client's calendar
	var sms message.SMSProvider = message.LogSMS{Logger: opts.Log}
	if cfg.SMSURL != nil {
		sms = message.NewHTTPSMS(cfg.SMSURL, cfg.SMSKey, cfg.SMSFrom)
	}
	s.Messages = &message.Outbox{DB: db, Clock: opts.Clock, Mail: opts.Mail, SMS: sms, BaseURL: base,
		Secret: cfg.AppSecret, SMSFrom: cfg.SMSFrom, ManageLink: s.Booking.ManageLinkTx}
	s.Portal = &portal.Portal{DB: db, Clock: opts.Clock, BaseURL: base, Log: opts.Log, Customers: s.Customers, Agenda: s.Agenda,
		Booking: s.Booking, Stripe: s.Stripe}

	s.Till = &till.Till{DB: db, Clock: opts.Clock, Journal: s.Journal, Payments: s.Payments, BaseURL: base, Secret: cfg.AppSecret}
	s.Catalog.PriceChanged = s.Till.PriceChangedTx
	s.Farewell = &farewell.Farewell{Till: s.Till, Customers: s.Customers, Agenda: s.Agenda, Booking: s.Booking, Catalog: s.Catalog,
		Team: s.Team, Clock: opts.Clock}

	if s.workers, err = newWorkers(db, s, opts, tp); err != nil {
		s.Close()
		return nil, err
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		newPoolCollector(db.AppPool()))
	s.App, s.Routes = web.New(web.Deps{Config: cfg, Log: opts.Log, DB: db, Redis: s.Redis, RedisFiles: s.redisFiles, Clock: opts.Clock,
		Limiter: ratelimit.New(s.Redis, cfg.RedisPrefix, opts.Clock), Registry: reg,
		Accounts: s.Accounts, Salons: s.Salons, Admin: s.Admin, Catalog: s.Catalog, Team: s.Team, Agenda: s.Agenda,
		Customers: s.Customers, Payments: s.Payments, Booking: s.Booking, Messages: s.Messages, Portal: s.Portal,
		Till: s.Till, Farewell: s.Farewell, Activity: &activity.Feed{DB: db}, Journal: s.Journal, Draining: &s.draining,
		Trace: requestTracing(tp)})
	if cfg.AdminAddr != "" {
		if err := s.startAdmin(cfg.AdminAddr); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

func newWorkers(db *store.DB, s *Server, opts Options, tp trace.TracerProvider) (*river.Client[pgx.Tx], error) {
	workers := river.NewWorkers()
	river.AddWorker(workers, &mail.SendWorker{Sender: opts.Mail})
	river.AddWorker(workers, &account.ResetEmailWorker{Accounts: s.Accounts, Sender: opts.Mail})
	river.AddWorker(workers, &account.InviteEmailWorker{Accounts: s.Accounts, Sender: opts.Mail})
	river.AddWorker(workers, &account.VerifyEmailWorker{Accounts: s.Accounts, Sender: opts.Mail})
	river.AddWorker(workers, &account.WelcomeEmailWorker{Accounts: s.Accounts, Sender: opts.Mail})
	river.AddWorker(workers, &message.SendWorker{Outbox: s.Messages})
	river.AddWorker(workers, &message.ReminderWorker{Outbox: s.Messages})
	river.AddWorker(workers, &booking.EventWorker{Booking: s.Booking, Payments: s.Payments, Till: s.Till})
	river.AddWorker(workers, &booking.SweepWorker{Booking: s.Booking})
	river.AddWorker(workers, &booking.RefundWorker{Booking: s.Booking})
	river.AddWorker(workers, &payment.ForgetCustomerWorker{Stripe: s.Stripe})
	river.AddWorker(workers, &portal.LinkRequestWorker{Portal: s.Portal})
	river.AddWorker(workers, &journal.SweepWorker{Journal: s.Journal})
	var periodic []*river.PeriodicJob
	if !opts.NoPeriodicJobs {
		periodic = append(periodic, sweep(booking.SweepEvery, booking.SweepArgs{}),
			sweep(message.ReminderEvery, message.ReminderArgs{}), sweep(journal.SweepEvery, journal.SweepArgs{}))
	}
	client, err := river.NewClient(riverpgxv5.New(db.AppPool()), &river.Config{
		Schema: store.RiverSchema,
		Logger: opts.Log,
		Queues: map[string]river.QueueConfig{
			river.QueueDefault: {MaxWorkers: 10},
			mail.Queue:         {MaxWorkers: 5},
		},
		Workers:                     workers,
		Middleware:                  store.JobTracing(tp),
		PeriodicJobs:                periodic,
		CompletedJobRetentionPeriod: 24 * time.Hour,
		// Jobs that fail are retried with backoff; the last error stays on the job.
		FetchPollInterval: 500 * time.Millisecond,
	})
	if err != nil {
		return nil, fmt.Errorf("server: job workers: %w", err)
	}
	return client, nil
}

// sweep is a job River's leader enqueues every period, and at once when an
// instance becomes the leader. It is unique per period: when the leader
// stops mid-period, the instance elected next does not run it a second time.
func sweep(every time.Duration, args river.JobArgs) *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(every), func() (river.JobArgs, *river.InsertOpts) {
		return args, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByPeriod: every}}
	}, &river.PeriodicJobOpts{RunOnStart: true})
}

// StartWorkers runs background jobs until StopWorkers.
//
// The workers outlive ctx: River hard-stops on a cancelled start context,
// cutting off a send the provider already accepted (then retried: sent
// twice). A SIGTERM ends them through StopWorkers, after the drain.
func (s *Server) StartWorkers(ctx context.Context) error {
	if err := s.workers.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("server: start workers: %w", err)
	}
	return nil
}

// StopWorkers lets running jobs finish (up to the context's deadline, and
// at most a minute: a stuck job must not hold a deploy forever).
func (s *Server) StopWorkers(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := s.workers.Stop(ctx); err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("server: stop workers: %w", err)
	}
	return nil
}

// Serve answers HTTP on ln until ctx is cancelled, then drains: /readyz
// fails while every request, on new connections too, is still answered for
// the drain delay, so the load balancer stops sending before the listener
// closes (closing it resets the connections the kernel has queued). Then
// in-flight requests finish (up to 30 seconds) before Serve returns.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- s.App.Listener(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("server: listen: %w", err)
	case <-ctx.Done():
	}
	s.draining.Store(true)
	s.Log.Info("shutting down: draining", "delay", s.Config.DrainDelay.String())
	select {
	case err := <-errc:
		return fmt.Errorf("server: listen: %w", err)
	case <-time.After(s.Config.DrainDelay):
	}
	s.Log.Info("shutting down: finishing in-flight requests")
	if err := s.App.ShutdownWithTimeout(30 * time.Second); err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	return nil
}

// Close releases connections, and sends the traces not sent yet.
func (s *Server) Close() {
	if s.admin != nil {
		_ = s.admin.Close()
	}
	if s.tracing != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if err := s.tracing.Shutdown(ctx); err != nil {
			s.Log.Warn("traces not sent", "err", err)
		}
		cancel()
	}
	if s.Redis != nil {
		_ = s.Redis.Close()
		_ = s.redisFiles.Close()
	}
	if s.DB != nil {
		s.DB.Close()
	}
}

// journalKey is the deployment's journal key: JOURNAL_KEY, or the key
// file, created at first start.
func journalKey(cfg config.Config) (journal.Key, error) {
	if cfg.JournalKey != nil {
		return journal.NewKey(cfg.JournalKey)
	}
	return journal.LoadOrCreateKeyFile(cfg.JournalKeyFile)
}

// SeedDemo seeds the demo salon once, however many instances start with
// --demo at the same moment: the others wait, then find it there.
func (s *Server) SeedDemo(ctx context.Context) error {
	return s.DB.Exclusive(ctx, store.DemoLock, s.Log, func() error { return demo.Seed(ctx, s.Accounts, s.DemoAreas()) })
}

// DemoAreas hands the demo seed the areas it fills in.
func (s *Server) DemoAreas() demo.Areas {
	return demo.Areas{Salons: s.Salons, Catalog: s.Catalog, Team: s.Team, Agenda: s.Agenda}
}
