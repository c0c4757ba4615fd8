package i18n

// enLang: the client's language, and the placeholders a message cannot fill.
var enLang = map[string]string{
	"lang.label":           "Language of messages",
	"lang.hint":            "Confirmations, reminders and links are sent to them in this language.",
	"lang.name.fr":         "Français",
	"lang.name.en":         "English",
	"lang.preview.missing": "%s has no value: this text will be sent without it.",
	"lang.preview.address": "Enter the salon's address in the settings to fill {adresse}.",
	"lang.ics_name":        "appointment.ics",
	"lang.fee_description": "no-show fee",
}
