package e2e

import (
	"encoding/base64"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// A confirmation read on a phone, 390 px wide: the salon's line breaks are
// line breaks, a long link wraps instead of widening the page, and the
// button to manage the visit sits where the text part puts its link.
func TestAConfirmationEmailReadsAsWrittenOnAPhone(t *testing.T) {
	env := testkit.NewEnv(t)
	s, service := openSalon(t, env)
	owner := env.Login(s.OwnerEmail)
	long := "https://example.com/" + strings.Repeat("plan-d-acces-", 12) + "cour"
	require.Equal(t, 303, owner.Post("/app/messages/templates", url.Values{"kind": {"confirmation"}, "language": {"fr"}, "channel": {"email"},
		"subject": {"Confirmé"}, "body": {"Bonjour {prenom},\n\nLe {date} à {heure}.\nPlan : " + long + "\n\nGérer mon rendez-vous : {lien}\n\nÀ bientôt,\n{salon}"}}).Status)

	c := env.NewClient()
	start := env.Clock.Now().Add(72 * time.Hour).Truncate(24 * time.Hour).Add(9 * time.Hour) // 10:00 or 11:00 in Paris
	path := "/b/" + s.Slug + "/s/" + service + "/book"
	details := c.Get(path + "?lang=fr&start=" + url.QueryEscape(start.Format(time.RFC3339)))
	require.Equal(t, 200, details.Status)
	email := "phone-mail-" + s.Slug + "@example.com"
	require.Equal(t, 303, c.Post(path, url.Values{"start": {start.Format(time.RFC3339)}, "first_name": {"Zoé"}, "last_name": {"Fontaine"},
		"email": {email}, "phone": {"06 12 34 56 78"}, "accept_terms": {"1"}, "policy_hash": {details.Value("input[name=policy_hash]")}}).Status)
	mail := env.Mail.WaitSubject(t, email, "Confirmé")
	manage := mail.Link(t, "/m/")

	b := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	testkit.Step(t, b,
		chromedp.Navigate("data:text/html;charset=utf-8;base64,"+base64.StdEncoding.EncodeToString([]byte(mail.HTML))),
		chromedp.WaitVisible(chromedp.CSS(".message-body")),
	)
	require.True(t, fitsWidth(t, b), "the long link wraps inside 390 px")
	paras := testkit.Read(t, b, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.message-body > p')].map(p => p.innerText)`))
	require.Len(t, paras, 5, "the salon's four paragraphs, then the terms the client accepted")
	require.Equal(t, "À bientôt,\nInstitut Horizon", paras[3], "the signature keeps its line break")
	require.Contains(t, paras[1], ".\nPlan : "+long)
	require.Equal(t, "Gérer mon rendez-vous", paras[2], "the call to action is the third paragraph, as in the text part")
	href := testkit.Read(t, b, chromedp.Evaluate[string](`document.querySelectorAll('.message-body > p')[2].querySelector('a').href`))
	require.Equal(t, manage, href)
	right := testkit.Read(t, b, chromedp.Evaluate[float64](`document.querySelectorAll('.message-body > p')[2].querySelector('a').getBoundingClientRect().right`))
	require.LessOrEqual(t, right, float64(testkit.PhoneWidth), "the button is whole on the screen")
}
