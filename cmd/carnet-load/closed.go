package main

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// runClosed is the closed model: cfg.closed workers each send their next
// request as soon as the last one is answered, for warm-up plus duration.
// It measures the most a server can do (its throughput at saturation),
// which is what comparing Carnet with the bare handler needs; the open
// model (run) is the one for latency at a given load.
func runClosed(ctx context.Context, cfg config, client *http.Client, tg targets) result {
	res := result{sent: map[string]int{}, dropped: map[string]int{}, measured: cfg.duration}
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		next atomic.Int64
	)
	start := time.Now()
	measureStart := start.Add(cfg.warmup)
	end := measureStart.Add(cfg.duration)
	for range cfg.closed {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []sample
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				t := tg.at(i)
				now := time.Now()
				if !now.Before(end) {
					break
				}
				s := send(ctx, client, cfg, t, i, now)
				// Only requests sent and answered inside the window count,
				// so the rate is completed/duration exactly.
				if now.After(measureStart) && time.Now().Before(end) {
					mine = append(mine, s)
				}
			}
			mu.Lock()
			res.samples = append(res.samples, mine...)
			for _, s := range mine {
				res.sent[s.kind]++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.elapsed = cfg.duration
	if ctx.Err() != nil {
		res.measured = max(min(time.Since(measureStart), cfg.duration), time.Millisecond)
		res.elapsed = res.measured
	}
	return res
}
