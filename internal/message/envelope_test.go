package message_test

import (
	"bytes"
	"context"
	"net/http"
	netmail "net/mail"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
)

const inboundSecret = "inbound-secret-0123456789"

// newEnvelopeShop is the shop with the salon's contact details and SMS
// sender name set.
func newEnvelopeShop(t *testing.T, sender string) shop {
	t.Helper()
	s := newShop(t)
	require.NoError(t, s.env.Srv.Salons.UpdateSettings(context.Background(), s.salon.ID, salon.SettingsInput{Country: "FR", Name: "Institut Démo",
		TimeZone: "Europe/Paris", Currency: "EUR", Locale: "fr", Address: "3 rue des Lilas, Lyon", Phone: "04 78 00 00 01",
		Email: "Contact@Institut-Demo.test", SMSSender: sender, SlotStep: 15 * time.Minute, MinNotice: 60 * time.Minute, MaxHorizonDays: 60,
		CancellationWindow: 24 * time.Hour, DefaultRule: payment.Rule{Mode: payment.ModeNone},
		CancelRefund: "refund", DepositName: "acompte"}))
	return s
}

func TestClientEmailsAndSMSSpeakInTheSalonsName(t *testing.T) {
	t.Parallel()
	s := newEnvelopeShop(t, "InstitutDem")
	email := "voice-" + s.salon.Slug + "@example.com"
	typed, phone := newPhone()
	s.book(s.at("10:00"), email, typed)

	m := s.env.Mail.Wait(t, email, 1)
	from, err := m.Header.AddressList("From")
	require.NoError(t, err)
	require.Equal(t, []*netmail.Address{{Name: "Institut Démo", Address: "no-reply@carnet.test"}}, from,
		"the salon's name on the platform's own address (SPF, DKIM, DMARC)")
	require.Equal(t, "<contact@institut-demo.test>", m.Header.Get("Reply-To"), "answers go to the salon")
	require.Empty(t, m.Header.Get("List-Unsubscribe"), "a confirmation is not an offer")
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(m.HTML))
	require.NoError(t, err)
	require.Equal(t, "width=device-width, initial-scale=1", doc.Find(`meta[name=viewport]`).AttrOr("content", ""), "readable on a phone")
	require.Equal(t, "Institut Démo", strings.TrimSpace(doc.Find("body > div > p").First().Text()), "the salon heads its email")
	require.NotContains(t, m.HTML, ">Carnet<")
	contact := doc.Find(".contact").Text()
	require.Contains(t, contact, "04 78 00 00 01")
	require.Contains(t, contact, "3 rue des Lilas, Lyon")
	require.Contains(t, text(m), "\nInstitut Démo\n04 78 00 00 01\n3 rue des Lilas, Lyon\n", "the text part closes the same way")

	eventually(t, func() bool { return delivered(phone) >= 1 }, "no SMS confirmation")
	require.Equal(t, "InstitutDem", smsTo(phone)[0].From, "the salon's own sender name")
	require.NotContains(t, smsTo(phone)[0].Text, "STOP", "a confirmation is not an offer")
}

