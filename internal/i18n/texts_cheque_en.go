package i18n

var enCheque = map[string]string{
	// The cashier's checks before taking a cheque (till/cheque).
	"cheque.amount.positive":   "Enter the cheque's amount.",
	"cheque.amount.max":        "A cheque goes up to €999,999.99: check the amount.",
	"cheque.date.future":       "This cheque is dated in the future: a cheque is dated the day it is handed over.",
	"cheque.date.too_old":      "Cheque more than one year and eight days old: it can no longer be cashed.",
	"cheque.signature.missing": "The cheque must be signed: check the signature before accepting it.",
	"cheque.number.invalid":    "The cheque's number is written in digits, 20 at most (7 on a French cheque).",
	"cheque.text.long":         "80 characters at most.",
	"cheque.id_type.unknown":   "Choose an identity document from the list.",
	"cheque.id_number.long":    "40 characters at most.",
	"cheque.id_number.chars":   "Letters, digits and spaces only, as on the document.",
	"cheque.id_issued.future":  "The date of issue cannot be in the future: check it on the document.",

	// The accepted identity documents, in the form's list.
	"cheque.id.id_card":          "Identity card",
	"cheque.id.residence_permit": "Residence permit",
	"cheque.id.resident_card":    "Resident card",
	"cheque.id.passport":         "Passport",
	"cheque.id.driving_licence":  "Driving licence",

	// The cheque form's fields.
	"cheque.field.amount":         "Cheque amount",
	"cheque.field.amount_words":   "In words, to compare with the cheque",
	"cheque.field.issued_on":      "Date on the cheque",
	"cheque.field.issued_on.hint": "Can be cashed for one year and eight days after this date.",
	"cheque.field.signature":      "The cheque is signed",
	"cheque.field.bank":           "Bank",
	"cheque.field.number":         "Cheque number",
	"cheque.field.id_type":        "Identity document shown",
	"cheque.field.id_number":      "Document number",
	"cheque.field.id_issued_on":   "Issued on",
	"cheque.field.id_issued_at":   "Issued at",
}
