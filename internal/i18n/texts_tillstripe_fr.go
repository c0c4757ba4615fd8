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
	// A link that ended unpaid, a newer link, and a credit note's Stripe
	// refund capped at what the payment still allows.
	"tillstripe.expired":             "Le lien de paiement a expiré sans être payé. Envoyez-en un nouveau si la cliente veut toujours payer sur son téléphone.",
	"tillstripe.start_again":         "Envoyer un nouveau lien",
	"tillstripe.link.paid_meanwhile": "La cliente vient de payer le lien précédent : attendez quelques secondes que Stripe le confirme, le ticket se met à jour tout seul.",
	"tillstripe.refund.rest_needed":  "Stripe ne peut plus rembourser tout ce montant sur ce paiement : une partie a déjà été remboursée par un avoir. Rendez cet avoir en espèces ou sur le compte de la cliente.",
	// A visit's deposit already taken at the till is given back there only.
	"tillstripe.booking.deposit_at_till":        "L'acompte de ce rendez-vous est déjà encaissé sur un ticket de caisse : pour le rendre, faites un avoir depuis le reçu (ou supprimez le ticket encore ouvert), puis annulez.",
	"tillstripe.booking.deposit_at_till_client": "Ce que vous avez payé en ligne pour ce rendez-vous a déjà été utilisé en caisse : contactez le salon pour l'annuler.",
}
