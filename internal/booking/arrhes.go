package booking

import (
	"time"

	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
)

// Arrhes reports whether the advance the client accepted was called arrhes:
// then a salon that cancels owes the client double (Code de la
// consommation, art. L214-1).
func (p Policy) Arrhes() bool { return p.DepositName == salon.DepositArrhes }

// owedDouble is what a salon cancelling a visit owes on top of the refund:
// the arrhes again. An acompte, a prepayment or a card imprint owe nothing
// more, nor does a visit whose time has come (marking it cancelled then
// records what happened, it does not break the commitment), nor a fee
// charged later (no-show, late cancellation), which is not arrhes.
func owedDouble(v Visit, now time.Time) int64 {
	if v.Booking.PaymentMode != payment.ModeDeposit || !v.Policy.Arrhes() || !v.Appointment.Start.After(now) {
		return 0
	}
	var deposits int64
	for _, p := range v.Payments {
		if p.Kind == payment.ModeDeposit && p.Status == "succeeded" {
			deposits += p.AmountCents
		}
	}
	return max(min(deposits, v.Paid()), 0)
}

// PaymentKindKey is the i18n key naming a payment, in the word the salon
// chose for its advance: "Arrhes" or "Acompte".
func PaymentKindKey(kind, depositName string) string {
	if kind == payment.ModeDeposit && depositName == salon.DepositArrhes {
		return "payment.kind.arrhes"
	}
	return "payment.kind." + kind
}

// PaymentStatusKey is the i18n key of a payment's state. A card imprint
// takes no money: once saved it reads "Empreinte enregistrée", never as a
// payment that went through.
func PaymentStatusKey(kind, status string) string {
	if kind == payment.ModeCardImprint && status == "succeeded" {
		return "payment.status.imprint_saved"
	}
	return "payment.status." + status
}

// ShowsAmount reports whether a payment's line shows an amount: a card
// imprint has none (0,00 € would read as if something was paid).
func ShowsAmount(kind string) bool { return kind != payment.ModeCardImprint }
