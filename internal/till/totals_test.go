package till

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// randomTicket builds a ticket of 1–8 lines with random rates, prices,
// quantities and discounts; sign -1 makes it a credit note.
func randomTicket(r *rand.Rand, sign int64) ([]LineIn, Discount) {
	lines := make([]LineIn, 1+r.IntN(8))
	for i := range lines {
		l := LineIn{Quantity: sign * (1 + r.Int64N(5)), UnitCents: r.Int64N(50000), RateBP: int64(VATRates[r.IntN(len(VATRates))])}
		switch r.IntN(3) {
		case 1:
			l.DiscountBP = r.Int64N(10001)
		case 2:
			l.DiscountCents = r.Int64N(60000)
		}
		lines[i] = l
	}
	var d Discount
	switch r.IntN(3) {
	case 1:
		d.BP = r.Int64N(10001)
	case 2:
		d.Cents = r.Int64N(100000)
	}
	return lines, d
}

func TestTotalsAddUpWhateverTheLinesAndDiscounts(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		for _, sign := range []int64{1, -1} {
			lines, d := randomTicket(r, sign)
			tot := Compute(lines, d, false)
			var incl, vat, base, vatByRate int64
			for i, l := range tot.Lines {
				incl += l.InclCents
				vat += l.VATCents
				require.GreaterOrEqual(t, sign*l.InclCents, int64(0), "a line keeps the ticket's sign")
				require.GreaterOrEqual(t, sign*l.VATCents, int64(0))
				require.LessOrEqual(t, abs(l.VATCents), abs(l.InclCents))
				require.LessOrEqual(t, abs(l.InclCents), abs(lines[i].Quantity*lines[i].UnitCents), "a discount never adds")
			}
			for _, rt := range tot.VAT {
				base += rt.BaseCents
				vatByRate += rt.VATCents
			}
			require.Equal(t, tot.InclCents, incl, "the lines add up to the total")
			require.Equal(t, tot.VATCents, vat)
			require.Equal(t, tot.VATCents, vatByRate, "VAT per rate adds up to the VAT")
			require.Equal(t, tot.ExclCents, base, "bases per rate add up to the total excluding VAT")
			require.Equal(t, tot.InclCents, tot.ExclCents+tot.VATCents)
			if sign > 0 {
				require.GreaterOrEqual(t, tot.InclCents, int64(0), "a ticket is never negative")
			}
		}
	}
}

func TestACreditNoteMirrorsItsSale(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		lines, d := randomTicket(r, 1)
		back := make([]LineIn, len(lines))
		for i, l := range lines {
			l.Quantity = -l.Quantity
			back[i] = l
		}
		sale, credit := Compute(lines, d, false), Compute(back, d, false)
		require.Equal(t, -sale.InclCents, credit.InclCents)
		require.Equal(t, -sale.VATCents, credit.VATCents, "half away from zero rounds both ways alike")
	}
}

func TestAnExemptSalonHasNoVAT(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 6))
	for range 1000 {
		lines, d := randomTicket(r, 1)
		tot := Compute(lines, d, true)
		require.Zero(t, tot.VATCents)
		require.Empty(t, tot.VAT)
		require.Equal(t, tot.InclCents, tot.ExclCents)
	}
}

func TestTotalsOfAKnownTicket(t *testing.T) {
	t.Parallel()
	// A cut at 45 € (20 %), a shampoo 2 × 12,50 € (20 %) with 10 % off, a book
	// at 9,99 € (5,5 %); 5 € off the ticket.
	tot := Compute([]LineIn{
		{Quantity: 1, UnitCents: 4500, RateBP: 2000},
		{Quantity: 2, UnitCents: 1250, RateBP: 2000, DiscountBP: 1000},
		{Quantity: 1, UnitCents: 999, RateBP: 550},
	}, Discount{Cents: 500}, false)
	// Lines 4500 + 2250 + 999 = 7749; 500 shared: 290,36 / 145,18 / 64,46 →
	// 290 / 145 / 64 and the cent left to the largest remainder (the book).
	require.Equal(t, []LineOut{{InclCents: 4210, VATCents: 702}, {InclCents: 2105, VATCents: 351}, {InclCents: 934, VATCents: 49}}, tot.Lines)
	require.Equal(t, int64(7249), tot.InclCents)
	require.Equal(t, []RateTotal{{RateBP: 2000, BaseCents: 5262, VATCents: 1053}, {RateBP: 550, BaseCents: 885, VATCents: 49}}, tot.VAT)
}

func TestHalfACentRoundsAwayFromZero(t *testing.T) {
	t.Parallel()
	require.Equal(t, int64(3), divRound(5, 2))
	require.Equal(t, int64(-3), divRound(-5, 2))
	require.Equal(t, int64(2), divRound(7, 4))
	require.Equal(t, int64(-2), divRound(-7, 4))
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}