func TestAnOfferByEmailIsLeftInOneTapWithoutSigningIn(t *testing.T) {
	t.Parallel()
	s := newEnvelopeShop(t, "")
	email := "offer-" + s.salon.Slug + "@example.com"
	typed, _ := newPhone()
	s.book(s.at("11:00"), email, typed)
	s.env.Mail.Wait(t, email, 1)
	client := s.customerByEmail(email)
	owner := s.web.Login(s.salon.OwnerEmail)
	recordPath := "/app/clients/" + client.String()

	// The client agrees to offers by email, at the salon: the record keeps when.
	p := owner.Post(recordPath, url.Values{"first_name": {"Léa"}, "last_name": {"Martin"}, "email": {email}, "phone": {typed},
		"email_transactional": {"1"}, "email_marketing": {"1"}, "sms_transactional": {"1"}, "payment_mode": {"default"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Contains(t, owner.Get(recordPath).Text(".consents"), "Accepte les offres par e-mail (fiche client)")

	offer := url.Values{"channel": {"email"}, "purpose": {"marketing"}, "subject": {"-20 % en décembre"}, "body": {"Bonjour {prenom}"}}
	require.Equal(t, 303, owner.Post(recordPath+"/messages", offer).Status)
	m := s.env.Mail.WaitSubject(t, email, "-20 % en décembre")
	require.Equal(t, "List-Unsubscribe=One-Click", m.Header.Get("List-Unsubscribe-Post"))
	lu := m.Header.Get("List-Unsubscribe")
	require.True(t, strings.HasPrefix(lu, "<http") && strings.HasSuffix(lu, ">"), lu)
	link := strings.Trim(lu, "<>")
	require.Contains(t, text(m), "Ne plus recevoir d'offres par e-mail : "+link, "the text part carries the link")
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(m.HTML))
	require.NoError(t, err)
	href, _ := doc.Find("a.unsubscribe").Attr("href")
	require.Equal(t, link, href, "and the HTML part")

	// Opening the link changes nothing (mail scanners open links): one button.
	// (Any server of the package may have sent the email: the path is what
	// counts, every server signs alike.)
	u, err := url.Parse(link)
	require.NoError(t, err)
	path := u.Path
	page := s.web.NewClient().Get(path)
	require.Equal(t, 200, page.Status)
	require.Contains(t, page.Text("form"), "Institut Démo")
	require.Equal(t, 1, page.Doc.Find("form button").Length())
	require.Contains(t, owner.Get(recordPath).Text(".consents"), "Accepte")
	require.NotContains(t, owner.Get(recordPath).Text(".consents"), "Refuse")

	// The mail app's own button: one POST, no cookie, no CSRF token.
	req, err := http.NewRequest(http.MethodPost, s.web.URL+path, bytes.NewBufferString("List-Unsubscribe=One-Click"))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)

	consents, err := s.env.Srv.Customers.Consents(context.Background(), s.salon.ID, client)
	require.NoError(t, err)
	require.Len(t, consents, 2)
	require.Equal(t, customer.Consent{Channel: "email", Granted: false, Source: customer.ConsentFromOneClick, At: consents[0].At}, consents[0])
	require.Contains(t, owner.Get(recordPath).Text(".consents"), "Refuse les offres par e-mail (désinscription en un clic)")
	require.Contains(t, s.web.NewClient().Get(path).Text(".status-banner"), "ne vous enverra plus d'offres")

	// No more offers; messages about visits go on.
	p = owner.Post(recordPath+"/messages", offer)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("purpose"), "n'accepte pas les offres")
	require.Equal(t, 303, owner.Post(recordPath+"/messages", url.Values{"channel": {"email"}, "subject": {"Votre commande"}, "body": {"Elle est prête."}}).Status)
	s.env.Mail.WaitSubject(t, email, "Votre commande")
}

func TestTheUnsubscribePageButtonUnsubscribesAndAForgedLinkIsNotFound(t *testing.T) {
	t.Parallel()
	s := newEnvelopeShop(t, "")
	email := "button-" + s.salon.Slug + "@example.com"
	typed, _ := newPhone()
	s.book(s.at("12:00"), email, typed)
	s.env.Mail.Wait(t, email, 1)
	client := s.customerByEmail(email)
	s.exec(`UPDATE customers SET email_marketing = true WHERE tenant_id = $1 AND id = $2`, s.salon.ID, client)

	link := s.env.Srv.Messages.UnsubscribeURL(s.salon.ID, client)
	path := strings.TrimPrefix(link, s.web.URL)
	visitor := s.web.NewClient()
	require.Equal(t, 200, visitor.Get(path).Status)
	before := s.env.Clock.Now()
	p := visitor.PostRaw(path, url.Values{})
	require.Equal(t, 303, p.Status)
	after := s.env.Clock.Now()
	require.Contains(t, visitor.Follow(p).Text(".status-banner"), "Institut Démo ne vous enverra plus d'offres par e-mail")
	consents, err := s.env.Srv.Customers.Consents(context.Background(), s.salon.ID, client)
	require.NoError(t, err)
	require.Len(t, consents, 1)
	require.Equal(t, customer.ConsentFromLink, consents[0].Source)
	require.WithinRange(t, consents[0].At, before.Truncate(time.Microsecond), after, "kept with its time")

	require.Equal(t, 303, visitor.PostRaw(path, url.Values{}).Status, "twice is harmless")
	consents, _ = s.env.Srv.Customers.Consents(context.Background(), s.salon.ID, client)
	require.Len(t, consents, 1, "and recorded once")

	forged := path[:len(path)-2] + "AA"
	require.Equal(t, 404, s.web.NewClient().Get(forged).Status)
	require.Equal(t, 404, s.web.NewClient().PostRaw(forged, url.Values{"List-Unsubscribe": {"One-Click"}}).Status)
}

