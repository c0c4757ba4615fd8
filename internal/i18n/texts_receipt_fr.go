package i18n

var frReceipt = map[string]string{
	// Handing a receipt over: sent first (no receipt is printed unasked
	// since 2023), printed on request; any later issue is a duplicata.
	"receipt.offer.title":   "Remettre le ticket",
	"receipt.offer.hint":    "Depuis 2023, le ticket ne s'imprime plus d'office : proposez l'e-mail ou le SMS, imprimez sur demande.",
	"receipt.email.label":   "E-mail du client",
	"receipt.phone.label":   "Téléphone du client",
	"receipt.send.email":    "Envoyer par e-mail",
	"receipt.send.sms":      "Envoyer un lien par SMS",
	"receipt.print":         "Imprimer",
	"receipt.sent.email":    "Ticket envoyé par e-mail.",
	"receipt.sent.sms":      "Lien du ticket envoyé par SMS.",
	"receipt.phone.invalid": "Ce numéro de téléphone n'est pas valide.",
	"receipt.duplicata":     "DUPLICATA n° %s",
	"receipt.issued":        "Imprimé %d fois, envoyé %d fois.",

	// The receipt as the email and the SMS carry it.
	"receipt.email.subject": "%s · votre ticket n° %s",
	"receipt.email.intro":   "Merci de votre visite ! Voici votre ticket, envoyé à votre demande par %s.",
	"receipt.number":        "Ticket n° %s du %s",
	"receipt.total_excl":    "Total HT :",
	"receipt.vat_at":        "TVA %s :",
	"receipt.vat_exempt":    "TVA non applicable, art. 293 B du CGI",
	"receipt.total_incl":    "Total TTC :",
	"receipt.email.link":    "Voir le ticket en ligne :",
	"receipt.sms":           "%s : votre ticket n° %s (%s) est ici : %s",

	// The public page a link opens, and the journal's key.
	"receipt.public.title":    "Ticket n° %s",
	"receipt.footer.key":      "Caisse certifiée · journal signé, clé %s",
	"receipt.key.title":       "Caisse certifiée",
	"receipt.key.intro":       "Chaque ticket, avoir, duplicata et clôture est signé dans le journal de la caisse. Avec cette clé publique, un contrôleur vérifie une archive sans Carnet.",
	"receipt.key.public":      "Clé publique (Ed25519, base64)",
	"receipt.key.fingerprint": "Empreinte",
}
