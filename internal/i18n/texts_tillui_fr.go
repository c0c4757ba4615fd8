package i18n

// frTillUI are the till's screen aids: the cheque's amount in words.
var frTillUI = map[string]string{
	"tillui.words_label": "En toutes lettres",
	"tillui.words_hint":  "À comparer avec la somme écrite sur le chèque.",
	"tillui.words_none":  "Saisissez un montant pour le lire en toutes lettres.",
}
