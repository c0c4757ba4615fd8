package till

import (
	"context"
	"strconv"
	"time"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/till"
)

// TakingsView is a day's takings as its page shows them.
type TakingsView struct {
	till.Takings
	Choices  []till.Register // the registers to choose from; the filter shows with two or more
	Today    time.Time       // midnight in the salon's zone: no "next day" past it
	Currency string
}

// bar is one bar of a chart: its label, amount and length out of 100.
type bar struct {
	Label string
	Cents int64
	Share int64
}

// bars scales amounts to the largest in absolute value; a negative amount
// (more given back than taken) draws nothing, its figure says it.
func bars(labels []string, cents []int64) []bar {
	var top int64
	for _, c := range cents {
		top = max(top, c, -c)
	}
	out := make([]bar, len(cents))
	for i, c := range cents {
		out[i] = bar{Label: labels[i], Cents: c}
		if top > 0 && c > 0 {
			out[i].Share = max(1, c*100/top)
		}
	}
	return out
}

func methodBars(ctx context.Context, v TakingsView) []bar {
	var labels []string
	var cents []int64
	for _, m := range v.ByMethod {
		labels, cents = append(labels, methodLabel(ctx, m.Method)), append(cents, m.Cents)
	}
	return bars(labels, cents)
}

func staffBars(ctx context.Context, v TakingsView) []bar {
	var labels []string
	var cents []int64
	for _, s := range v.ByStaff {
		labels, cents = append(labels, staffName(ctx, s)), append(cents, s.Cents)
	}
	return bars(labels, cents)
}

func staffName(ctx context.Context, s till.StaffTotal) string {
	if s.Name == "" {
		return i18n.T(ctx, "takings.staff.none")
	}
	return s.Name
}

func share(b bar) string { return strconv.FormatInt(b.Share, 10) }

func quantity(n int64) string { return strconv.FormatInt(n, 10) }

func hasNext(v TakingsView) bool { return v.Day.Before(v.Today) }

func prevDay(v TakingsView) time.Time { return v.Day.AddDate(0, 0, -1) }

func nextDay(v TakingsView) time.Time { return v.Day.AddDate(0, 0, 1) }

func neg(cents int64) string {
	if cents < 0 {
		return "num neg"
	}
	return "num"
}
