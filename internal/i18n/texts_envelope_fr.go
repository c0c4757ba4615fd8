package i18n

// frEnvelope: who a salon's messages come from, how a client leaves its
// offers (unsubscribe link, STOP), and the consents kept on the record.
var frEnvelope = map[string]string{
	"settings.email":              "E-mail du salon",
	"settings.email.hint":         "Les réponses de vos clients à vos e-mails arrivent ici.",
	"settings.sms_sender":         "Nom d'expéditeur des SMS",
	"settings.sms_sender.hint":    "11 lettres ou chiffres au maximum, sans accent, par exemple InstitutLea.",
	"settings.sms_sender.invalid": "11 lettres, chiffres ou espaces au maximum, sans accent, en commençant par une lettre ou un chiffre.",

	"email.unsubscribe":  "Ne plus recevoir d'offres par e-mail",
	"message.sms.stop":   "Répondez STOP pour vous désinscrire",
	"unsubscribe.title":  "Ne plus recevoir d'offres",
	"unsubscribe.ask":    "Vous ne recevrez plus d'offres de %s à l'adresse %s. Les messages sur vos rendez-vous continuent.",
	"unsubscribe.button": "Me désinscrire",
	"unsubscribe.done":   "C'est fait : %s ne vous enverra plus d'offres par e-mail.",
	"unsubscribe.again":  "Vous pouvez les accepter de nouveau en le demandant au salon.",

	"consent.title":                   "Consentements aux offres",
	"consent.none":                    "Aucun changement enregistré.",
	"consent.granted":                 "Accepte les offres par %s",
	"consent.withdrawn":               "Refuse les offres par %s",
	"consent.channel.email":           "e-mail",
	"consent.channel.sms":             "SMS",
	"consent.source.record":           "fiche client",
	"consent.source.unsubscribe_link": "lien de désinscription",
	"consent.source.one_click":        "désinscription en un clic",
	"consent.source.sms_stop":         "réponse STOP",
}
