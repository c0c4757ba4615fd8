package i18n

// enEnvelope: see frEnvelope.
var enEnvelope = map[string]string{
	"settings.email":              "Salon email",
	"settings.email.hint":         "Your clients' replies to your emails arrive here.",
	"settings.sms_sender":         "SMS sender name",
	"settings.sms_sender.hint":    "At most 11 letters or digits, no accents, for example InstitutLea.",
	"settings.sms_sender.invalid": "At most 11 letters, digits or spaces, no accents, starting with a letter or digit.",

	"email.unsubscribe":  "Stop receiving offers by email",
	"message.sms.stop":   "Reply STOP to unsubscribe",
	"unsubscribe.title":  "Stop receiving offers",
	"unsubscribe.ask":    "You will no longer receive offers from %s at %s. Messages about your appointments continue.",
	"unsubscribe.button": "Unsubscribe",
	"unsubscribe.done":   "Done: %s will no longer send you offers by email.",
	"unsubscribe.again":  "You can accept them again by asking the salon.",

	"consent.title":                   "Consent to offers",
	"consent.none":                    "No change recorded.",
	"consent.granted":                 "Accepts offers by %s",
	"consent.withdrawn":               "Refuses offers by %s",
	"consent.channel.email":           "email",
	"consent.channel.sms":             "SMS",
	"consent.source.record":           "client record",
	"consent.source.unsubscribe_link": "unsubscribe link",
	"consent.source.one_click":        "one-click unsubscribe",
	"consent.source.sms_stop":         "STOP reply",
}
