package main

import (
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	hundred := make([]time.Duration, 100) // 1..100 ms
	for i := range hundred {
		hundred[i] = ms(i + 1)
	}
	cases := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 99, 0},
		{"single", []time.Duration{ms(7)}, 50, ms(7)},
		{"p50 of 100", hundred, 50, ms(50)},
		{"p90 of 100", hundred, 90, ms(90)},
		{"p99 of 100", hundred, 99, ms(99)},
		{"max", hundred, 100, ms(100)},
		{"p0 is the minimum", hundred, 0, ms(1)},
		{"nearest rank rounds up", []time.Duration{ms(1), ms(2), ms(3), ms(4)}, 50, ms(2)},
		{"p99 of 10 is the max", hundred[:10], 99, ms(10)},
	}
	for _, c := range cases {
		if got := percentile(c.sorted, c.p); got != c.want {
			t.Errorf("%s: percentile(p%v) = %v, want %v", c.name, c.p, got, c.want)
		}
	}
}
