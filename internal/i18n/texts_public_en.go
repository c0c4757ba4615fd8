package i18n

// enPublic: the public booking's own guards (one booking per submission, the
// chosen staff member), the longer date strip and the way to the portal.
var enPublic = map[string]string{
	"public.staff_not_offered":         "This person does not do this service. Choose someone else, or “Anyone”.",
	"public.days_earlier":              "Earlier days",
	"public.days_later":                "Later days",
	"clients.possible_duplicate":       "This record comes from an online booking with the email or phone of %s: it may be the same person.",
	"clients.possible_duplicate_open":  "Open their record",
	"clients.possible_duplicate_merge": "Compare and merge",
	"message.email.portal_footer":      "Your appointments at %s, any time, in your client area:",
}
