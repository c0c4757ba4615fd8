package journal_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/store"
)

// expected is a period's totals summed independently of the journal.
type expected struct {
	docs, excl, vat, incl int64
	methods               map[string]int64
	base, rateVAT         map[int64]int64
}

func newExpected() *expected {
	return &expected{methods: map[string]int64{}, base: map[int64]int64{}, rateVAT: map[int64]int64{}}
}

func (x *expected) add(d journal.Document) {
	x.docs++
	x.excl += d.ExclCents
	x.vat += d.VATCents
	x.incl += d.InclCents
	for _, p := range d.Payments {
		x.methods[p.Method] += p.Cents
	}
	for _, v := range d.VAT {
		x.base[v.RateBP] += v.BaseCents
		x.rateVAT[v.RateBP] += v.VATCents
	}
}

func (x *expected) requireEqual(t *testing.T, c journal.Closure) {
	t.Helper()
	require.Equal(t, []int64{x.docs, x.excl, x.vat, x.incl}, []int64{c.Documents, c.ExclCents, c.VATCents, c.InclCents})
	methods := map[string]int64{}
	for _, p := range c.Payments {
		methods[p.Method] += p.Cents
	}
	require.Equal(t, x.methods, methods)
	base, vat := map[int64]int64{}, map[int64]int64{}
	for _, v := range c.VAT {
		base[v.RateBP] += v.BaseCents
		vat[v.RateBP] += v.VATCents
	}
	require.Equal(t, x.base, base)
	require.Equal(t, x.rateVAT, vat)
}

// TestClosureTotalsEqualTheDetailToTheCent: for random tickets, credit
// notes and split payments over two days, each day's closure carries the
// day's totals per method and per VAT rate, to the cent, and the grand
// total of everything before its end.
func TestClosureTotalsEqualTheDetailToTheCent(t *testing.T) {
	t.Parallel()
	b := setup(t)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	for round := range 20 {
		register := uuid.New()
		day1, _ := journal.Bounds(journal.Day, b.env.Clock.Now().AddDate(0, 0, -3), paris)
		_, day2 := journal.Bounds(journal.Day, day1, paris)
		days := []*expected{newExpected(), newExpected()}
		// In time order: the journal dates entries in the order it chains them.
		var ats []time.Time
		for range rng.IntN(20) {
			ats = append(ats, day1.AddDate(0, 0, rng.IntN(2)).Add(time.Duration(rng.Int64N(int64(24*time.Hour)))))
		}
		slices.SortFunc(ats, time.Time.Compare)
		for _, at := range ats {
			d := 0
			if !at.Before(day2) {
				d = 1
			}
			days[d].add(b.doc(t, rng, register, at))
		}
		first := b.close(t, register, journal.Day, day1, day2)
		second := b.close(t, register, journal.Day, day2, day2.AddDate(0, 0, 1))
		days[0].requireEqual(t, first)
		days[1].requireEqual(t, second)
		require.Equal(t, days[0].incl, first.GrandTotal, "round %d", round)
		require.Equal(t, days[0].incl+days[1].incl, second.GrandTotal, "round %d", round)
		require.Equal(t, first, b.close(t, register, journal.Day, day1, day2), "a day is closed once")
	}
}

// TestAClosureWaitsForItsPeriodsEnd: today cannot be closed as a whole day
// before midnight.
func TestAClosureWaitsForItsPeriodsEnd(t *testing.T) {
	t.Parallel()
	b := setup(t)
	from, to := journal.Bounds(journal.Day, b.env.Clock.Now(), time.UTC)
	err := b.env.Srv.DB.WithTenant(t.Context(), b.salon, func(tx store.Tx) error {
		_, err := b.j.Close(t.Context(), tx, b.salon, uuid.New(), journal.Day, from, to)
		return err
	})
	require.ErrorIs(t, err, journal.ErrPeriodNotOver)
}
