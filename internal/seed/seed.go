package seed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/store"
)

// Options say what to seed.
type Options struct {
	Salons   int       // salons 1 to Salons: salon-0001…
	Seed     uint64    // the same seed and day make the same data; 0 is 1
	Today    time.Time // the day the year of visits is set around; zero is now
	Workers  int       // salons written at once; 0 is 2 (one per core here)
	Progress io.Writer // where progress goes; nil is nowhere
}

// Report is what a run did.
type Report struct {
	Created, Skipped int
	Rows             int64 // rows written, every table
	Visits           int64
	Elapsed          time.Duration
}

// Run seeds salons 1 to o.Salons, skipping those whose slug is taken.
func Run(ctx context.Context, db *store.DB, o Options) (Report, error) {
	start := time.Now()
	if o.Salons < 1 {
		return Report{}, errors.New("seed: at least one salon")
	}
	o = o.withDefaults()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return Report{}, fmt.Errorf("seed: %w", err)
	}
	todo, err := missing(ctx, db, o.Salons)
	if err != nil {
		return Report{}, err
	}
	// One hash for every owner: argon2id costs 30 ms a hash, and the
	// password is the same.
	hash, err := account.HashPassword(ctx, Password)
	if err != nil {
		return Report{}, fmt.Errorf("seed: %w", err)
	}
	rep := Report{Created: len(todo), Skipped: o.Salons - len(todo)}
	p := &progress{total: len(todo), start: start}
	stop := p.report(o.Progress)
	err = run(ctx, db, o, yearAround(o.Today, loc), hash, todo, p)
	stop()
	rep.Rows, rep.Visits, rep.Elapsed = p.rows.Load(), p.visits.Load(), time.Since(start)
	if err != nil {
		rep.Created = int(p.salons.Load())
		return rep, err
	}
	return rep, nil
}

func (o Options) withDefaults() Options {
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Today.IsZero() {
		o.Today = time.Now()
	}
	if o.Workers < 1 {
		o.Workers = 2
	}
	return o
}

// missing lists the salons of 1..n whose slug is free.
func missing(ctx context.Context, db *store.DB, n int) ([]int, error) {
	slugs := make([]string, n)
	for i := range slugs {
		slugs[i] = Slug(i + 1)
	}
	var taken []string
	err := db.Unscoped(ctx, func(tx store.Tx) error {
		var err error
		taken, err = tx.SeedSalonsExisting(ctx, slugs)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("seed: salons already there: %w", err)
	}
	seen := map[string]bool{}
	for _, s := range taken {
		seen[s] = true
	}
	var todo []int
	for i := 1; i <= n; i++ {
		if !seen[Slug(i)] {
			todo = append(todo, i)
		}
	}
	return todo, nil
}

// run writes the salons on o.Workers connections; the first error stops it.
func run(ctx context.Context, db *store.DB, o Options, y year, hash string, todo []int, p *progress) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan int)
	var wg sync.WaitGroup
	for range o.Workers {
		wg.Go(func() {
			for i := range next {
				if err := one(ctx, db, o.Seed, i, y, hash, p); err != nil {
					cancel(err)
				}
			}
		})
	}
feed:
	for _, i := range todo {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return context.Cause(ctx)
}

// one makes salon i from its own generator and writes it; it is then a
// demo salon, whose messages are never sent: its clients are made up.
func one(ctx context.Context, db *store.DB, seed uint64, i int, y year, hash string, p *progress) error {
	s := generate(seed, i, y)
	rows, err := write(ctx, db, s, hash)
	if err != nil {
		return err
	}
	if err := db.Unscoped(ctx, func(tx store.Tx) error { return tx.TenantMarkDemo(ctx, s.id) }); err != nil {
		return fmt.Errorf("seed: %s: mark as demo: %w", Slug(i), err)
	}
	p.salons.Add(1)
	p.rows.Add(int64(rows))
	p.visits.Add(int64(len(s.visits)))
	return nil
}

// generate makes salon i: a pure function of the seed, i and the year.
func generate(seed uint64, i int, y year) *salon {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	g := ids{r}
	s := newSalon(r, i, y)
	s.enrol(r, g, y)
	s.book(r, g, y)
	s.history(r, y)
	s.signedUp = y.first.AddDate(0, -1, 0)
	return s
}

type progress struct {
	total                int
	start                time.Time
	salons, rows, visits atomic.Int64
}

// report prints progress every two seconds, and once more when stopped.
func (p *progress) report(w io.Writer) (stop func()) {
	if w == nil {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(2 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.print(w)
			case <-done:
				p.print(w)
				return
			}
		}
	}()
	return func() { close(done); <-finished }
}

func (p *progress) print(w io.Writer) {
	secs := time.Since(p.start).Seconds()
	rows := p.rows.Load()
	fmt.Fprintf(w, "seed: %d/%d salons, %d visits, %d rows, %.0f rows/s, %.0f s\n",
		p.salons.Load(), p.total, p.visits.Load(), rows, float64(rows)/secs, secs)
}
