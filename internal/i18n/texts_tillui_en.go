package i18n

// enTillUI are the till's screen aids: the cheque's amount in words.
var enTillUI = map[string]string{
	"tillui.words_label": "In words (French)",
	"tillui.words_hint":  "Compare with the amount written on the cheque.",
	"tillui.words_none":  "Type an amount to read it in words.",
}
