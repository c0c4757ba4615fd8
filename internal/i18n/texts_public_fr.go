package i18n

// frPublic: the public booking's own guards (one booking per submission, the
// chosen staff member), the longer date strip and the way to the portal.
var frPublic = map[string]string{
	"public.staff_not_offered":         "Cette personne ne fait pas cette prestation. Choisissez quelqu'un d'autre, ou « Peu importe ».",
	"public.days_earlier":              "Jours précédents",
	"public.days_later":                "Jours suivants",
	"clients.possible_duplicate":       "Cette fiche vient d'une réservation en ligne avec l'e-mail ou le téléphone de %s : c'est peut-être la même personne.",
	"clients.possible_duplicate_open":  "Voir sa fiche",
	"clients.possible_duplicate_merge": "Comparer et fusionner",
	"message.email.portal_footer":      "Vos rendez-vous chez %s, à tout moment, dans votre espace client :",
}
