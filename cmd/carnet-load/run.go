package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"
)

// sample is the outcome of one measured request.
type sample struct {
	kind    string
	status  int           // 0 when the request failed below HTTP
	errKind string        // transport error class, when status is 0
	latency time.Duration // from the moment it was sent to the last byte of the body
	lag     time.Duration // how late the pacer sent it (load generator starved of CPU)
	step    string        // book: the unmeasured step that failed before the form was sent
	taken   bool          // book: refused because the time was just taken
}

// result is a whole run, gathered once every request has finished.
type result struct {
	samples  []sample
	sent     map[string]int // measured requests handed to a worker, by kind
	dropped  map[string]int // measured requests not sent: the in-flight cap was reached
	elapsed  time.Duration  // measurement start → last measured response
	measured time.Duration
}

// run paces requests at fixed intervals from a single goroutine: request i is
// due at start + i/rate, and the pacer never waits on a response. When it
// wakes up late (CPU contention) it sends what is overdue at once, so the
// offered count over the run stays exact. The first `warmup` of requests is
// sent but not recorded.
func run(ctx context.Context, cfg config, client *http.Client, tg targets) result {
	interval := time.Second / time.Duration(cfg.rate)
	warmN := int(cfg.warmup / interval)
	total := warmN + int(cfg.duration/interval)

	res := result{sent: map[string]int{}, dropped: map[string]int{}, measured: cfg.duration}
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		lastDone time.Time
		slots    = make(chan struct{}, cfg.workers) // in-flight semaphore
	)
	res.samples = make([]sample, 0, total-warmN)

	start := time.Now()
	measureStart := start.Add(time.Duration(warmN) * interval)
	timer := time.NewTimer(0)
	defer timer.Stop()

loop:
	for i := range total {
		due := start.Add(time.Duration(i) * interval)
		if d := time.Until(due); d > 0 {
			timer.Reset(d)
			select {
			case <-timer.C:
			case <-ctx.Done():
				break loop
			}
		} else if ctx.Err() != nil {
			break loop
		}
		t := tg.at(i)
		measured := i >= warmN

		// Open model: if every worker slot is busy the request is dropped
		// and counted, never queued, so a slow server cannot slow the pacer.
		select {
		case slots <- struct{}{}:
		default:
			if measured {
				res.dropped[t.kind]++
			}
			continue
		}
		if measured {
			res.sent[t.kind]++
		}
		wg.Add(1)
		go func(i int, t target, due time.Time) {
			defer func() { <-slots; wg.Done() }()
			s := send(ctx, client, cfg, t, i, due)
			if !measured {
				return
			}
			mu.Lock()
			res.samples = append(res.samples, s)
			if now := time.Now(); now.After(lastDone) {
				lastDone = now
			}
			mu.Unlock()
		}(i, t, due)
	}
	// Interrupted (Ctrl-C): rates are over the part actually measured.
	if ctx.Err() != nil {
		res.measured = max(min(time.Since(measureStart), cfg.duration), time.Millisecond)
	}
	wg.Wait()
	res.elapsed = max(lastDone.Sub(measureStart), res.measured)
	return res
}

// send does the i-th request and reads the whole body: the latency a
// browser sees ends with the last byte, and an unread body would not let
// the connection be reused. A back-office request goes through its salon
// owner's browser; a booking is a whole visit (book).
func send(ctx context.Context, client *http.Client, cfg config, t target, i int, due time.Time) sample {
	ip := clientIP(i, cfg.ips)
	if t.kind == "book" {
		return book(ctx, client, cfg, t, ip, i, due)
	}
	if t.sal != nil && t.sal.owner != nil {
		client = t.sal.owner
	}
	s := sample{kind: t.kind}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, cfg.base+t.path, nil)
	if err != nil {
		s.errKind = "request"
		return s
	}
	req.Header.Set("X-Forwarded-For", ip)
	req.Header.Set("Accept-Language", "fr-FR,fr;q=0.9")
	if t.htmx {
		req.Header.Set("HX-Request", "true")
	}
	began := time.Now()
	s.lag = began.Sub(due)
	resp, err := client.Do(req)
	if err == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	s.latency = time.Since(began)
	if err != nil {
		s.errKind = classify(err)
		return s
	}
	s.status = resp.StatusCode
	return s
}

// classify names transport errors coarsely: the report wants counts, and the
// raw messages embed addresses and ports that would make every error unique.
func classify(err error) string {
	var ne interface{ Timeout() bool }
	switch {
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "eof"
	}
	return "other"
}
