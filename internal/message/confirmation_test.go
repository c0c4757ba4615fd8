package message_test

import (
	"bytes"
	"context"
	"net/url"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/views/messages"
)

func TestABookingConfirmationGoesThroughTheOutboxAndShowsInTheHistory(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	email := "confirm-" + s.salon.Slug + "@example.com"
	typed, phone := newPhone()
	s.book(s.at("11:00"), email, typed)

	mail := s.env.Mail.WaitSubject(t, email, "Rendez-vous confirmé chez Institut Message")
	require.Contains(t, mail.Text, "Bonjour Léa,")
	require.Contains(t, mail.Text, "« Soin éclat » avec Nora est confirmé")
	require.Contains(t, mail.Text, "à 11:00", "the time in the salon's zone")
	require.Contains(t, mail.Text, "Adresse : 3 rue des Lilas, Lyon")
	require.Contains(t, mail.HTML, "Gérer mon rendez-vous", "the manage link is the email's button")
	ics := string(mail.Attachments["rendez-vous.ics"])
	require.Contains(t, ics, "DTSTART:"+s.at("11:00").UTC().Format("20060102T150405Z"))
	require.NotContains(t, ics, "/m/", "the calendar file travels in the job's arguments: no link in it")
	manage, err := url.Parse(mail.Link(t, "/b/"+s.salon.Slug+"/m/"))
	require.NoError(t, err)
	require.Equal(t, 200, s.web.NewClient().Get(manage.Path).Status, "the link minted when sending works")

	eventually(t, func() bool { return delivered(phone) == 1 }, "no confirmation SMS to %s", phone)
	sms := smsTo(phone)[0]
	require.Equal(t, "Institut", sms.From)
	require.Equal(t, "Bearer "+smsKey, sms.Auth)
	require.Contains(t, sms.Text, "Institut Message : rendez-vous confirmé")
	require.Contains(t, sms.Text, "à 11:00 (Soin éclat)")

	client := s.customerByEmail(email)
	sent := s.waitStatus(client, message.KindConfirmation, message.Email, message.StatusSent)
	require.Equal(t, "Rendez-vous confirmé chez Institut Message, "+sentDay(s)+" à 11:00", sent.Subject)
	require.Contains(t, sent.Preview, "{lien}", "the history shows a link was sent, never the link")
	require.NotContains(t, sent.Preview, "/m/")
	require.Equal(t, 1, sent.Attempts)
	require.NotNil(t, sent.SentAt)
	s.waitStatus(client, message.KindConfirmation, message.SMS, message.StatusSent)

	// No working link waits anywhere: not in the outbox, not in any job.
	ctx := context.Background()
	var inJobs, inOutbox int
	require.NoError(t, s.env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
		if err := tx.Raw().QueryRow(ctx, `SELECT count(*) FROM river.river_job WHERE args->>'salon_id' = $1 AND args::text LIKE '%/m/%'`,
			s.salon.ID.String()).Scan(&inJobs); err != nil {
			return err
		}
		return tx.Raw().QueryRow(ctx, `SELECT count(*) FROM messages WHERE tenant_id = $1 AND body LIKE '%/m/%'`, s.salon.ID).Scan(&inOutbox)
	}))
	require.Zero(t, inJobs)
	require.Zero(t, inOutbox)

	// The client cancels: the cancellation goes the same way.
	c := s.web.NewClient()
	require.Equal(t, 303, c.Post(manage.Path+"/cancel", nil).Status)
	cancelled := s.env.Mail.WaitSubject(t, email, "Rendez-vous annulé chez Institut Message")
	require.Contains(t, cancelled.Text, "« Soin éclat » du "+sentDay(s)+" à 11:00 est annulé")
	require.Contains(t, string(cancelled.Attachments["rendez-vous.ics"]), "STATUS:CANCELLED")
	s.waitStatus(client, message.KindCancellation, message.Email, message.StatusSent)
	s.waitStatus(client, message.KindCancellation, message.SMS, message.StatusSent)
	require.Contains(t, smsTo(phone)[1].Text, "est annulé")
}

