package message_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/views/messages"
)

func TestASalonRewordsTheConfirmationAndClientsReceiveItsWording(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	owner := s.web.Login(s.salon.OwnerEmail)
	list := owner.Get("/app/messages/templates")
	require.Equal(t, 200, list.Status)
	require.Contains(t, list.Text("#template-confirmation"), "Confirmation")
	require.Contains(t, list.Text("#template-confirmation .template-email"), "Texte de Carnet")

	edit := messages.TemplateURL(message.KindConfirmation, i18n.FR, message.Email)
	page := owner.Get(edit)
	require.Equal(t, 200, page.Status)
	def, _ := message.Default(message.KindConfirmation, i18n.FR, message.Email)
	require.Equal(t, def.Body, page.Text("#body"), "the editor starts from Carnet's text")
	require.Contains(t, page.Text("#placeholders"), "{prenom}")
	require.Contains(t, page.Text("#placeholders"), "le prénom du client")
	require.Contains(t, page.Text("#preview"), "Bonjour Léa,", "the preview fills in a made-up client")
	require.Contains(t, page.Text("#preview"), "Institut Message")

	form := url.Values{"kind": {"confirmation"}, "language": {"fr"}, "channel": {"email"},
		"subject": {"C'est noté : {prestation}, {date}"}, "body": {"Coucou {prenom} !\n\nÀ {heure} avec {collaborateur}, {jour}.\n\n{lien}"}}
	p := owner.Post("/app/messages/templates", form)
	require.Equal(t, 422, p.Status, "an unknown placeholder is refused")
	require.Contains(t, p.FieldError("body"), "champ que ce message ne peut pas remplir")
	require.Contains(t, p.Text(".unknown-var"), "{jour}")
	require.Contains(t, p.Text("#body"), "{jour}", "the text comes back as typed")

	form.Set("body", "Coucou {prenom} !\n\nÀ {heure} avec {collaborateur}.\n\nÀ garder : {lien}")
	p = owner.Post("/app/messages/templates", form)
	require.Equal(t, 303, p.Status, p.Text(".field-error"))
	saved := owner.Follow(p)
	require.Contains(t, saved.Text(".alert.ok"), "Modèle enregistré")
	require.Contains(t, saved.Text(".page-head"), "Personnalisé")
	require.Contains(t, saved.Text("#preview"), "Coucou Léa !")

	email := "reworded-" + s.salon.Slug + "@example.com"
	typed, _ := newPhone()
	s.book(s.at("11:00"), email, typed)
	mail := s.env.Mail.WaitSubject(t, email, "C'est noté")
	require.Equal(t, "C'est noté : Soin éclat, "+sentDay(s), mail.Subject)
	require.True(t, strings.HasPrefix(text(mail), "Coucou Léa !\n\nÀ 11:00 avec Nora.\n\nÀ garder : http"), mail.Text)
	require.Contains(t, mail.HTML, "À garder", "the link's paragraph is the button")
	mail.Link(t, "/m/")

	// The French SMS and the English email keep Carnet's wording.
	en, err := s.env.Srv.Messages.Template(context.Background(), s.salon.ID, message.TemplateInput{Kind: "confirmation", Lang: "en", Channel: "email"})
	require.NoError(t, err)
	require.False(t, en.Custom)

	p = owner.Post("/app/messages/templates/reset", url.Values{"kind": {"confirmation"}, "language": {"fr"}, "channel": {"email"}})
	require.Equal(t, 303, p.Status)
	require.Contains(t, owner.Follow(p).Text(".alert.ok"), "texte de Carnet est rétabli")
	back, err := s.env.Srv.Messages.Template(context.Background(), s.salon.ID, message.TemplateInput{Kind: "confirmation", Lang: "fr", Channel: "email"})
	require.NoError(t, err)
	require.False(t, back.Custom)
	require.Equal(t, def, back.Text)
}

