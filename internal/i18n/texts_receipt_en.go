package i18n

var enReceipt = map[string]string{
	"receipt.offer.title":   "Hand the receipt over",
	"receipt.offer.hint":    "Since 2023 receipts are no longer printed unasked: offer email or text first, print on request.",
	"receipt.email.label":   "Client's email",
	"receipt.phone.label":   "Client's phone",
	"receipt.send.email":    "Send by email",
	"receipt.send.sms":      "Send a link by text",
	"receipt.print":         "Print",
	"receipt.sent.email":    "Receipt sent by email.",
	"receipt.sent.sms":      "Receipt link sent by text.",
	"receipt.phone.invalid": "This phone number is not valid.",
	"receipt.duplicata":     "DUPLICATE no. %s",
	"receipt.issued":        "Printed %d times, sent %d times.",

	"receipt.email.subject": "%s · your receipt no. %s",
	"receipt.email.intro":   "Thank you for your visit! Here is your receipt, sent at your request by %s.",
	"receipt.number":        "Receipt no. %s of %s",
	"receipt.total_excl":    "Total excl. VAT:",
	"receipt.vat_at":        "VAT %s:",
	"receipt.vat_exempt":    "VAT not applicable, art. 293 B of the French tax code",
	"receipt.total_incl":    "Total incl. VAT:",
	"receipt.email.link":    "See the receipt online:",
	"receipt.sms":           "%s: your receipt no. %s (%s) is here: %s",

	"receipt.public.title":    "Receipt no. %s",
	"receipt.footer.key":      "Certified till · signed journal, key %s",
	"receipt.key.title":       "Certified till",
	"receipt.key.intro":       "Every receipt, credit note, duplicate and closure is signed into the till's journal. With this public key an inspector checks an archive without Carnet.",
	"receipt.key.public":      "Public key (Ed25519, base64)",
	"receipt.key.fingerprint": "Fingerprint",
}
