package portal_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/customer"
)

func TestASignedInClientSeesTheirVisitsAndBalanceNotAnothers(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Miroir", "none")
	ctx := context.Background()
	lea := s.client("Léa", "lea-"+s.salon.Slug+"@example.com", "open")
	zoe := s.client("Zoé", "zoe-"+s.salon.Slug+"@example.com", "open")
	day := s.at("09:00")
	s.visit(lea, day, "10:00")
	zoeVisit := s.visit(zoe, day, "15:00")
	s.visit(lea, day.AddDate(0, 0, -7), "11:00") // a past visit
	require.NoError(t, s.env.Srv.Customers.AddEntry(ctx, s.salon.ID, lea, s.salon.OwnerID, "EUR",
		customer.EntryInput{Cents: 2000, Debt: true, Note: "note interne du salon"}))
	require.NoError(t, s.env.Srv.Customers.AddEntry(ctx, s.salon.ID, zoe, s.salon.OwnerID, "EUR",
		customer.EntryInput{Cents: 9900, Note: "avoir de Zoé"}))

	c := s.env.NewClient()
	home := s.signIn(c, "lea-"+s.salon.Slug+"@example.com")
	upcoming := home.Text(".visit-list")
	require.Contains(t, upcoming, "Soin éclat")
	require.Contains(t, upcoming, "10:00", "the time in the salon's zone")
	require.Contains(t, upcoming, "Nora")
	require.Contains(t, upcoming, "contactez le salon", "a visit the salon booked is changed by calling it")
	require.Zero(t, home.Doc.Find(".visit-list form").Length(), "no manage button for a visit booked by the salon")
	require.NotContains(t, upcoming, "15:00", "not Zoé's visit")
	require.Contains(t, home.Text(".past-visits"), "11:00")

	require.Contains(t, home.Text(".balance"), "Vous devez 20,00")
	require.Contains(t, home.Text(".ledger"), "Ajustement par le salon")
	require.Contains(t, home.Text(".ledger"), "-20,00")
	require.NotContains(t, home.Body, "note interne", "the salon's own notes stay private")
	require.NotContains(t, home.Body, "Zoé")
	require.NotContains(t, home.Body, "99,00")
	require.Contains(t, home.Text(".card"), "Aucune carte enregistrée")
	require.Equal(t, "/b/"+s.salon.Slug, home.Doc.Find("a.btn.block.mt").AttrOr("href", ""), "a link to book again")

	// Zoé's visit is not Léa's to manage.
	p := c.Post(s.portal()+"/visits/"+zoeVisit.String()+"/manage", nil)
	require.Equal(t, 404, p.Status)
	require.NotContains(t, p.Body, "Zoé")

	// Without a session, the portal's actions lead to the sign-in page.
	anon := s.env.NewClient()
	p = anon.Post(s.portal()+"/visits/"+zoeVisit.String()+"/manage", nil)
	require.Equal(t, 303, p.Status)
	require.Equal(t, s.portal(), p.Location())
}

func TestAPortalSessionOfOneSalonSeesNothingOfAnother(t *testing.T) {
	t.Parallel()
	env := stripeEnv(t)
	a := newShop(t, env, "Institut Alpha", "none")
	b := newShop(t, env, "Institut Bêta", "none")
	email := "twice-" + a.salon.Slug + "@example.com" // a client of both salons
	a.client("Léa", email, "open")
	inB := b.client("Léa", email, "open")
	secret := b.visit(inB, b.at("09:00"), "16:45")
	require.NoError(t, env.Srv.Customers.AddEntry(context.Background(), b.salon.ID, inB, b.salon.OwnerID, "EUR",
		customer.EntryInput{Cents: 7700, Debt: true, Note: "x"}))

	c := env.NewClient()
	login := a.signInResponse(c, email)
	ck := sessionCookie(t, login)
	require.Contains(t, c.Follow(login).Text(".portal-head"), "Bonjour Léa")
	csrf := c.CSRF()
	csrfCookie := clientCookie(csrf)
	csrfCookie.Name = "carnet_csrf"

	// A's cookie, aimed at B's pages (a browser would not even send it there).
	code, _, body := raw(t, env, "GET", b.portal(), nil, ck, csrfCookie)
	require.Equal(t, 200, code)
	require.NotContains(t, body, "Bonjour")
	require.NotContains(t, body, "16:45")
	require.NotContains(t, body, "77,00")
	require.Contains(t, body, `name="email"`, "B's sign-in page")
	for _, path := range []string{"/visits/" + secret.String() + "/manage", "/card/remove"} {
		code, loc, body := raw(t, env, "POST", b.portal()+path, url.Values{"_csrf": {csrf}}, ck, csrfCookie)
		require.Equal(t, 303, code, path)
		require.Equal(t, b.portal(), loc, path)
		require.NotContains(t, body, "/m/", path)
	}
	// A's links are unknown on B's address.
	links := a.links(email, 1)
	p := env.NewClient().Post("/b/"+b.salon.Slug+"/account/login/"+lastSegment(links[0]), nil)
	require.Equal(t, 410, p.Status)
	// And A's session still works on A.
	code, _, body = raw(t, env, "GET", a.portal(), nil, ck)
	require.Equal(t, 200, code)
	require.Contains(t, body, "Bonjour Léa")
}

func TestABlockedClientCannotSignInEvenWithAnEarlierLink(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Rigueur", "none")
	email := "blocked-" + s.salon.Slug + "@example.com"
	id := s.client("Berthe", email, "open")

	signedIn := s.env.NewClient()
	s.signIn(signedIn, email)
	c := s.env.NewClient()
	require.Equal(t, 303, s.askLink(c, email).Status)
	earlier := s.links(email, 2)[1] // asked, never used

	owner := s.env.Login(s.salon.OwnerEmail)
	p := owner.Post("/app/clients/"+id.String()+"/portal", url.Values{"access": {"blocked"}})
	require.Equal(t, 303, p.Status)
	require.Equal(t, "/app/clients/"+id.String(), p.Location())
	require.Contains(t, owner.Follow(p).Text(".alert.ok"), "bloqué")

	p = c.Post(earlier, nil)
	require.Equal(t, 403, p.Status)
	require.Contains(t, p.Text(".status-banner"), "Votre accès a été bloqué par le salon : contactez-le")
	require.False(t, setsSession(p))

	// A session opened before is over at the next request.
	p = signedIn.Get(s.portal())
	require.Equal(t, 403, p.Status)
	require.Contains(t, p.Text(".status-banner"), "bloqué par le salon")
	require.NotContains(t, p.Body, "Bonjour Berthe")

	// Asking again: the same answer as anyone, and nothing is sent.
	p = s.askLink(s.env.NewClient(), email)
	require.Equal(t, 303, p.Status)
	require.Equal(t, s.portal()+"?sent=1", p.Location())
	require.Equal(t, 2, s.outbox("portal_login", email))
	// A link would be sent by a job of the salon's: wait for them all.
	s.env.WaitJobs(s.salon.ID.String(), email)
	require.Len(t, s.links(email, 2), 2)
}

func lastSegment(path string) string {
	u, _ := url.Parse(path)
	p := u.Path
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}