func TestTemplatePreviewWarnsAboutLongSMSAndPortalMessagesKeepTheirLink(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	owner := s.web.Login(s.salon.OwnerEmail)
	long := strings.Repeat("Merci de votre visite, {prenom} ! ", 6)
	p := owner.Post("/app/messages/templates/preview", url.Values{"kind": {"reminder"}, "language": {"fr"}, "channel": {"sms"}, "body": {long}})
	require.Equal(t, 200, p.Status)
	require.Contains(t, p.Text(".sms-length"), "plusieurs SMS")
	require.Contains(t, p.Text("#preview"), "Merci de votre visite, Léa !")
	tpl, err := s.env.Srv.Messages.Template(context.Background(), s.salon.ID, message.TemplateInput{Kind: "reminder", Lang: "fr", Channel: "sms"})
	require.NoError(t, err)
	require.False(t, tpl.Custom, "a preview saves nothing")

	p = owner.Post("/app/messages/templates", url.Values{"kind": {"portal_login"}, "language": {"fr"}, "channel": {"email"},
		"subject": {"Connexion"}, "body": {"Bonjour {prenom}, connectez-vous sur notre site."}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("body"), "{lien}")

	p = owner.Post("/app/messages/templates", url.Values{"kind": {"nonsense"}, "language": {"fr"}, "channel": {"email"}, "body": {"x"}})
	require.Equal(t, 404, p.Status)
	require.Equal(t, 404, owner.Get("/app/messages/templates/edit?kind=confirmation&language=de&channel=email").Status)

	p = owner.Post("/app/messages/reminders", url.Values{"reminder_hours": {"200"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("reminder_hours"), "entre 0 et 168")
	p = owner.Post("/app/messages/reminders", url.Values{"reminder_hours": {"48"}, "reminder_sms": {"on"}})
	require.Equal(t, 303, p.Status)
	require.Equal(t, "48", owner.Follow(p).Value("#reminder_hours"))
}

func TestStaffSeeTheTemplatesButCannotChangeThem(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	staff := staffLogin(t, s)
	page := staff.Get(messages.TemplateURL(message.KindReminder, i18n.FR, message.Email))
	require.Equal(t, 200, page.Status)
	require.Contains(t, page.Text(".alert.warn"), "seuls les propriétaires")
	require.Equal(t, 1, page.Doc.Find("#template fieldset[disabled]").Length())
	require.Equal(t, 0, page.Doc.Find("#template button").Length())

	form := url.Values{"kind": {"reminder"}, "language": {"fr"}, "channel": {"email"}, "subject": {"x"}, "body": {"y"}}
	require.Equal(t, 403, staff.Post("/app/messages/templates", form).Status)
	require.Equal(t, 403, staff.Post("/app/messages/templates/preview", form).Status)
	require.Equal(t, 403, staff.Post("/app/messages/templates/reset", form).Status)
	require.Equal(t, 403, staff.Post("/app/messages/reminders", url.Values{"reminder_hours": {"2"}}).Status)
	tpl, err := s.env.Srv.Messages.Template(context.Background(), s.salon.ID, message.TemplateInput{Kind: "reminder", Lang: "fr", Channel: "email"})
	require.NoError(t, err)
	require.False(t, tpl.Custom)
}

func TestPortalSignInLinksAreSentAndNotKept(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	ctx := context.Background()
	email := "portal-" + s.salon.Slug + "@example.com"
	typed, phone := newPhone()
	s.book(s.at("09:00"), email, typed)
	s.env.Mail.Wait(t, email, 1)
	client := s.customerByEmail(email)

	link := s.web.URL + "/b/" + s.salon.Slug + "/account/login/secret-token-123"
	require.NoError(t, s.env.Srv.DB.WithTenant(ctx, s.salon.ID, func(tx store.Tx) error {
		return message.PortalLoginTx(ctx, tx, s.salon.ID, client, link)
	}))
	mail := s.env.Mail.WaitSubject(t, email, "Votre lien de connexion")
	require.Equal(t, link, mail.Link(t, "/account/"))
	sent := s.waitStatus(client, message.KindPortalLogin, message.Email, message.StatusSent)
	require.NotContains(t, sent.Preview, "secret-token-123")
	var kept int
	require.NoError(t, s.env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
		return tx.Raw().QueryRow(ctx, `SELECT count(*) FROM messages WHERE tenant_id = $1 AND body LIKE '%secret-token-123%'`, s.salon.ID).Scan(&kept)
	}))
	require.Zero(t, kept, "once sent, the outbox keeps no working link")

	// A client without an email address gets it by SMS.
	s.exec(`UPDATE customers SET email = '' WHERE tenant_id = $1 AND id = $2`, s.salon.ID, client)
	require.NoError(t, s.env.Srv.DB.WithTenant(ctx, s.salon.ID, func(tx store.Tx) error {
		return message.PortalAccessTx(ctx, tx, s.salon.ID, client, link+"-2")
	}))
	eventually(t, func() bool { return delivered(phone) == 2 }, "no portal SMS")
	require.Equal(t, "Institut Message : votre espace client est ouvert. Accès : "+link+"-2", smsTo(phone)[1].Text)
}

// staffLogin invites a staff member (not a manager) and logs them in.
func staffLogin(t *testing.T, s shop) *testkit.Client {
	t.Helper()
	invitee := "staff-" + s.salon.Slug + "@example.com"
	owner := s.web.Login(s.salon.OwnerEmail)
	require.Equal(t, 303, owner.Post("/app/team/invitations", url.Values{"email": {invitee}, "role": {"staff"}}).Status)
	link, err := url.Parse(s.env.Mail.Wait(t, invitee, 1).Link(t, "/invite/"))
	require.NoError(t, err)
	c := s.web.NewClient()
	require.Equal(t, 303, c.Post(link.Path, url.Values{"name": {"Nina"}, "password": {testkit.Password}}).Status)
	return c
}
