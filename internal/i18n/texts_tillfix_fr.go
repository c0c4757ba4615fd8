package i18n

// frTillFix: partial credit notes, a deposit above the bill, the takings by
// register, the ticket's due bar on a phone.
var frTillFix = map[string]string{
	"tillfix.credit.quantity":       "Quantité rendue (1 à %s)",
	"tillfix.credit.partly_done":    "%s rendu(s) sur %s",
	"till.credit.quantity_range":    "Indiquez une quantité d'au moins 1.",
	"till.credit.quantity_left":     "C'est plus que ce qui reste à rendre sur cette ligne.",
	"tillfix.pay":                   "Encaisser",
	"tillfix.to_account":            "Payé au-delà du total : %s restent en avoir sur le compte du client à la clôture.",
	"tillfix.overpaid":              "Payé %s de trop : retirez un paiement avant de clôturer.",
	"tillfix.receipt.to_account":    "Reste en avoir sur votre compte : %s",
	"till.ticket.overpaid":          "Le ticket est payé au-delà de son total : retirez un paiement avant de clôturer.",
	"till.ticket.excess_no_client":  "L'acompte dépasse le total et le ticket n'a pas de client pour garder le reste en avoir.",
	"tillfix.takings.register":      "Caisse",
	"tillfix.takings.all_registers": "Toutes les caisses",
}
