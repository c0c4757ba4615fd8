package i18n

// enTillFix: partial credit notes, a deposit above the bill, the takings by
// register, the ticket's due bar on a phone.
var enTillFix = map[string]string{
	"tillfix.credit.quantity":       "Quantity given back (1 to %s)",
	"tillfix.credit.partly_done":    "%s of %s given back",
	"till.credit.quantity_range":    "Give a quantity of at least 1.",
	"till.credit.quantity_left":     "That is more than remains to give back on this line.",
	"tillfix.pay":                   "Take payment",
	"tillfix.to_account":            "Paid beyond the total: %s stays as credit on the client's account at closing.",
	"tillfix.overpaid":              "%s paid too much: take a payment off before closing.",
	"tillfix.receipt.to_account":    "Left as credit on your account: %s",
	"till.ticket.overpaid":          "The ticket is paid beyond its total: take a payment off before closing.",
	"till.ticket.excess_no_client":  "The deposit is more than the total and the ticket has no client to keep the rest as credit.",
	"tillfix.takings.register":      "Register",
	"tillfix.takings.all_registers": "All registers",
}
