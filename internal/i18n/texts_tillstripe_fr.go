package i18n

var frTillStripe = map[string]string{
	// Paying a ticket on the client's phone (Stripe link or QR code), and
	// refunding a credit note through Stripe.
	"till.method.stripe":                "Stripe (téléphone)",
	"tillstripe.title":                  "Payer sur le téléphone (lien / QR)",
	"tillstripe.start":                  "Créer le lien de paiement",
	"tillstripe.scan":                   "La cliente scanne le code ou ouvre le lien pour payer %s. Le ticket se clôt dès que Stripe confirme le paiement.",
	"tillstripe.waiting":                "En attente du paiement…",
	"tillstripe.unavailable":            "Le paiement en ligne n'est pas disponible sur cette installation.",
	"tillstripe.not_connected":          "Connectez le compte Stripe du salon pour faire payer sur le téléphone.",
	"tillstripe.refund.not_paid_online": "Ce ticket n'a pas été payé par Stripe (ou pas assez) : remboursez autrement.",
	"tillstripe.refund.option":          "Remboursement Stripe (carte de la cliente)",
}
