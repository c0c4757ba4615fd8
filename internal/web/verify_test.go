package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// signUp opens a salon through the sign-up form and returns the logged-in
// owner and their address.
func signUp(t *testing.T, env *testkit.Env) (*testkit.Client, string, string) {
	t.Helper()
	c := env.NewClient()
	// The package's tests share one database and one mail sink.
	slug := "verif-" + uuid.NewString()[:8]
	email := slug + "@example.com"
	p := c.Post("/signup", signupForm(slug, email))
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	return c, email, slug
}

// pathOf is a link's path (and fragment): the package's environments share
// one job queue, so another test's server may have written the email.
func pathOf(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	require.NoError(t, err)
	if u.Fragment != "" {
		return u.Path + "#" + u.Fragment
	}
	return u.Path
}

// anyBase stands for the server that wrote an email.
const anyBase = `http://127\.0\.0\.1:\d+`

func TestSignupEmailsAVerificationLinkAndAWelcomeWithThreeLinkedSteps(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	_, email, slug := signUp(t, env)

	v := env.Mail.WaitSubject(t, email, "Confirmez votre adresse")
	require.Equal(t, email, v.To)
	require.Contains(t, v.From, "no-reply@")
	require.Contains(t, v.Text, "Bonjour Léa Dupont,")
	require.Contains(t, v.Text, "ne peut ni connecter Stripe ni envoyer d'offres")
	link := v.Link(t, "/verify/")
	html, err := goquery.NewDocumentFromReader(strings.NewReader(v.HTML))
	require.NoError(t, err)
	href, _ := html.Find(`a:contains("Confirmer mon adresse")`).Attr("href")
	require.Equal(t, link, href, "the HTML button and the text part carry the same link")

	w := env.Mail.WaitSubject(t, email, "Bienvenue sur Carnet, Institut Léa")
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(w.HTML))
	require.NoError(t, err)
	var steps, hrefs []string
	doc.Find("ol li a").Each(func(_ int, a *goquery.Selection) {
		steps = append(steps, a.Text())
		h, _ := a.Attr("href")
		hrefs = append(hrefs, pathOf(t, h))
	})
	require.Equal(t, []string{"Ajoutez vos prestations, avec leur durée et leur prix",
		"Indiquez vos horaires d'ouverture et votre équipe", "Partagez le lien de réservation de votre salon"}, steps)
	require.Equal(t, []string{"/app/services", "/app/settings#hours", "/app/public-link"}, hrefs)
	require.Regexp(t, "1. Ajoutez vos prestations, avec leur durée et leur prix : "+anyBase+"/app/services\r?\n", w.Text)
	require.Regexp(t, "3. Partagez le lien de réservation de votre salon : "+anyBase+"/app/public-link\r?\n", w.Text)
	require.Regexp(t, "La page de réservation de vos clients : "+anyBase+regexp.QuoteMeta("/b/"+slug)+"\r?\n", w.Text)
	require.NotContains(t, w.Text+w.HTML, "%!", "no formatting slip")
}

