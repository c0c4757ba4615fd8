package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"text/tabwriter"
	"time"
)

// compare runs the same load on Carnet and on the bare handler, alternately,
// and prints each round's throughputs and Carnet's share of the bare one.
// Only 2xx answers count: a fast error is not a page served.
func compare(ctx context.Context, w io.Writer, cfg config, client *http.Client, tg targets) {
	bare := cfg
	bare.base = cfg.compare
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "round\tcarnet/s\tcarnet p50\tcarnet p99\tcarnet cpu/req\tbare/s\tbare p50\tbare p99\tbare cpu/req\tcarnet/bare\t")
	var sumC, sumB float64
	var cpuC, cpuB time.Duration
	var okC, okB int
	for r := 1; r <= cfg.rounds && ctx.Err() == nil; r++ {
		c := measureCPU(ctx, cfg, cfg.pid, client, tg)
		b := measureCPU(ctx, bare, cfg.comparePID, client, tg)
		sumC, sumB = sumC+c.okRate, sumB+b.okRate
		cpuC, cpuB, okC, okB = cpuC+c.cpu, cpuB+b.cpu, okC+c.ok, okB+b.ok
		fmt.Fprintf(tw, "%d\t%.0f\t%s\t%s\t%s\t%.0f\t%s\t%s\t%s\t%.0f %%\t\n", r, c.okRate, ms(c.p50), ms(c.p99), c.perRequest(),
			b.okRate, ms(b.p50), ms(b.p99), b.perRequest(), 100*c.okRate/max(b.okRate, 1e-9))
		if c.errors != "-" || b.errors != "-" {
			fmt.Fprintf(tw, "\terrors: carnet %s, bare %s\t\t\t\t\t\t\t\t\t\n", c.errors, b.errors)
		}
	}
	all := func(cpu time.Duration, ok int) string { return summary{cpu: cpu, ok: ok}.perRequest() }
	fmt.Fprintf(tw, "all\t%.0f\t\t\t%s\t%.0f\t\t\t%s\t%.0f %%\t\n", sumC/float64(cfg.rounds), all(cpuC, okC),
		sumB/float64(cfg.rounds), all(cpuB, okB), 100*sumC/max(sumB, 1e-9))
	tw.Flush()
}

// measureCPU is measure, with the CPU the server's process (pid) used.
func measureCPU(ctx context.Context, cfg config, pid int, client *http.Client, tg targets) summary {
	before := cpuTime(pid)
	res := measure(ctx, cfg, client, tg)
	sm := summarize(res)
	if pid > 0 {
		sm.cpu = cpuTime(pid) - before
	}
	return sm
}

// perRequest is the server's CPU per 2xx answer (warm-up included in the
// CPU but not in the count, hence a slight overestimate), or "-".
func (s summary) perRequest() string {
	if s.cpu == 0 || s.ok == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3fms", float64(s.cpu)/float64(time.Millisecond)/float64(s.ok))
}
