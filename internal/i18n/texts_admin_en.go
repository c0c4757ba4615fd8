package i18n

// enAdmin: the demo salon and the platform admins.
var enAdmin = map[string]string{
	"message.skip.email.demo": "Demo salon: no email is sent",
	"message.skip.sms.demo":   "Demo salon: no text message is sent",
	"admin.account_exists":    "An account already uses %[1]s: it was left as it is. To make it a platform admin without changing its password, run: carnet admin create --email %[1]s --promote",
	"admin.no_account":        "No account uses %s.",
	"admin.not_admin":         "%s is not a platform admin.",
	"admin.last":              "%s is the last platform admin: make another account an admin first (carnet admin create), then remove this one.",
	"audit.admins.create":     "Platform admin created",
	"audit.admins.promote":    "Account made a platform admin",
	"audit.admins.remove":     "Platform admin rights removed",
	"audit.admins.sign_in":    "Platform admin signed in",
}
