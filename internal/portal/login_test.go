package portal_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestASignInLinkWorksOnceAndOpensTheClientsPage(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Lumière", "none")
	email := "lea-" + s.salon.Slug + "@example.com"
	s.client("Léa", email, "open")

	c := s.env.NewClient()
	form := c.Get(s.portal())
	require.Equal(t, 200, form.Status)
	require.Contains(t, form.Text("h1"), "Mon espace client")
	require.Equal(t, 1, form.Doc.Find("form input[name=email]").Length())

	p := s.askLink(c, email)
	require.Equal(t, 303, p.Status)
	require.Equal(t, s.portal()+"?sent=1", p.Location())
	mail := s.env.Mail.WaitSubject(t, email, "Votre lien de connexion")
	require.Contains(t, mail.Subject, "Institut Lumière")
	u, err := url.Parse(mail.Link(t, "/account/login/"))
	require.NoError(t, err)
	require.Equal(t, 1, s.outbox("portal_login", email), "the link went through the outbox")

	code, _, _ := raw(t, s.env, "HEAD", u.Path, nil)
	require.Equal(t, 200, code, "a link preview (HEAD) does not use the link up")
	in := s.useLink(c, u.Path)
	require.Equal(t, 303, in.Status)
	require.Equal(t, "no-referrer", in.Header.Get("Referrer-Policy"))
	ck := sessionCookie(t, in)
	require.Equal(t, "/b/"+s.salon.Slug+"/", ck.Path, "the session is scoped to this salon's pages")
	require.True(t, ck.HttpOnly)
	require.Equal(t, http.SameSiteLaxMode, ck.SameSite)
	require.False(t, ck.Secure, "Secure only when BASE_URL is https")
	home := c.Follow(in)
	require.Equal(t, 200, home.Status)
	require.Contains(t, home.Text(".portal-head h1"), "Bonjour Léa")
	require.Equal(t, "no-store", home.Header.Get("Cache-Control"))

	again := s.env.NewClient().Post(u.Path, nil)
	require.Equal(t, 410, again.Status, "a link works once")
	require.Contains(t, again.Text(".alert.bad"), "déjà servi")
	require.Equal(t, 1, again.Doc.Find("form input[name=email]").Length(), "with a way to ask for a new one")

	// Signing in again gives a new session id; the old one is gone.
	first := ck.Value
	second := sessionCookie(t, s.signInResponse(c, email))
	require.NotEqual(t, first, second.Value)
	code, _, body := raw(t, s.env, "GET", s.portal(), nil, clientCookie(first))
	require.Equal(t, 200, code)
	require.NotContains(t, body, "Bonjour Léa", "the previous session ended")

	out := c.Post(s.portal()+"/logout", nil)
	require.Equal(t, 303, out.Status)
	after := c.Follow(out)
	require.Contains(t, after.Text(".alert.ok"), "déconnecté")
	require.NotContains(t, after.Body, "Bonjour Léa")
	code, _, body = raw(t, s.env, "GET", s.portal(), nil, clientCookie(second.Value))
	require.Equal(t, 200, code)
	require.NotContains(t, body, "Bonjour Léa", "logging out ends the session in Redis, not only the cookie")
}

func TestASignInLinkExpiresAfterFifteenMinutes(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Horloge", "none")
	email := "late-" + s.salon.Slug + "@example.com"
	s.client("Inès", email, "open")
	c := s.env.NewClient()
	require.Equal(t, 303, s.askLink(c, email).Status)
	link := s.links(email, 1)[0]
	s.env.Clock.Advance(16 * time.Minute)
	p := c.Post(link, nil)
	require.Equal(t, 410, p.Status)
	require.Contains(t, p.Text(".alert.bad"), "expiré")
	require.False(t, setsSession(p))
	require.NotContains(t, p.Body, "Bonjour")

	// A new link, used in time, works.
	home := s.signIn(c, email)
	require.Contains(t, home.Text(".portal-head h1"), "Bonjour Inès")

	// An hour without a request ends the session.
	s.env.Clock.Advance(61 * time.Minute)
	idle := c.Get(s.portal())
	require.Equal(t, 200, idle.Status)
	require.NotContains(t, idle.Body, "Bonjour Inès")
	require.Equal(t, 1, idle.Doc.Find("form input[name=email]").Length())
}

