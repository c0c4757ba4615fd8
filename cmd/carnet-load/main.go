// Command carnet-load is an open-model load generator for Carnet: it offers
// a fixed number of requests per second whatever the server's response
// times (like k6's constant-arrival-rate or vegeta), so a slow server shows
// up as growing latency, errors and dropped requests instead of quietly
// lowering the load, as a closed loop of N clients would.
//
//	go run ./cmd/carnet-load -base http://localhost:8093 -rate 300 -scenario mix
//
// Kinds of request (-scenario names one, or a blend):
//   - page: a salon's public page;
//   - slots: the times of one day of a service (the htmx fragment);
//   - book: a client booking a service with nothing to pay online, as a
//     browser does it: the service's page (sometimes one staff member's),
//     the times of a day of the strip, the details form of a free time, then
//     the form sent with a made-up client (its CSRF token and cookie, the
//     form's one-time key) and the booking's page it leads to. Only that
//     last step is measured. A time taken meanwhile by someone else is
//     counted as "taken", not as an error; a step that failed before the
//     form was sent shows in errors as step/cause (times/no-time: no free
//     time in the 14 days shown);
//   - agenda: the salon's day in the back office (/app/agenda?date=), any
//     day of the seeded year (nine months back, three ahead);
//   - clients: the back office's client list, or one time in three a search
//     by the first letters of a name seen on it (the htmx fragment).
//
// mix is page and slots 50/50; all is 45 % page, 40 % slots, 5 % book,
// 7 % agenda, 3 % clients (see blend). For agenda and clients (and all)
// each salon's owner signs in once before the run, two at a time and
// unmeasured (-owner, -password: the seed's owners by default); a salon
// whose owner cannot get in, or meets another step, is reported and the run
// does not start.
//
// Across many salons at once: -slug salon-%04d -salons 1-1000. Against the
// bare handler (cmd/carnet-bare) on the same data: -compare URL runs the
// same load on both, alternately -rounds times, and prints both throughputs
// and their ratio (page or slots only: the bare handler does only those
// reads); with -closed N (N workers sending back to back) the throughputs
// are each server's maximum.
//
// Start the server with TRUSTED_PROXIES=127.0.0.1: the tool gives each
// request its own X-Forwarded-For address so that the per-address limits
// (240 times fragments a minute, 10 bookings in 10 minutes, 50 sign-ins in
// 15 minutes) measure nothing but themselves; without a trusted proxy every
// request counts against 127.0.0.1 and most answers are 429.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"time"
)

// The seeded salons' owners (internal/seed: OwnerEmail, Password), written
// out so the tool stays a plain HTTP client; a test keeps them in step.
const (
	seedOwner    = "owner@%s.test"
	seedPassword = "seed-salon-2026"
)

