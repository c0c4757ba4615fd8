package admin

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// recent is the window of "visits lately" on the salon list and page.
const recent = 30 * 24 * time.Hour

// Figures is one salon's business as the operator sees it.
type Figures struct {
	Clients        int64
	Visits30d      int64
	LastActivity   time.Time
	Stripe         string // none, started, review, active
	Payments       int64  // online payments collected
	CollectedCents int64
	FeesCents      int64 // the platform's fees on them
	EmailsSent     int64
	SMSSent        int64
}

func figuresTx(ctx context.Context, tx store.Tx, id uuid.UUID, now time.Time) (Figures, error) {
	r, err := tx.TenantFiguresForAdmin(ctx, dbq.TenantFiguresForAdminParams{TenantID: id, Since: now.Add(-recent), Now: now})
	if err != nil {
		return Figures{}, err
	}
	return Figures{Clients: r.Clients, Visits30d: r.Visits30d, LastActivity: r.LastActivity, Stripe: r.StripeStatus,
		Payments: r.Payments, CollectedCents: r.CollectedCents, FeesCents: r.FeesCents, EmailsSent: r.EmailsSent, SMSSent: r.SmsSent}, nil
}

// Week is one week of the platform: salons signed up, salons with visits.
type Week struct {
	Start         time.Time
	Signups       int64
	ActiveSalons  int64
	SignupsShare  int // percent of the busiest week, for the bars
	ActivityShare int
}

// Month is the platform fees of one month, per currency.
type Month struct {
	Start time.Time
	Fees  map[string]int64 // currency → cents
	Share int              // percent of the best month (in the main currency), for the chart
}

// Business is the platform across salons.
type Business struct {
	Weeks    []Week
	Months   []Month
	Currency string // the chart's currency; fees in others are listed beside it
}

// Weeks and months shown.
const (
	businessWeeks  = 12
	businessMonths = 12
)

// Business returns sign-ups and active salons for the last 12 weeks
// (Monday to Sunday, UTC) and fees for the last 12 months.
func (s *Service) Business(ctx context.Context) (Business, error) {
	now := s.Clock.Now().UTC()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	lastWeek := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	lastMonth := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	var b Business
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		weeks, err := tx.PlatformWeekly(ctx, dbq.PlatformWeeklyParams{FirstWeek: lastWeek.AddDate(0, 0, -7*(businessWeeks-1)), LastWeek: lastWeek})
		if err != nil {
			return err
		}
		for _, w := range weeks {
			b.Weeks = append(b.Weeks, Week{Start: w.Week, Signups: w.Signups, ActiveSalons: w.ActiveSalons})
		}
		months, err := tx.PlatformMonthlyFees(ctx, dbq.PlatformMonthlyFeesParams{FirstMonth: lastMonth.AddDate(0, -(businessMonths - 1), 0), LastMonth: lastMonth})
		if err != nil {
			return err
		}
		b.Months = monthsOf(months)
		return nil
	})
	if err != nil {
		return Business{}, fmt.Errorf("admin: business: %w", err)
	}
	b.scale()
	return b, nil
}

func monthsOf(rows []dbq.PlatformMonthlyFeesRow) []Month {
	var out []Month
	for _, r := range rows {
		if len(out) == 0 || !out[len(out)-1].Start.Equal(r.Month) {
			out = append(out, Month{Start: r.Month, Fees: map[string]int64{}})
		}
		if r.Currency != "" {
			out[len(out)-1].Fees[r.Currency] += r.FeesCents
		}
	}
	return out
}

// scale sets each bar's length against the longest of its chart.
func (b *Business) scale() {
	b.Currency = "EUR"
	var signups, active, fees int64
	for _, w := range b.Weeks {
		signups, active = max(signups, w.Signups), max(active, w.ActiveSalons)
	}
	for _, m := range b.Months {
		fees = max(fees, m.Fees[b.Currency])
	}
	for i := range b.Weeks {
		b.Weeks[i].SignupsShare = share(b.Weeks[i].Signups, signups)
		b.Weeks[i].ActivityShare = share(b.Weeks[i].ActiveSalons, active)
	}
	for i := range b.Months {
		b.Months[i].Share = share(b.Months[i].Fees[b.Currency], fees)
	}
}

func share(v, top int64) int {
	if top == 0 {
		return 0
	}
	return int(v * 100 / top)
}