func TestTheAnswerIsTheSameForUnknownBlockedAndOpenEmails(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Discret", "none")
	open := "open-" + s.salon.Slug + "@example.com"
	blocked := "blocked-" + s.salon.Slug + "@example.com"
	unknown := "nobody-" + s.salon.Slug + "@example.com"
	s.client("Olga", open, "open")
	s.client("Berthe", blocked, "blocked")
	s.client("Nina", "never-"+s.salon.Slug+"@example.com", "none")

	c := s.env.NewClient()
	var pages []string
	for _, email := range []string{unknown, blocked, open, "never-" + s.salon.Slug + "@example.com"} {
		p := s.askLink(c, email)
		require.Equal(t, 303, p.Status, email)
		require.Equal(t, s.portal()+"?sent=1", p.Location(), email)
		pages = append(pages, c.Follow(p).Body)
	}
	for _, p := range pages[1:] {
		require.Equal(t, pages[0], p, "the answer never tells who has an account")
	}
	require.Contains(t, pages[0], "Vérifiez votre boîte mail")

	s.env.Mail.WaitSubject(t, open, "lien de connexion")
	// Every request was looked up by a job: wait for all four before
	// checking that only one of them sent anything.
	require.Eventually(t, func() bool {
		var done int
		require.NoError(t, s.env.Srv.DB.WithTenant(context.Background(), s.salon.ID, func(tx store.Tx) error {
			return tx.Raw().QueryRow(context.Background(), `SELECT count(*) FROM river.river_job
				WHERE kind = 'portal_link_request' AND args->>'salon_id' = $1 AND state = 'completed'`, s.salon.ID.String()).Scan(&done)
		}))
		return done == 4
	}, 10*time.Second, 20*time.Millisecond, "the four link requests are handled")
	require.Equal(t, 1, s.outbox("portal_login", open))
	for _, email := range []string{unknown, blocked, "never-" + s.salon.Slug + "@example.com"} {
		require.Zero(t, s.outbox("portal_login", email), email)
		require.Empty(t, s.env.Mail.To(email), email)
	}
}

func TestAskingForLinksIsRateLimitedPerEmail(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Patience", "none")
	email := "spam-" + s.salon.Slug + "@example.com"
	for i := 0; i < 5; i++ {
		require.Equal(t, 303, s.askLink(s.env.NewClient(), email).Status)
	}
	p := s.askLink(s.env.NewClient(), email)
	require.Equal(t, 429, p.Status, "the sixth request within the hour, even from another address")
}

// The link is written in the language of the client's record, whatever
// the language of the page they asked on.
func TestTheLinkIsWrittenInTheClientsLanguage(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Babel", "none")
	email := "en-" + s.salon.Slug + "@example.com"
	id := s.client("Emma", email, "open")
	ctx := context.Background()
	require.NoError(t, s.env.Srv.DB.WithTenant(ctx, s.salon.ID, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(ctx, `UPDATE customers SET lang = 'en' WHERE tenant_id = $1 AND id = $2`, s.salon.ID, id)
		return err
	}))
	c := s.env.NewClient()
	form := c.Get(s.portal() + "?lang=fr")
	require.Contains(t, form.Text("h1"), "Mon espace client")
	require.Equal(t, 303, c.Post(s.portal(), url.Values{"email": {email}}).Status)
	mail := s.env.Mail.WaitSubject(t, email, "Your sign-in link")
	require.Contains(t, mail.Text, "Sign in")

	// A client whose record is in French gets French, even from the English page.
	french := "fr-" + s.salon.Slug + "@example.com"
	s.client("Léa", french, "open")
	c = s.env.NewClient()
	require.Contains(t, c.Get(s.portal()+"?lang=en").Text("h1"), "My client account")
	require.Equal(t, 303, c.Post(s.portal(), url.Values{"email": {french}}).Status)
	require.Contains(t, s.env.Mail.WaitSubject(t, french, "Votre lien de connexion").Text, "Me connecter")
}

func TestAClientWhoRefusedServiceEmailsStillGetsTheLinkTheyAskedFor(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Discret", "none")
	email := "quiet-" + s.salon.Slug + "@example.com"
	id := s.client("Alice", email, "open")
	ctx := context.Background()
	require.NoError(t, s.env.Srv.DB.WithTenant(ctx, s.salon.ID, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(ctx, `UPDATE customers SET email_transactional = false WHERE tenant_id = $1 AND id = $2`, s.salon.ID, id)
		return err
	}))
	home := s.signIn(s.env.NewClient(), email)
	require.Contains(t, home.Text(".portal-head h1"), "Bonjour Alice")
}

func TestAskingForALinkFailsClosedWhenRedisIsDown(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true, Config: func(v map[string]string) {
		v["REDIS_URL"] = "redis://127.0.0.1:1/0" // nothing listens there
	}})
	s := newShop(t, env, "Institut Prudence", "none")
	email := "redis-" + s.salon.Slug + "@example.com"
	s.client("Rita", email, "open")
	c := env.NewClient()
	require.Equal(t, 200, c.Get(s.portal()).Status, "the sign-in page itself needs no Redis")
	p := c.Post(s.portal(), url.Values{"email": {email}})
	require.Equal(t, 503, p.Status, "no count of attempts, no email")
	require.Zero(t, s.outbox("portal_login", email))
}
