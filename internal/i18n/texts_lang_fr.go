package i18n

// frLang: the client's language, and the placeholders a message cannot fill.
var frLang = map[string]string{
	"lang.label":           "Langue des messages",
	"lang.hint":            "Confirmations, rappels et liens lui sont envoyés dans cette langue.",
	"lang.name.fr":         "Français",
	"lang.name.en":         "English",
	"lang.preview.missing": "%s n'a pas de valeur : ce texte sera envoyé sans lui.",
	"lang.preview.address": "Renseignez l'adresse du salon dans les réglages pour remplir {adresse}.",
	"lang.ics_name":        "rendez-vous.ics",
	"lang.fee_description": "frais de non-présentation",
}
