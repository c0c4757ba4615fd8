package i18n

// frTillFix: partial credit notes, a deposit above the bill, the takings by
// register, the ticket's due bar on a phone.
var frTillFix = map[string]string{
	"tillfix.credit.quantity":    "Quantité rendue (1 à %s)",
	"tillfix.credit.partly_done": "%s rendu(s) sur %s",
	"till.credit.quantity_range": "Indiquez une quantité d'au moins 1.",
	"till.credit.quantity_left":  "C'est plus que ce qui reste à rendre sur cette ligne.",
}
