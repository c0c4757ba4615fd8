package i18n

// frAdmin: the demo salon and the platform admins.
var frAdmin = map[string]string{
	"message.skip.email.demo": "Salon de démonstration : aucun e-mail n'est envoyé",
	"message.skip.sms.demo":   "Salon de démonstration : aucun SMS n'est envoyé",
	"admin.account_exists":    "Un compte utilise déjà %[1]s : il n'a pas été modifié. Pour en faire un administrateur de la plateforme sans changer son mot de passe : carnet admin create --email %[1]s --promote",
	"admin.no_account":        "Aucun compte n'utilise %s.",
	"admin.not_admin":         "%s n'est pas administrateur de la plateforme.",
	"admin.last":              "%s est le dernier administrateur de la plateforme : nommez-en un autre d'abord (carnet admin create), puis retirez celui-ci.",
	"audit.admins.create":     "Création d'un administrateur",
	"audit.admins.promote":    "Compte nommé administrateur",
	"audit.admins.remove":     "Droits d'administrateur retirés",
	"audit.admins.sign_in":    "Connexion d'un administrateur",
}
