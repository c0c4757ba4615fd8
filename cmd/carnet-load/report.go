package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// percentile is the nearest-rank percentile of sorted durations: the
// smallest recorded value with at least p% of the values at or below it.
// It is always a latency that some request really had, never an
// interpolation or a histogram bucket edge.
func percentile(sorted []time.Duration, p float64) time.Duration {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	// The epsilon keeps float noise (e.g. 0.29*100 = 29.000000000000004)
	// from pushing the rank one place too high.
	rank := int(math.Ceil(float64(n)*p/100 - 1e-9))
	rank = min(max(rank, 1), n)
	return sorted[rank-1]
}

// row is one line of the table: a scenario, or "all".
type row struct {
	name                     string
	sent, completed, dropped int
	ok, taken                int
	statuses                 map[int]int    // non-2xx responses by status
	transport                map[string]int // failures below HTTP by class
	steps                    map[string]int // book: failures before the form was sent, by step and cause
	latencies                []time.Duration
	lags                     []time.Duration
}

func newRow(name string) *row {
	return &row{name: name, statuses: map[int]int{}, transport: map[string]int{}, steps: map[string]int{}}
}

func (r *row) add(s sample) {
	r.lags = append(r.lags, s.lag)
	if s.step != "" {
		// Nothing was submitted: an error, but no latency to report.
		r.steps[s.step+"/"+s.errKind]++
		return
	}
	if s.status == 0 {
		r.transport[s.errKind]++
		return
	}
	// A response, whatever its status, is a completed request and its
	// latency counts: a fast 429 or 503 is part of what visitors get.
	r.completed++
	r.latencies = append(r.latencies, s.latency)
	switch {
	case s.status >= 200 && s.status < 300:
		r.ok++
	case s.taken:
		// Another client took the time first: what the double-booking
		// guard is for, so counted apart from the errors.
		r.taken++
	default:
		r.statuses[s.status]++
	}
}

func printReport(w io.Writer, cfg config, res result) {
	rows := map[string]*row{}
	all := newRow("all")
	for _, s := range res.samples {
		if rows[s.kind] == nil {
			rows[s.kind] = newRow(s.kind)
		}
		rows[s.kind].add(s)
		all.add(s)
	}
	for _, name := range kinds {
		if res.sent[name]+res.dropped[name] > 0 && rows[name] == nil {
			rows[name] = newRow(name) // everything dropped
		}
	}
	var order []*row
	for _, name := range kinds {
		if r := rows[name]; r != nil {
			r.sent, r.dropped = res.sent[name], res.dropped[name]
			all.sent += r.sent
			all.dropped += r.dropped
			order = append(order, r)
		}
	}
	if len(order) > 1 {
		order = append(order, all)
	}

	secs := res.elapsed.Seconds()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kind\toffered/s\tsent\tcompleted\t2xx\tdropped\tthroughput/s\tp50\tp90\tp99\tmax\ttaken\terrors\t")
	for _, r := range order {
		slices.Sort(r.latencies)
		offered := float64(r.sent+r.dropped) / res.measured.Seconds()
		taken := "-"
		if r.name == "book" || (r.name == "all" && r.taken > 0) {
			taken = fmt.Sprint(r.taken)
		}
		fmt.Fprintf(tw, "%s\t%.0f\t%d\t%d\t%d\t%d\t%.1f\t%s\t%s\t%s\t%s\t%s\t%s\t\n",
			r.name, offered, r.sent, r.completed, r.ok, r.dropped, float64(r.completed)/secs,
			ms(percentile(r.latencies, 50)), ms(percentile(r.latencies, 90)),
			ms(percentile(r.latencies, 99)), ms(percentile(r.latencies, 100)), taken, r.errors())
	}
	tw.Flush()

	// If the pacer itself ran late, the offered rate was not what was asked
	// for: with the generator on the server's machine this is the first sign
	// that the two are fighting for the CPU.
	slices.Sort(all.lags)
	fmt.Fprintf(w, "measured %s (last response at +%s); pacer lag p99 %s, max %s\n",
		res.measured.Round(time.Millisecond), res.elapsed.Round(time.Millisecond), ms(percentile(all.lags, 99)), ms(percentile(all.lags, 100)))
}

// summary is one run in a line: 2xx answers per second and latencies.
type summary struct {
	okRate   float64
	ok       int
	p50, p99 time.Duration
	errors   string
	cpu      time.Duration // the server's CPU during the run, when its pid is known
}

func summarize(res result) summary {
	all := newRow("all")
	for _, s := range res.samples {
		all.add(s)
	}
	for _, n := range res.dropped {
		all.dropped += n
	}
	slices.Sort(all.latencies)
	sm := summary{okRate: float64(all.ok) / res.elapsed.Seconds(), ok: all.ok, p50: percentile(all.latencies, 50),
		p99: percentile(all.latencies, 99), errors: all.errors()}
	if all.dropped > 0 {
		sm.errors = strings.TrimPrefix(strings.TrimPrefix(sm.errors, "-")+fmt.Sprintf(" dropped:%d", all.dropped), " ")
	}
	return sm
}

// errors lists non-2xx statuses, transport failures and failed booking
// steps, e.g. "429:12 timeout:3 times/no-time:1".
func (r *row) errors() string {
	var parts []string
	codes := make([]int, 0, len(r.statuses))
	for c := range r.statuses {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	for _, c := range codes {
		parts = append(parts, fmt.Sprintf("%d:%d", c, r.statuses[c]))
	}
	kinds := make([]string, 0, len(r.transport))
	for k := range r.transport {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s:%d", k, r.transport[k]))
	}
	steps := make([]string, 0, len(r.steps))
	for k := range r.steps {
		steps = append(steps, k)
	}
	sort.Strings(steps)
	for _, k := range steps {
		parts = append(parts, fmt.Sprintf("%s:%d", k, r.steps[k]))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " ")
}

// ms prints a latency in milliseconds with enough digits for sub-millisecond
// pages and still short for multi-second ones.
func ms(d time.Duration) string {
	f := float64(d) / float64(time.Millisecond)
	switch {
	case f < 10:
		return fmt.Sprintf("%.2fms", f)
	case f < 1000:
		return fmt.Sprintf("%.1fms", f)
	}
	return fmt.Sprintf("%.2fs", f/1000)
}
