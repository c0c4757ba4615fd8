package account

import (
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/urls"
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

func verifyEmail(lang i18n.Lang, to, name, link string) mail.Message {
	return mail.Compose(lang, to, mail.Content{
		Subject:  i18n.Tr(lang, "email.verify.subject"),
		Greeting: i18n.Tr(lang, "email.greeting", name),
		Lines:    []string{i18n.Tr(lang, "email.verify.body"), i18n.Tr(lang, "email.verify.why")},
		Action:   i18n.Tr(lang, "email.verify.action"),
		Link:     link,
		Footer:   i18n.Tr(lang, "email.verify.footer", int(VerifyLinkLifetime.Hours()/24)),
	})
}

// welcomeEmail names the three things that make a new salon bookable, each
// a link to the page where it is done.
func welcomeEmail(lang i18n.Lang, to, name, salonName, base, slug string) mail.Message {
	return mail.Compose(lang, to, mail.Content{
		Subject:  i18n.Tr(lang, "email.welcome.subject", salonName),
		Greeting: i18n.Tr(lang, "email.greeting", name),
		Lines:    []string{i18n.Tr(lang, "email.welcome.body", salonName), i18n.Tr(lang, "email.welcome.steps")},
		Steps: []mail.Step{
			{Text: i18n.Tr(lang, "email.welcome.step_services"), Link: base + urls.Services()},
			{Text: i18n.Tr(lang, "email.welcome.step_hours"), Link: base + urls.Settings() + "#hours"},
			{Text: i18n.Tr(lang, "email.welcome.step_link"), Link: base + urls.PublicLink()},
		},
		Footer:     i18n.Tr(lang, "email.welcome.footer"),
		FooterLink: base + urls.Salon(slug),
	})
}