func TestAnOfferBySMSEndsWithStopAndAStopReplyOptsOut(t *testing.T) {
	t.Parallel()
	s := newEnvelopeShop(t, "InstitutDem")
	email := "stop-" + s.salon.Slug + "@example.com"
	typed, phone := newPhone()
	s.book(s.at("13:00"), email, typed)
	client := s.customerByEmail(email)
	s.exec(`UPDATE customers SET sms_marketing = true WHERE tenant_id = $1 AND id = $2`, s.salon.ID, client)
	eventually(t, func() bool { return delivered(phone) == 1 }, "no SMS confirmation")

	// Another salon, with the platform's sender, knows the same phone and
	// sends offers to it: a STOP to InstitutDem is not about it.
	other := s.env.NewSalon("Autre salon")
	otherClient, err := s.env.Srv.Customers.Create(context.Background(), other.ID, customer.RecordInput{FirstName: "Léa",
		LastName: "Martin", Phone: typed, SMSTransactional: true, SMSMarketing: true, PaymentMode: "default", Region: "FR"})
	require.NoError(t, err)

	owner := s.web.Login(s.salon.OwnerEmail)
	path := "/app/clients/" + client.String() + "/messages"
	p := owner.Post(path, url.Values{"channel": {"sms"}, "purpose": {"marketing"}, "body": {strings.Repeat("Promo ", 105)}})
	require.Equal(t, 422, p.Status, "630 characters leave no room for the STOP notice")
	require.Contains(t, p.FieldError("body"), "640 caractères")
	p = owner.Post(path, url.Values{"channel": {"sms"}, "purpose": {"marketing"}, "body": {"-20 % ce mois-ci chez {salon}"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	eventually(t, func() bool { return delivered(phone) == 2 }, "no SMS offer")
	require.Equal(t, "-20 % ce mois-ci chez Institut Démo\nRépondez STOP pour vous désinscrire", smsTo(phone)[1].Text)

	hook := func(auth, body string) int {
		req, err := http.NewRequest(http.MethodPost, s.web.URL+"/webhooks/sms", strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	stop := `{"from":"` + phone + `","to":"InstitutDem","text":"Stop"}`
	require.Equal(t, 401, hook("", stop), "the gateway proves who it is")
	require.Equal(t, 401, hook("Bearer wrong-secret-0123456789", stop))
	require.Equal(t, 200, hook("Bearer "+inboundSecret, `{"from":"`+phone+`","to":"InstitutDem","text":"Merci !"}`))
	require.Equal(t, 200, hook("Bearer "+inboundSecret, stop))

	consents, err := s.env.Srv.Customers.Consents(context.Background(), s.salon.ID, client)
	require.NoError(t, err)
	require.Len(t, consents, 1, "only the STOP counts")
	require.Equal(t, customer.Consent{Channel: "sms", Granted: false, Source: customer.ConsentFromSMSStop, At: consents[0].At}, consents[0])
	p = owner.Post(path, url.Values{"channel": {"sms"}, "purpose": {"marketing"}, "body": {"Encore une offre"}})
	require.Equal(t, 422, p.Status, "no more offers by SMS")
	require.Equal(t, 303, owner.Post(path, url.Values{"channel": {"sms"}, "body": {"Votre crème est arrivée."}}).Status,
		"messages about the client's purchases go on")

	otherConsents, err := s.env.Srv.Customers.Consents(context.Background(), other.ID, otherClient)
	require.NoError(t, err)
	require.Len(t, otherConsents, 1)
	require.True(t, otherConsents[0].Granted, "the other salon's client, under another sender, still accepts its offers")
}

// A client the salon entered twice leaves offers once: unsubscribing from
// one record's email stops them on every record with that address.
func TestUnsubscribingStopsOffersToTheAddressNotJustOneRecord(t *testing.T) {
	t.Parallel()
	s := newEnvelopeShop(t, "")
	owner := s.web.Login(s.salon.OwnerEmail)
	email := "twice-" + s.salon.Slug + "@example.com"
	var records []string
	for _, first := range []string{"Léa", "Lea"} {
		p := owner.Post("/app/clients", url.Values{"first_name": {first}, "last_name": {"Martin"}, "email": {email}, "force": {"1"},
			"email_transactional": {"1"}, "email_marketing": {"1"}, "sms_transactional": {"1"}, "payment_mode": {"default"}})
		require.Equal(t, 303, p.Status, p.Text(".alert"))
		records = append(records, p.Location())
	}
	require.NotEqual(t, records[0], records[1])
	first, err := uuid.Parse(strings.TrimPrefix(records[0], "/app/clients/"))
	require.NoError(t, err)

	link := s.env.Srv.Messages.UnsubscribeURL(s.salon.ID, first)
	require.Equal(t, 303, s.web.NewClient().Post(strings.TrimPrefix(link, s.web.URL), nil).Status)

	for _, path := range records {
		require.Contains(t, owner.Get(path).Text(".consents"), "Refuse", path)
	}
	offer := url.Values{"channel": {"email"}, "purpose": {"marketing"}, "subject": {"Offre"}, "body": {"Bonjour {prenom}"}}
	p := owner.Post(records[1]+"/messages", offer)
	require.NotEqual(t, 303, p.Status, "no offer goes to the address through the other record")
}

// Merging the record that unsubscribed into one that still accepts offers
// keeps the person's latest choice: no offers, and the history follows.
func TestAMergeNeverUndoesAnUnsubscribe(t *testing.T) {
	t.Parallel()
	s := newEnvelopeShop(t, "")
	owner := s.web.Login(s.salon.OwnerEmail)
	var ids []uuid.UUID
	for _, email := range []string{"kept-" + s.salon.Slug + "@example.com", "left-" + s.salon.Slug + "@example.com"} {
		p := owner.Post("/app/clients", url.Values{"first_name": {"Léa"}, "last_name": {"Martin"}, "email": {email}, "force": {"1"},
			"email_transactional": {"1"}, "email_marketing": {"1"}, "sms_transactional": {"1"}, "payment_mode": {"default"}})
		require.Equal(t, 303, p.Status, p.Text(".alert"))
		id, err := uuid.Parse(strings.TrimPrefix(p.Location(), "/app/clients/"))
		require.NoError(t, err)
		ids = append(ids, id)
	}
	s.env.Clock.Advance(time.Hour)
	link := s.env.Srv.Messages.UnsubscribeURL(s.salon.ID, ids[1])
	u, err := url.Parse(link)
	require.NoError(t, err)
	require.Equal(t, 303, s.web.NewClient().Post(u.Path, nil).Status)

	require.NoError(t, s.env.Srv.Customers.Merge(context.Background(), s.salon.ID, ids[0], ids[1], s.salon.OwnerID, "EUR"))
	kept := "/app/clients/" + ids[0].String()
	consents := owner.Get(kept).Text(".consents")
	require.Contains(t, consents, "Refuse", "the unsubscribe is on the kept record's history")
	offer := url.Values{"channel": {"email"}, "purpose": {"marketing"}, "subject": {"Offre"}, "body": {"Bonjour {prenom}"}}
	require.NotEqual(t, 303, owner.Post(kept+"/messages", offer).Status, "no offers to the person who left")
	require.Equal(t, 303, s.web.NewClient().Post(u.Path, nil).Status, "the old link still answers, through the merge")
}
