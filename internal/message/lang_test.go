package message_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// frenchMark is a space before : ; ? ! — French typography, wrong in English.
var frenchMark = regexp.MustCompile(`[ \x{a0}\x{202f}][:;?!]`)

// A client the salon creates speaks the salon's language until the record
// says otherwise; every message to them follows the record, in English with
// English punctuation.
func TestAClientCreatedInEnglishIsWrittenToInEnglish(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	owner := s.web.Login(s.salon.OwnerEmail)
	form := owner.Get("/app/clients/new")
	require.Equal(t, "fr", form.Doc.Find("select#lang option[selected]").AttrOr("value", ""), "the salon's language by default")

	email := "emma-" + s.salon.Slug + "@example.com"
	typed, phone := newPhone()
	p := owner.Post("/app/clients", url.Values{"first_name": {"Emma"}, "last_name": {"Stone"}, "email": {email}, "phone": {typed},
		"email_transactional": {"1"}, "sms_transactional": {"1"}, "payment_mode": {"default"}, "lang": {"en"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	record := owner.Follow(p)
	require.Equal(t, "English", record.Text("#client-lang"))
	id := uuid.MustParse(strings.TrimPrefix(p.Location(), "/app/clients/"))

	_, err := s.env.Srv.Agenda.Create(context.Background(), s.sal, s.salon.OwnerID, agenda.Input{StaffID: s.staff,
		Start: s.at("16:00"), ServiceIDs: []uuid.UUID{s.service}, Customer: customer.QuickInput{ID: id}})
	require.NoError(t, err)
	mail := s.env.Mail.WaitSubject(t, email, "Appointment confirmed at Institut Message")
	require.Contains(t, text(mail), "Hello Emma,")
	require.Contains(t, text(mail), "Address: 3 rue des Lilas, Lyon")
	require.Equal(t, "en", htmlLang(t, mail))
	require.NotRegexp(t, frenchMark, mail.Subject)
	require.NotRegexp(t, frenchMark, text(mail))
	eventually(t, func() bool { return delivered(phone) == 1 }, "no confirmation SMS")
	require.True(t, strings.HasPrefix(smsTo(phone)[0].Text, "Institut Message: appointment confirmed"), smsTo(phone)[0].Text)

	// English typed the French way by the salon is sent the English way.
	require.Equal(t, 303, owner.Post("/app/clients/"+id.String()+"/messages", url.Values{"channel": {"email"}, "purpose": {"transactional"},
		"subject": {"News from {salon} !"}, "body": {"Hello {prenom},\n\nOur « spring » offer : 20 % off ! Interested ?"}}).Status)
	news := s.env.Mail.WaitSubject(t, email, "News from")
	require.Equal(t, "News from Institut Message!", news.Subject)
	require.Contains(t, text(news), "Hello Emma,\n\nOur “spring” offer: 20 % off! Interested?")
}

// A client who books on the English page gets a record in English; when the
// salon changes the record to French, the next message is in French, its
// calendar file named in French, whatever page they booked on.
func TestMessagesFollowTheRecordsLanguageNotThePageBookedOn(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	email := "page-" + s.salon.Slug + "@example.com"
	typed, _ := newPhone()
	c := s.web.NewClient()
	start := s.at("12:00")
	path := "/b/" + s.salon.Slug + "/s/" + s.service.String() + "/book"
	details := c.Get(path + "?lang=en&start=" + url.QueryEscape(start.Format(time.RFC3339)))
	require.Equal(t, 200, details.Status)
	require.Equal(t, 303, c.Post(path, url.Values{"start": {start.Format(time.RFC3339)}, "first_name": {"Emma"}, "last_name": {"Page"},
		"email": {email}, "phone": {typed}, "accept_terms": {"1"}, "policy_hash": {details.Value("input[name=policy_hash]")}}).Status)

	confirmed := s.env.Mail.WaitSubject(t, email, "Appointment confirmed")
	require.Contains(t, confirmed.Attachments, "appointment.ics", "the calendar file is named in the client's language")
	require.NotContains(t, confirmed.Attachments, "rendez-vous.ics")
	require.NotRegexp(t, frenchMark, text(confirmed), "the terms and payment lines too")
	client := s.customerByEmail(email)
	owner := s.web.Login(s.salon.OwnerEmail)
	require.Equal(t, "English", owner.Get("/app/clients/"+client.String()).Text("#client-lang"))

	edit := owner.Get("/app/clients/" + client.String() + "/edit")
	require.Equal(t, "en", edit.Doc.Find("select#lang option[selected]").AttrOr("value", ""))
	require.Equal(t, 303, owner.Post("/app/clients/"+client.String(), url.Values{"first_name": {"Emma"}, "last_name": {"Page"},
		"email": {email}, "phone": {typed}, "email_transactional": {"1"}, "payment_mode": {"default"}, "lang": {"fr"}}).Status)
	require.Equal(t, "Français", owner.Get("/app/clients/"+client.String()).Text("#client-lang"))

	manage, err := url.Parse(confirmed.Link(t, "/b/"+s.salon.Slug+"/m/"))
	require.NoError(t, err)
	require.Equal(t, 303, s.web.NewClient().Post(manage.Path+"/cancel", nil).Status)
	cancelled := s.env.Mail.WaitSubject(t, email, "Rendez-vous annulé chez Institut Message")
	require.Contains(t, text(cancelled), "Bonjour Emma,")
	require.Contains(t, cancelled.Attachments, "rendez-vous.ics")
	require.Equal(t, "fr", htmlLang(t, cancelled))
}

func htmlLang(t *testing.T, m testkit.Mail) string {
	t.Helper()
	got := regexp.MustCompile(`<html lang="([a-z]+)"`).FindStringSubmatch(m.HTML)
	require.Len(t, got, 2, "the HTML part names its language")
	return got[1]
}
