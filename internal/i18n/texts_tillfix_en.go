package i18n

// enTillFix: partial credit notes, a deposit above the bill, the takings by
// register, the ticket's due bar on a phone.
var enTillFix = map[string]string{
	"tillfix.credit.quantity":    "Quantity given back (1 to %s)",
	"tillfix.credit.partly_done": "%s of %s given back",
	"till.credit.quantity_range": "Give a quantity of at least 1.",
	"till.credit.quantity_left":  "That is more than remains to give back on this line.",
}
