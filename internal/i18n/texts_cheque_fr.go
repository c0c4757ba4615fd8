package i18n

var frCheque = map[string]string{
	// The cashier's checks before taking a cheque (till/cheque).
	"cheque.amount.positive":   "Indiquez le montant du chèque.",
	"cheque.amount.max":        "Un chèque va jusqu'à 999 999,99 € : vérifiez le montant.",
	"cheque.date.future":       "Ce chèque est daté d'un jour à venir : il se date du jour où il est remis.",
	"cheque.date.too_old":      "Chèque de plus d'un an et huit jours : il n'est plus encaissable.",
	"cheque.signature.missing": "Le chèque doit être signé : vérifiez la signature avant de l'accepter.",
	"cheque.number.invalid":    "Le numéro du chèque s'écrit en chiffres, 20 au plus (7 sur un chèque français).",
	"cheque.text.long":         "80 caractères au maximum.",
	"cheque.id_type.unknown":   "Choisissez une pièce d'identité de la liste.",
	"cheque.id_number.long":    "40 caractères au maximum.",
	"cheque.id_number.chars":   "Lettres, chiffres et espaces seulement, comme sur la pièce.",
	"cheque.id_issued.future":  "La date de délivrance ne peut pas être à venir : vérifiez-la sur la pièce.",

	// The accepted identity documents, in the form's list.
	"cheque.id.id_card":          "Carte d'identité",
	"cheque.id.residence_permit": "Titre de séjour",
	"cheque.id.resident_card":    "Carte de résident",
	"cheque.id.passport":         "Passeport",
	"cheque.id.driving_licence":  "Permis de conduire",

	// The cheque form's fields.
	"cheque.field.amount":         "Montant du chèque",
	"cheque.field.amount_words":   "En toutes lettres, à comparer avec le chèque",
	"cheque.field.issued_on":      "Date du chèque",
	"cheque.field.issued_on.hint": "Encaissable un an et huit jours après cette date.",
	"cheque.field.signature":      "Le chèque est signé",
	"cheque.field.bank":           "Banque",
	"cheque.field.number":         "Numéro du chèque",
	"cheque.field.id_type":        "Pièce d'identité présentée",
	"cheque.field.id_number":      "Numéro de la pièce",
	"cheque.field.id_issued_on":   "Délivrée le",
	"cheque.field.id_issued_at":   "Délivrée à",
}