func TestAClientWhoRefusedTextMessagesGetsTheEmailOnly(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	email := "nosms-" + s.salon.Slug + "@example.com"
	typed, phone := newPhone()
	s.book(s.at("10:00"), email, typed)
	s.env.Mail.Wait(t, email, 1)
	client := s.customerByEmail(email)
	s.waitStatus(client, message.KindConfirmation, message.SMS, message.StatusSent)

	// The client asks the salon for no more text messages, then books again.
	s.exec(`UPDATE customers SET sms_transactional = false WHERE tenant_id = $1 AND id = $2`, s.salon.ID, client)
	s.book(s.at("15:00"), email, typed)
	second := s.env.Mail.Wait(t, email, 2)
	require.Contains(t, second.Text, "à 15:00", "the email still goes")

	items := s.history(client)
	smsItems := of(items, message.KindConfirmation, message.SMS)
	require.Len(t, smsItems, 2)
	require.Equal(t, message.StatusSkipped, smsItems[0].Status, "the newest SMS was not sent")
	require.Equal(t, message.SkipOptedOut, smsItems[0].SkipReason)
	require.Never(t, func() bool { return len(smsTo(phone)) > 1 }, 1500*1e6, 100*1e6, "no SMS reaches the gateway")
	s.waitStatus(client, message.KindConfirmation, message.Email, message.StatusSent)

	html := render(t, messages.History(s.history(client)))
	require.Contains(t, html, "Non envoyé")
	require.Contains(t, html, "Le client a refusé les SMS")
}

func TestAClientBookingOnlineGetsTheirConfirmationEmailWhateverTheRecordSays(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	email := "noemail-" + s.salon.Slug + "@example.com"
	typed, _ := newPhone()
	s.book(s.at("10:00"), email, typed)
	s.env.Mail.Wait(t, email, 1)
	client := s.customerByEmail(email)
	// Staff untick service emails on the record; the client books again online.
	s.exec(`UPDATE customers SET email_transactional = false WHERE tenant_id = $1 AND id = $2`, s.salon.ID, client)
	s.book(s.at("15:00"), email, typed)
	second := s.env.Mail.Wait(t, email, 2)
	require.Contains(t, second.Text, "à 15:00", "the receipt and the manage link go to the address just typed")
}

func TestATextMessageTheGatewayRefusesIsFailedThenRetriedAndSentOnce(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	email := "retry-" + s.salon.Slug + "@example.com"
	typed, phone := newPhone()
	failSMS(phone, true)
	s.book(s.at("12:00"), email, typed)
	s.env.Mail.Wait(t, email, 1)
	client := s.customerByEmail(email)

	failed := s.waitStatus(client, message.KindConfirmation, message.SMS, message.StatusFailed)
	require.Equal(t, "sms: gateway answered 500: gateway overloaded", failed.LastError)
	require.GreaterOrEqual(t, failed.Attempts, 1)
	html := render(t, messages.History(s.history(client)))
	require.Contains(t, html, "Échec de l'envoi")
	require.Contains(t, html, "gateway overloaded", "the salon sees why")

	// The gateway recovers: River's retry sends it.
	failSMS(phone, false)
	sent := s.waitStatus(client, message.KindConfirmation, message.SMS, message.StatusSent)
	require.Empty(t, sent.LastError)
	require.Equal(t, 1, delivered(phone))
	require.Equal(t, len(smsTo(phone)), sent.Attempts, "every attempt is counted")

	// The same message's job run again (a retry after success) sends nothing.
	ctx := context.Background()
	require.NoError(t, s.env.Srv.DB.WithTenant(ctx, s.salon.ID, func(tx store.Tx) error {
		return tx.Enqueue(ctx, message.SendArgs{SalonID: s.salon.ID, MessageID: sent.ID}, nil)
	}))
	require.Never(t, func() bool { return delivered(phone) > 1 }, 2*1e9, 100*1e6, "never sent twice")
	require.Equal(t, sent.Attempts, of(s.history(client), message.KindConfirmation, message.SMS)[0].Attempts)
}

// sentDay is how the messages write the booking's day.
func sentDay(s shop) string {
	d := s.day()
	days := []string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	months := []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	return days[d.Weekday()] + " " + d.Format("2") + " " + months[d.Month()-1]
}

// render writes a component in French, as a staff page would, and returns its text.
func render(t *testing.T, c templ.Component) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, c.Render(i18n.WithLang(context.Background(), i18n.FR), &b))
	doc, err := goquery.NewDocumentFromReader(&b)
	require.NoError(t, err)
	return doc.Text()
}
