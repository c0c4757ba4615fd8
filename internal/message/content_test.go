package message_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// A salon that never entered its address: the message keeps every line the
// salon wrote, only the empty placeholder goes, with its punctuation; the
// preview named it beforehand.
func TestAPlaceholderWithNoValueIsFlaggedAndNeverTakesItsLine(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	s.exec(`UPDATE salon_settings SET address = '' WHERE tenant_id = $1`, s.salon.ID)
	owner := s.web.Login(s.salon.OwnerEmail)
	body := "Bonjour {prenom},\n\nVotre rendez-vous « {prestation} » est confirmé : {date} à {heure}.\n" +
		"Plan d'accès : {adresse} – entrée par la cour, sonnez chez {salon}.\n\nAdresse : {adresse}\n\nGérer mon rendez-vous : {lien}"
	form := url.Values{"kind": {"confirmation"}, "language": {"fr"}, "channel": {"email"}, "subject": {"Confirmé ({adresse})"}, "body": {body}}

	p := owner.Post("/app/messages/templates/preview", form)
	require.Equal(t, 200, p.Status)
	require.Equal(t, 1, p.Doc.Find("#preview .preview-missing").Length(), "one warning per placeholder, however often it appears")
	require.Contains(t, p.Text("#preview .preview-missing"), "{adresse} n'a pas de valeur")
	require.Contains(t, p.Text("#preview .preview-missing"), "adresse du salon dans les réglages")
	require.Contains(t, p.Text("#preview .preview-body"), "Plan d'accès – entrée par la cour, sonnez chez Institut Message.")
	require.Equal(t, "Confirmé", p.Text("#preview .preview-subject"))

	require.Equal(t, 303, owner.Post("/app/messages/templates", form).Status)
	email := "noaddress-" + s.salon.Slug + "@example.com"
	typed, _ := newPhone()
	s.book(s.at("10:00"), email, typed)
	mail := s.env.Mail.WaitSubject(t, email, "Confirmé")
	require.Equal(t, "Confirmé", mail.Subject, "the empty brackets go with the placeholder")
	lines := strings.Split(text(mail), "\n")
	require.Contains(t, lines, "Plan d'accès – entrée par la cour, sonnez chez Institut Message.", "the salon's words stay, no dangling colon")
	require.Contains(t, lines, "Adresse", "a label line stays, without its colon")
	require.NotContains(t, text(mail), "{adresse}")

	// With the address entered, the same template says it and warns of nothing.
	s.exec(`UPDATE salon_settings SET address = '3 rue des Lilas, Lyon' WHERE tenant_id = $1`, s.salon.ID)
	p = owner.Post("/app/messages/templates/preview", form)
	require.Zero(t, p.Doc.Find("#preview .preview-missing").Length())
	require.Contains(t, p.Text("#preview .preview-body"), "Plan d'accès : 3 rue des Lilas, Lyon – entrée par la cour")
}

// The HTML part is the text part laid out: the same paragraphs, the same
// line breaks, the links in the same places (a call to action as a button).
func TestTheHTMLPartBreaksLinesAndPlacesLinksAsTheTextPartDoes(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	owner := s.web.Login(s.salon.OwnerEmail)
	body := "Bonjour {prenom},\n\nVotre rendez-vous « {prestation} » est confirmé.\nLe {date} à {heure}, avec {collaborateur}.\n\n" +
		"Gérer mon rendez-vous : {lien}\n\nNos tarifs sont sur https://example.com/tarifs, nos horaires aussi.\n\nÀ bientôt,\n{salon}"
	require.Equal(t, 303, owner.Post("/app/messages/templates", url.Values{"kind": {"confirmation"}, "language": {"fr"},
		"channel": {"email"}, "subject": {"Confirmé"}, "body": {body}}).Status)
	email := "layout-" + s.salon.Slug + "@example.com"
	typed, _ := newPhone()
	s.book(s.at("15:00"), email, typed)
	mail := s.env.Mail.WaitSubject(t, email, "Confirmé")

	plain := strings.SplitN(text(mail), "\n\n-- \n", 2)[0]
	html := htmlLayout(t, mail)
	require.Equal(t, textLayout(plain), html)
	require.Contains(t, plain, "À bientôt,\nInstitut Message")
	require.Equal(t, 1, strings.Count(mail.HTML, "<br>À bientôt")+strings.Count(mail.HTML, "À bientôt,<br>"), "the signature keeps its line break")
}

// line is what both parts must agree on: a line's words when it holds no
// link, and its links, in order.
type line struct {
	Words string
	Links []string
}

var anyURL = regexp.MustCompile(`https?://\S+`)

func textLayout(body string) [][]line {
	var out [][]line
	for _, p := range strings.Split(body, "\n\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		var para []line
		for _, l := range strings.Split(strings.Trim(p, "\n"), "\n") {
			links := anyURL.FindAllString(l, -1)
			words := ""
			if len(links) == 0 {
				words = l
			}
			para = append(para, line{Words: words, Links: links})
		}
		out = append(out, para)
	}
	return out
}

func htmlLayout(t *testing.T, mail testkit.Mail) [][]line {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(mail.HTML))
	require.NoError(t, err)
	ps := doc.Find(".message-body > p")
	require.NotZero(t, ps.Length(), "the body is laid out paragraph by paragraph")
	var out [][]line
	ps.Each(func(_ int, p *goquery.Selection) {
		inner, err := p.Html()
		require.NoError(t, err)
		var para []line
		for _, seg := range strings.Split(inner, "<br/>") {
			d, err := goquery.NewDocumentFromReader(strings.NewReader("<p>" + seg + "</p>"))
			require.NoError(t, err)
			var links []string
			d.Find("a[href]").Each(func(_ int, a *goquery.Selection) { links = append(links, a.AttrOr("href", "")) })
			words := ""
			if len(links) == 0 {
				words = d.Text()
			}
			para = append(para, line{Words: words, Links: links})
		}
		out = append(out, para)
	})
	return out
}
