package till

import "github.com/carnet-salon/carnet/internal/catalog"

// The till's one rounding rule, written down once: every division of an
// amount in cents rounds to the nearest cent, half away from zero (so a
// credit note's negative line rounds exactly as the sale it gives back).
// Prices include VAT (TTC); a line's VAT is round(incl × rate / (10000 +
// rate)) on the line's total after its discounts, and the VAT of a rate is
// the sum of its lines' VAT, so the receipt's figures always add up.

// VATRates are the French rates a line may carry, in basis points: the
// catalogue's, for a free line too.
var VATRates = catalog.VATRates

// ValidRate reports whether bp is one of VATRates.
func ValidRate(bp int32) bool {
	for _, r := range VATRates {
		if r == bp {
			return true
		}
	}
	return false
}

// LineIn is a line as the cashier built it. Quantity is negative on a
// credit note.
type LineIn struct {
	Quantity      int64
	UnitCents     int64 // list price including VAT, never negative
	RateBP        int64
	DiscountBP    int64 // the line's own discount, in basis points…
	DiscountCents int64 // …or as an amount off the line (both may be set)
}

// Discount is the ticket's discount, in basis points or as an amount, over
// the lines after their own discounts.
type Discount struct {
	BP    int64
	Cents int64
}

// LineOut is a line's share of the totals.
type LineOut struct {
	InclCents int64 // after line and ticket discounts
	VATCents  int64
}

// RateTotal is the VAT of one rate.
type RateTotal struct {
	RateBP    int64
	BaseCents int64 // excluding VAT
	VATCents  int64
}

// Totals are a ticket's figures.
type Totals struct {
	Lines     []LineOut
	ExclCents int64
	VATCents  int64
	InclCents int64
	VAT       []RateTotal // one per rate used, in VATRates' order; empty when exempt
}

// divRound divides n by d (d > 0), rounding half away from zero.
func divRound(n, d int64) int64 {
	if n < 0 {
		return -((-n + d/2) / d)
	}
	return (n + d/2) / d
}

// percentOf is bp basis points of cents.
func percentOf(cents, bp int64) int64 { return divRound(cents*bp, 10000) }

// lineNet is a line after its own discounts; a discount never turns a sale
// into a refund, so the line stops at zero (and a credit note's line at zero
// from below).
func lineNet(l LineIn) int64 {
	gross := l.Quantity * l.UnitCents
	sign := int64(1)
	if gross < 0 {
		sign, gross = -1, -gross
	}
	net := gross - percentOf(gross, min(l.DiscountBP, 10000)) - l.DiscountCents
	return sign * max(net, 0)
}

// Compute turns lines and the ticket's discount into the ticket's figures.
// The ticket's discount is shared across the lines in proportion to their
// amounts, the cents left over going to the largest lines first, so the
// lines always add up to the total. exempt (franchise en base) gives no VAT.
func Compute(lines []LineIn, d Discount, exempt bool) Totals {
	nets := make([]int64, len(lines))
	var sum int64
	for i, l := range lines {
		nets[i] = lineNet(l)
		sum += nets[i]
	}
	off := ticketDiscount(sum, d)
	shares := apportion(nets, sum, off)
	t := Totals{Lines: make([]LineOut, len(lines))}
	perRate := map[int64]*RateTotal{}
	for i, l := range lines {
		incl := nets[i] - shares[i]
		var vat int64
		if !exempt {
			vat = divRound(incl*l.RateBP, 10000+l.RateBP)
		}
		t.Lines[i] = LineOut{InclCents: incl, VATCents: vat}
		t.InclCents += incl
		t.VATCents += vat
		if exempt {
			continue
		}
		r := perRate[l.RateBP]
		if r == nil {
			r = &RateTotal{RateBP: l.RateBP}
			perRate[l.RateBP] = r
		}
		r.BaseCents += incl - vat
		r.VATCents += vat
	}
	t.ExclCents = t.InclCents - t.VATCents
	for _, rate := range VATRates {
		if r := perRate[int64(rate)]; r != nil {
			t.VAT = append(t.VAT, *r)
		}
	}
	return t
}

// ticketDiscount is the amount the ticket's discount takes off sum, never
// more than sum itself (in absolute value, with sum's sign).
func ticketDiscount(sum int64, d Discount) int64 {
	sign, abs := int64(1), sum
	if sum < 0 {
		sign, abs = -1, -sum
	}
	off := percentOf(abs, min(d.BP, 10000)) + d.Cents
	return sign * min(off, abs)
}

// apportion splits off across the lines in proportion to nets (which share
// sum's sign): floor shares, then the remaining cents one by one to the
// lines with the largest remainders, the first such line first.
func apportion(nets []int64, sum, off int64) []int64 {
	shares := make([]int64, len(nets))
	if off == 0 || sum == 0 {
		return shares
	}
	sign := int64(1)
	if sum < 0 {
		sign, sum, off = -1, -sum, -off
	}
	rems := make([]int64, len(nets))
	var given int64
	for i, n := range nets {
		n *= sign
		shares[i] = n * off / sum
		rems[i] = n * off % sum
		given += shares[i]
	}
	for left := off - given; left > 0; left-- {
		best := -1
		for i := range rems {
			if rems[i] >= 0 && (best < 0 || rems[i] > rems[best]) {
				best = i
			}
		}
		shares[best]++
		rems[best] = -1
	}
	for i := range shares {
		shares[i] *= sign
	}
	return shares
}

// CreditShare is what giving back k more of a line sold as qty for total
// cents is worth, when done were given back already: the line's total
// shared by quantity with the till's rounding, taken cumulatively so that
// the parts given back one credit note at a time add up to the line's
// total exactly (3 × 1 of 10,00 € for 3 are 3,33 + 3,34 + 3,33).
func CreditShare(total, qty, done, k int64) int64 {
	return divRound(total*(done+k), qty) - divRound(total*done, qty)
}
