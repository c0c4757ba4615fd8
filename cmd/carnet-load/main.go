// Command carnet-load is an open-model load generator for Carnet's public
// booking pages: it offers a fixed number of requests per second whatever the
// server's response times (like k6's constant-arrival-rate or vegeta), so a
// slow server shows up as growing latency, errors and dropped requests instead
// of quietly lowering the load, as a closed loop of N clients would.
//
//	go run ./cmd/carnet-load -base http://localhost:8093 -rate 300 -scenario mix
//
// Start the server with TRUSTED_PROXIES=127.0.0.1: the tool gives each
// request its own X-Forwarded-For address so that the per-address limit on the
// slots fragment (240/min) measures nothing but itself; without a trusted
// proxy every request counts against 127.0.0.1 and most slots answers are 429.
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

func main() {
	var cfg config
	flag.StringVar(&cfg.base, "base", "http://localhost:8080", "base URL of the Carnet server")
	flag.StringVar(&cfg.slug, "slug", "demo", "salon whose public page is loaded")
	flag.IntVar(&cfg.rate, "rate", 200, "requests offered per second (open model)")
	flag.DurationVar(&cfg.duration, "duration", 30*time.Second, "measured duration")
	flag.DurationVar(&cfg.warmup, "warmup", 3*time.Second, "unmeasured warm-up at the same rate (pools, caches, TCP connections)")
	flag.IntVar(&cfg.workers, "workers", 256, "max requests in flight; beyond it a request is dropped, not delayed")
	flag.StringVar(&cfg.scenario, "scenario", "mix", "page, slots, or mix (50/50)")
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
	services, err := discoverServices(ctx, client, cfg.base, cfg.slug)
	if err != nil {
		fmt.Fprintln(os.Stderr, "carnet-load:", err)
		os.Exit(1)
	}
	fmt.Printf("carnet-load: %s/b/%s, %d services, scenario %s, %d req/s for %s (+%s warm-up), %d max in flight\n",
		strings.TrimRight(cfg.base, "/"), cfg.slug, len(services), cfg.scenario, cfg.rate, cfg.duration, cfg.warmup, cfg.workers)

	targets := newTargets(cfg, services, time.Now())
	res := run(ctx, cfg, client, targets)
	printReport(os.Stdout, cfg, res)
}

type config struct {
	base, slug, scenario string
	rate, workers, ips   int
	duration, warmup     time.Duration
	timeout              time.Duration
}

func (c *config) validate() error {
	c.base = strings.TrimRight(c.base, "/")
	switch {
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
	case "page", "slots", "mix":
		return nil
	}
	return fmt.Errorf("-scenario must be page, slots or mix, not %q", c.scenario)
}

// newClient allows one idle connection per possible in-flight request: with
// Go's default of 2 idle connections per host, a rate above a few hundred per
// second would open and close a TCP connection for almost every request and
// measure the loopback handshake rather than Carnet.
func newClient(cfg config) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = cfg.workers
	tr.MaxIdleConnsPerHost = cfg.workers
	return &http.Client{
		Transport: tr,
		Timeout:   cfg.timeout,
		// A redirect would mean the page moved (or asks for a login): report
		// the 3xx rather than silently measuring another page.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
