package payment

import "github.com/carnet-salon/carnet/internal/apperr"

// Modes of paying for an online booking.
const (
	ModeNone        = "none"         // nothing online: pay at the salon
	ModeDeposit     = "deposit"      // acompte: part of the price now
	ModeCardImprint = "card_imprint" // empreinte CB: a saved card, charged only for a no-show or late cancellation
	ModePrepayment  = "prepayment"   // the whole price now
)

// Deposit kinds.
const (
	DepositFixed   = "fixed"   // Value is cents
	DepositPercent = "percent" // Value is a percentage of the price
)

// Modes lists every mode, in the order forms show them.
var Modes = []string{ModeNone, ModeDeposit, ModeCardImprint, ModePrepayment}

// Rule says how an online booking is paid.
type Rule struct {
	Mode         string
	DepositKind  string
	DepositValue int64
}

// Due returns what the client pays online now for a visit of the given price.
// A card imprint charges nothing now.
func (r Rule) Due(priceCents int64) int64 {
	switch r.Mode {
	case ModePrepayment:
		return priceCents
	case ModeDeposit:
		if r.DepositKind == DepositPercent {
			// Round half up to the cent: 30 % of 45,50 € is 13,65 €.
			return (priceCents*r.DepositValue + 50) / 100
		}
		return min(r.DepositValue, priceCents)
	}
	return 0
}

// Check adds the problems of a rule typed in a form to f, under the given field names.
func (r Rule) Check(f apperr.Fields, modeField, valueField string) {
	switch r.Mode {
	case ModeNone, ModeCardImprint, ModePrepayment:
	case ModeDeposit:
		switch r.DepositKind {
		case DepositPercent:
			if r.DepositValue < 1 || r.DepositValue > 100 {
				f.Add(valueField, "payment.deposit.percent")
			}
		case DepositFixed:
			if r.DepositValue < 1 {
				f.Add(valueField, "payment.deposit.fixed")
			}
		default:
			f.Add(valueField, "field.choose")
		}
	default:
		f.Add(modeField, "field.choose")
	}
}

// CheckPrice adds a problem to f when a fixed deposit is above the price of
// the visit it is taken for: nobody pays more in advance than the visit costs.
func (r Rule) CheckPrice(f apperr.Fields, valueField string, priceCents int64) {
	if r.Mode == ModeDeposit && r.DepositKind == DepositFixed && r.DepositValue > priceCents {
		f.Add(valueField, "payment.deposit.above_price")
	}
}

// CheckFee adds a problem to f when a no-show fee is above the price of a
// visit it may be charged for.
func CheckFee(f apperr.Fields, feeField string, feeCents, priceCents int64) {
	if feeCents > priceCents {
		f.Add(feeField, "payment.fee.above_price")
	}
}

// Resolve says which rule applies to an online booking, in the order salons
// expect: the client's own mode, else the client's category's mode, else the
// service's rule, else the salon's default. A mode of "" or "default" defers
// to the next level. A deposit asked by the client or the category takes its
// amount from the service's deposit, else the salon's.
func Resolve(clientMode, categoryMode string, service *Rule, salon Rule) Rule {
	base := salon
	if service != nil {
		base = *service
	}
	for _, mode := range []string{clientMode, categoryMode} {
		if mode == "" || mode == "default" {
			continue
		}
		r := Rule{Mode: mode}
		if mode == ModeDeposit {
			src := salon
			if base.Mode == ModeDeposit {
				src = base
			}
			r.DepositKind, r.DepositValue = src.DepositKind, src.DepositValue
		}
		return r
	}
	return base
}

// NeedsStripe reports whether the rule takes money or a card online.
func (r Rule) NeedsStripe() bool { return r.Mode != ModeNone && r.Mode != "" }

// strictness ranks what a mode asks of the client: nothing, a saved card,
// part of the price, the whole price.
var strictness = map[string]int{ModeNone: 0, "": 0, ModeCardImprint: 1, ModeDeposit: 2, ModePrepayment: 3}

// Stricter returns whichever of two rules asks more of the client for a
// visit of the given price: the mode first, then the amount due now. A
// restriction (a client or category asking for full prepayment, say) is
// applied this way on top of what would apply otherwise; it never lightens it.
func Stricter(a, b Rule, priceCents int64) Rule {
	sa, sb := strictness[a.Mode], strictness[b.Mode]
	if sb > sa || (sb == sa && b.Due(priceCents) > a.Due(priceCents)) {
		return b
	}
	return a
}
