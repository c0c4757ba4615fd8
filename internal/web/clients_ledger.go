package web

import (
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/money"
)

// entryForm is the form of an entry on a client's account, as typed.
type entryForm struct {
	Amount    string `form:"amount"` // "20", "12,50"
	Direction string `form:"direction"`
	Note      string `form:"note"`
}

// input parses the form; what does not parse is shown with what the
// account's own rules refuse.
func (f entryForm) input() (customer.EntryInput, error) {
	in := customer.EntryInput{Debt: f.Direction == "debt", Note: f.Note}
	bad := apperr.Fields{}
	cents, err := money.ParseCents(f.Amount)
	if err != nil || cents < 0 {
		bad.Add("amount", "amount.invalid")
	}
	in.Cents = cents
	if f.Direction != "debt" && f.Direction != "credit" {
		bad.Add("direction", "field.choose")
	}
	return in, withFields(bad, in.Check(), nil).Err()
}
