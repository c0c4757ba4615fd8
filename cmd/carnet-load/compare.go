package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"text/tabwriter"
)

// compare runs the same load on Carnet and on the bare handler, alternately,
// and prints each round's throughputs and Carnet's share of the bare one.
// Only 2xx answers count: a fast error is not a page served.
func compare(ctx context.Context, w io.Writer, cfg config, client *http.Client, tg targets) {
	bare := cfg
	bare.base = cfg.compare
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "round\tcarnet/s\tcarnet p50\tcarnet p99\tbare/s\tbare p50\tbare p99\tcarnet/bare\t")
	var sumC, sumB float64
	for r := 1; r <= cfg.rounds && ctx.Err() == nil; r++ {
		c := summarize(measure(ctx, cfg, client, tg))
		b := summarize(measure(ctx, bare, client, tg))
		sumC, sumB = sumC+c.okRate, sumB+b.okRate
		fmt.Fprintf(tw, "%d\t%.0f\t%s\t%s\t%.0f\t%s\t%s\t%.0f %%\t\n", r, c.okRate, ms(c.p50), ms(c.p99),
			b.okRate, ms(b.p50), ms(b.p99), 100*c.okRate/max(b.okRate, 1e-9))
		if c.errors != "-" || b.errors != "-" {
			fmt.Fprintf(tw, "\terrors: carnet %s, bare %s\t\t\t\t\t\t\t\n", c.errors, b.errors)
		}
	}
	fmt.Fprintf(tw, "all\t%.0f\t\t\t%.0f\t\t\t%.0f %%\t\n", sumC/float64(cfg.rounds), sumB/float64(cfg.rounds), 100*sumC/max(sumB, 1e-9))
	tw.Flush()
}
