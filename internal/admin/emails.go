package admin

import (
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
)

// suspensionEmail tells someone who works in a salon that the platform has
// suspended it, why, and whom to write to: a suspension opens a conversation.
func suspensionEmail(lang i18n.Lang, to, name, salonName, reason, contact string) mail.Message {
	return mail.Compose(lang, to, mail.Content{
		Subject:  i18n.Tr(lang, "suspension.email.suspended.subject", salonName),
		Greeting: i18n.Tr(lang, "email.greeting", name),
		Lines: []string{
			i18n.Tr(lang, "suspension.email.suspended.body", salonName),
			i18n.Tr(lang, "suspension.email.suspended.reason", reason),
			i18n.Tr(lang, "suspension.email.suspended.clients"),
			i18n.Tr(lang, "suspension.email.suspended.contact", contact),
		},
		Action: i18n.Tr(lang, "suspension.email.suspended.action"),
		Link:   "mailto:" + contact,
	})
}
