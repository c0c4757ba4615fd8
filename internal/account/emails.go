package account

import (
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
)

func resetEmail(lang i18n.Lang, to, name, link string) mail.Message {
	return mail.Compose(lang, to, mail.Content{
		Subject:  i18n.Tr(lang, "email.reset.subject"),
		Greeting: i18n.Tr(lang, "email.greeting", name),
		Lines:    []string{i18n.Tr(lang, "email.reset.body", int(ResetLinkLifetime.Minutes()))},
		Action:   i18n.Tr(lang, "email.reset.action"),
		Link:     link,
		Footer:   i18n.Tr(lang, "email.reset.footer"),
	})
}

func invitationEmail(lang i18n.Lang, to, salonName, inviter, role, link string) mail.Message {
	return mail.Compose(lang, to, mail.Content{
		Subject:  i18n.Tr(lang, "email.invite.subject", salonName),
		Greeting: i18n.Tr(lang, "email.greeting.anonymous"),
		Lines:    []string{i18n.Tr(lang, "email.invite.body", inviter, salonName, i18n.Tr(lang, "role."+role))},
		Action:   i18n.Tr(lang, "email.invite.action"),
		Link:     link,
		Footer:   i18n.Tr(lang, "email.invite.footer", int(InvitationLifetime.Hours()/24)),
	})
}
