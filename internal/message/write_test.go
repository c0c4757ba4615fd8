package message_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/store"
)

func TestStaffWriteToAClientFromTheRecord(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	email := "write-" + s.salon.Slug + "@example.com"
	typed, phone := newPhone()
	s.book(s.at("16:00"), email, typed)
	s.env.Mail.Wait(t, email, 1)
	client := s.customerByEmail(email)
	path := "/app/clients/" + client.String() + "/messages"
	owner := s.web.Login(s.salon.OwnerEmail)

	p := owner.Post(path, url.Values{"channel": {"sms"}, "body": {"Bonjour {prenom}, votre crème est arrivée. {salon}"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, "/app/clients/"+client.String()+"#messages", p.Location())
	eventually(t, func() bool { return delivered(phone) == 2 }, "no SMS written by the salon")
	require.Equal(t, "Bonjour Léa, votre crème est arrivée. Institut Message", smsTo(phone)[1].Text)
	sent := s.waitStatus(client, message.KindManual, message.SMS, message.StatusSent)
	require.True(t, sent.ByStaff)

	p = owner.Post(path, url.Values{"channel": {"email"}, "subject": {"Votre commande"}, "body": {"Bonjour {prenom},\n\nElle est prête."}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	mail := s.env.Mail.WaitSubject(t, email, "Votre commande")
	written, foot, ok := strings.Cut(text(mail), "\n\n-- \n")
	require.True(t, ok, "the email ends with the salon's footer")
	require.Equal(t, "Bonjour Léa,\n\nElle est prête.", written, "the message as written")
	require.True(t, strings.HasPrefix(foot, "Vos rendez-vous chez Institut Message, à tout moment, dans votre espace client : http"), foot)
	require.Contains(t, foot, "/b/"+s.salon.Slug+"/account\n", foot)
	require.True(t, strings.HasSuffix(foot, "\nInstitut Message\n3 rue des Lilas, Lyon\n"), "then how to reach the salon: %s", foot)

	// An offer needs the client's consent to offers: Léa gave none.
	offer := url.Values{"channel": {"email"}, "purpose": {"marketing"}, "subject": {"-20 % ce mois-ci"}, "body": {"Bonjour {prenom}"}}
	p = owner.Post(path, offer)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("purpose"), "n'accepte pas les offres")
	require.Equal(t, "-20 % ce mois-ci", p.Value("#subject"), "what was typed is kept")
	s.exec(`UPDATE customers SET email_marketing = true WHERE tenant_id = $1 AND id = $2`, s.salon.ID, client)
	require.Equal(t, 303, owner.Post(path, offer).Status)
	s.env.Mail.WaitSubject(t, email, "-20 % ce mois-ci")

	// Refused forms come back with what was typed and a message by the field.
	p = owner.Post(path, url.Values{"channel": {"email"}, "subject": {""}, "body": {"Bonjour {prenom_client}"}})
	require.Equal(t, 422, p.Status)
	require.NotEmpty(t, p.FieldError("subject"))
	require.Contains(t, p.FieldError("body"), "champ que ce message ne peut pas remplir")
	require.Contains(t, p.Text(".unknown-var"), "{prenom_client}")
	require.Equal(t, "Bonjour {prenom_client}", p.Text("#body"))

	s.exec(`UPDATE customers SET sms_transactional = false WHERE tenant_id = $1 AND id = $2`, s.salon.ID, client)
	p = owner.Post(path, url.Values{"channel": {"sms"}, "body": {"Bonjour"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("channel"), "refusé les SMS")
	require.Len(t, of(s.history(client), message.KindManual, message.SMS), 1, "a refused message is not kept")
}

func TestWriteRefusesAClientWithoutTheChannelAndAnotherSalonsClient(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t)
	appt, err := s.env.Srv.Agenda.Create(context.Background(), s.sal, s.salon.OwnerID, agendaInput(s, s.at("10:00")))
	require.NoError(t, err)
	a, err := s.env.Srv.Agenda.Get(context.Background(), s.sal, appt)
	require.NoError(t, err)

	err = s.env.Srv.Messages.Write(context.Background(), s.salon.ID, a.Customer.ID, s.salon.OwnerID,
		message.Manual{Channel: message.Email, Purpose: message.Transactional, Subject: "Bonjour", Body: "Bonjour"})
	require.Equal(t, "message.no_email", fieldOf(err, "channel"), "a client known by phone only")
	err = s.env.Srv.Messages.Write(context.Background(), s.salon.ID, a.Customer.ID, s.salon.OwnerID,
		message.Manual{Channel: "fax", Purpose: message.Transactional, Body: "Bonjour"})
	require.Equal(t, "field.choose", fieldOf(err, "channel"))

	other := s.env.NewSalon("Autre salon")
	err = s.env.Srv.Messages.Write(context.Background(), other.ID, a.Customer.ID, other.OwnerID,
		message.Manual{Channel: message.SMS, Purpose: message.Transactional, Body: "Bonjour"})
	require.True(t, store.IsNotFound(err), "another salon's client is not found: %v", err)
	items, err := s.env.Srv.Messages.History(context.Background(), other.ID, a.Customer.ID, 10)
	require.NoError(t, err)
	require.Empty(t, items, "and its history shows nothing")
}

func TestManualTextStartsFromTheSalonsTemplate(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t)
	appt, err := s.env.Srv.Agenda.Create(context.Background(), s.sal, s.salon.OwnerID, agendaInput(s, s.at("11:00")))
	require.NoError(t, err)
	a, err := s.env.Srv.Agenda.Get(context.Background(), s.sal, appt)
	require.NoError(t, err)
	text, err := s.env.Srv.Messages.ManualText(context.Background(), s.salon.ID, a.Customer.ID, message.Email)
	require.NoError(t, err)
	require.Equal(t, "Message d'Institut Message", text.Subject, "French elides before a vowel")
	require.Equal(t, "Bonjour Léa,\n\n\n\nÀ bientôt,\nInstitut Message", text.Body)
}