func TestUntilTheOwnerConfirmsTheSalonCannotConnectStripe(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true})
	owner, email, _ := signUp(t, env)
	first := env.Mail.WaitSubject(t, email, "Confirmez votre adresse").Link(t, "/verify/")
	env.Mail.WaitSubject(t, email, "Bienvenue") // so that the next mail is the one asked for below

	page := owner.Get("/app/stripe")
	require.Equal(t, 200, page.Status)
	require.Contains(t, page.Text("#verify-required"), "le salon ne peut pas connecter Stripe")
	require.Zero(t, page.Doc.Find("#stripe-connect").Length(), "no connect button before the address is confirmed")
	p := owner.Post("/app/stripe/connect", nil)
	require.Equal(t, 403, p.Status)
	require.Contains(t, p.Text("#verify-required"), "Confirmez d'abord votre adresse e-mail")
	require.Empty(t, env.Stripe.Calls("/v1/accounts"), "no Stripe account opened")

	// The resend button mails a second link; both work until one is used.
	p = owner.Post("/app/verify/resend", url.Values{"back": {"/app/stripe"}})
	require.Equal(t, 303, p.Status)
	require.Equal(t, "/app/stripe", p.Location())
	require.Contains(t, owner.Follow(p).Text(".alert.ok"), "Un nouveau lien de confirmation est parti")
	second := env.Mail.Wait(t, email, 3).Link(t, "/verify/")
	require.NotEqual(t, first, second)

	// The link opens a page with a button (a mail scanner does not use it up);
	// the button confirms, from any browser.
	other := env.NewClient()
	path := pathOf(t, second)
	form := other.Get(path)
	require.Equal(t, 200, form.Status)
	require.Equal(t, 1, form.Doc.Find("#verify-form button").Length())
	p = other.Post(path, nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))

	again := other.Post(path, nil)
	require.Equal(t, 404, again.Status, "single use")
	require.Contains(t, again.Text("#verify-invalid"), "n'est plus valable")
	require.Equal(t, 404, other.Post(pathOf(t, first), nil).Status, "the other links die with it")

	page = owner.Get("/app/stripe")
	require.Zero(t, page.Doc.Find("#verify-required").Length())
	p = owner.Post("/app/stripe/connect", nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Len(t, env.Stripe.Calls("/v1/accounts"), 1)
}

func TestAVerificationLinkExpires(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true})
	_, email, _ := signUp(t, env)
	link := env.Mail.WaitSubject(t, email, "Confirmez votre adresse").Link(t, "/verify/")
	require.Contains(t, env.Mail.WaitSubject(t, email, "Confirmez").Text, "valable 3 jours")

	env.Clock.Advance(72*time.Hour + time.Minute)
	// Three days away also outlast the session's idle time: sign in again.
	owner := env.NewClient()
	require.Equal(t, 303, owner.Post("/login", url.Values{"email": {email}, "password": {"un-mot-de-passe-solide"}}).Status)
	path := pathOf(t, link)
	require.Equal(t, 404, owner.Get(path).Status)
	require.Equal(t, 404, owner.Post(path, nil).Status)
	require.Contains(t, owner.Get("/app/stripe").Text("#verify-required"), "Confirmez d'abord")
}

func TestAnUnverifiedSalonCannotSendOffers(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	owner, email, _ := signUp(t, env)
	p := owner.Post("/app/clients", fullClient("Offre"))
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	record := p.Location()

	offer := url.Values{"channel": {"email"}, "purpose": {"marketing"}, "subject": {"-20 % ce mois-ci"}, "body": {"Bonjour {prenom}"}}
	p = owner.Post(record+"/messages", offer)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("purpose"), "Confirmez d'abord votre adresse e-mail")
	require.Equal(t, "-20 % ce mois-ci", p.Value(`input[name="subject"]`), "the form comes back filled")
	require.Empty(t, env.Mail.To("offre@example.com"))

	// A message about the client's visits still goes.
	note := url.Values{"channel": {"email"}, "purpose": {"transactional"}, "subject": {"Votre rendez-vous"}, "body": {"Bonjour"}}
	require.Equal(t, 303, owner.Post(record+"/messages", note).Status)

	link := env.Mail.WaitSubject(t, email, "Confirmez votre adresse").Link(t, "/verify/")
	require.Equal(t, 303, owner.Post(pathOf(t, link), nil).Status)
	p = owner.Post(record+"/messages", offer)
	require.Equal(t, 303, p.Status, p.FieldError("purpose"))
	env.Mail.WaitSubject(t, "offre@example.com", "-20 % ce mois-ci")
}

func TestTheLinkIsSentAgainAtMostThreeTimesAnHour(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	owner, _, _ := signUp(t, env)
	for i := range 3 {
		require.Equal(t, 303, owner.Post("/app/verify/resend", url.Values{"back": {"/app/stripe"}}).Status, "resend %d", i+1)
	}
	require.Equal(t, 429, owner.Post("/app/verify/resend", nil).Status)
	// Somewhere else than this site is never a way back.
	other, _, _ := signUp(t, env)
	p := other.Post("/app/verify/resend", url.Values{"back": {"//evil.example"}})
	require.Equal(t, "/app", p.Location())
}