func main() {
	var cfg config
	flag.StringVar(&cfg.base, "base", "http://localhost:8080", "base URL of the Carnet server")
	flag.StringVar(&cfg.slug, "slug", "demo", "salon whose public page is loaded, or a pattern such as salon-%04d with -salons")
	flag.StringVar(&cfg.salons, "salons", "", "range of numbers for a -slug pattern, e.g. 1-1000 (every salon in turn)")
	flag.StringVar(&cfg.compare, "compare", "", "base URL of carnet-bare on the same database: run the same load on both and print the ratio")
	flag.IntVar(&cfg.rounds, "rounds", 1, "with -compare: rounds of Carnet then bare, alternated so that noise from the machine hits both")
	flag.IntVar(&cfg.pid, "pid", 0, "with -compare: Carnet's process id, to report its CPU per request (Linux)")
	flag.IntVar(&cfg.comparePID, "compare-pid", 0, "with -compare: carnet-bare's process id, likewise")
	flag.IntVar(&cfg.closed, "closed", 0, "closed model with N workers sending back to back (maximum throughput) instead of -rate")
	flag.IntVar(&cfg.rate, "rate", 200, "requests offered per second (open model)")
	flag.DurationVar(&cfg.duration, "duration", 30*time.Second, "measured duration")
	flag.DurationVar(&cfg.warmup, "warmup", 3*time.Second, "unmeasured warm-up at the same rate (pools, caches, TCP connections)")
	flag.IntVar(&cfg.workers, "workers", 256, "max requests in flight; beyond it a request is dropped, not delayed")
	flag.StringVar(&cfg.scenario, "scenario", "mix", "page, slots, book, agenda, clients, mix (page and slots 50/50) or all (a blend of every kind)")
	flag.StringVar(&cfg.owner, "owner", seedOwner, "for agenda and clients: each salon owner's email, %s standing for the slug (the seed's owners)")
	flag.StringVar(&cfg.password, "password", seedPassword, "for agenda and clients: the owners' password (the seed's)")
	flag.Uint64Var(&cfg.seed, "seed", 0, "seed of the random choices (kinds of all, salons, days, times, clients' names); 0 takes one from the clock")
	flag.IntVar(&cfg.ips, "ips", 1<<16, "size of the X-Forwarded-For address pool (1 shows the per-address limit)")
	flag.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "per-request timeout (counted as a transport error)")
	flag.Parse()

	if err := cfg.validate(); err != nil {
		fmt.Fprintln(os.Stderr, "carnet-load:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	client := newClient(cfg)
	names, _ := slugs(cfg.slug, cfg.salons)
	salons, err := discoverAll(ctx, client, cfg.base, names)
	if err != nil {
		fmt.Fprintln(os.Stderr, "carnet-load:", err)
		os.Exit(1)
	}
	load := fmt.Sprintf("%d req/s, %d max in flight", cfg.rate, cfg.workers)
	if cfg.closed > 0 {
		load = fmt.Sprintf("closed loop, %d workers", cfg.closed)
	}
	if cfg.needsBooking() && !anyFree(salons) {
		fmt.Fprintln(os.Stderr, "carnet-load: no salon has a service bookable online without a payment: nothing to book")
		os.Exit(1)
	}
	if cfg.needsOwners() {
		if err := signInAll(ctx, os.Stdout, client, cfg, salons); err != nil {
			fmt.Fprintln(os.Stderr, "carnet-load:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("carnet-load: %s/b/%s, %d salons, scenario %s, %s, %s (+%s warm-up)\n",
		cfg.base, cfg.slug, len(salons), cfg.scenario, load, cfg.duration, cfg.warmup)

	targets := newTargets(cfg, salons, time.Now())
	if cfg.compare == "" {
		printReport(os.Stdout, cfg, measure(ctx, cfg, client, targets))
		return
	}
	compare(ctx, os.Stdout, cfg, client, targets)
}

func measure(ctx context.Context, cfg config, client *http.Client, tg targets) result {
	if cfg.closed > 0 {
		return runClosed(ctx, cfg, client, tg)
	}
	return run(ctx, cfg, client, tg)
}

type config struct {
	base, slug, scenario string
	owner, password      string
	salons, compare      string
	rate, workers, ips   int
	closed, rounds       int
	pid, comparePID      int
	duration, warmup     time.Duration
	timeout              time.Duration
	seed                 uint64
}

func (c *config) validate() error {
	c.base = strings.TrimRight(c.base, "/")
	c.compare = strings.TrimRight(c.compare, "/")
	if _, err := slugs(c.slug, c.salons); err != nil {
		return err
	}
	switch {
	case c.closed < 0 || c.rounds < 1:
		return fmt.Errorf("-closed must not be negative and -rounds must be positive")
	case c.compare != "" && c.scenario != "page" && c.scenario != "slots":
		return fmt.Errorf("-compare needs -scenario page or slots: the ratio is per kind of request, and the bare handler does only those")
	case c.needsOwners() && strings.Count(c.owner, "%s") != 1:
		return fmt.Errorf("-owner must hold %%s once, standing for the salon's slug, not %q", c.owner)
	case c.rate <= 0:
		return fmt.Errorf("-rate must be positive")
	case c.duration <= 0 || c.warmup < 0:
		return fmt.Errorf("-duration must be positive and -warmup not negative")
	case c.workers <= 0:
		return fmt.Errorf("-workers must be positive")
	case c.ips <= 0 || c.ips > 1<<24:
		return fmt.Errorf("-ips must be between 1 and %d", 1<<24)
	}
	switch c.scenario {
	case "page", "slots", "book", "agenda", "clients", "mix", "all":
		return nil
	}
	return fmt.Errorf("-scenario must be page, slots, book, agenda, clients, mix or all, not %q", c.scenario)
}

// needsOwners: the back-office kinds need each salon's owner signed in.
func (c config) needsOwners() bool {
	return c.scenario == "agenda" || c.scenario == "clients" || c.scenario == "all"
}

func (c config) needsBooking() bool { return c.scenario == "book" || c.scenario == "all" }

func anyFree(salons []salon) bool {
	for _, s := range salons {
		if len(s.free) > 0 {
			return true
		}
	}
	return false
}

// newClient allows one idle connection per possible in-flight request: with
// Go's default of 2 idle connections per host, a rate above a few hundred per
// second would open and close a TCP connection for almost every request and
// measure the loopback handshake rather than Carnet.
func newClient(cfg config) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = max(cfg.workers, cfg.closed)
	tr.MaxIdleConnsPerHost = max(cfg.workers, cfg.closed)
	return &http.Client{
		Transport: tr,
		Timeout:   cfg.timeout,
		// A redirect would mean the page moved (or asks for a login): report
		// the 3xx rather than silently measuring another page.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
