package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func signupForm(slug, email string) url.Values {
	return url.Values{"salon_name": {"Institut Léa"}, "slug": {slug}, "owner_name": {"Léa Dupont"},
		"email": {email}, "password": {"un-mot-de-passe-solide"}}
}

func TestSignupCreatesSalonAndOwnerAndLandsOnChecklist(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	c := env.NewClient()
	slug := "lea-" + strings.ToLower(c.IP[3:6])
	slug = strings.ReplaceAll(slug, ".", "x")

	p := c.Post("/signup", signupForm(slug, slug+"@example.com"))
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, "/app", p.Location())

	home := c.Follow(p)
	require.Equal(t, 200, home.Status)
	require.Contains(t, home.Text("h1"), "Institut Léa")
	require.Contains(t, home.Text(".alert.ok"), "Votre salon est créé")
	require.Equal(t, 5, home.Doc.Find(".checklist li").Length(), "no Stripe step on an installation without Stripe; the last step is online booking open")
	require.Equal(t, 1, home.Doc.Find(".checklist li.done").Length(), "only 'create the salon' is done")
	require.Contains(t, home.Text("#step-services"), "Commencer")

	sal, err := env.Srv.Salons.Get(context.Background(), mustSalonID(t, env, slug))
	require.NoError(t, err)
	require.Equal(t, "Europe/Paris", sal.TimeZone)
	require.Equal(t, "EUR", sal.Currency)
}

func TestSignupRefusalsKeepTheFormAndCreateNothing(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	taken := env.NewSalon("Déjà là")

	cases := []struct {
		name, field, want string
		change            func(url.Values)
	}{
		{"taken slug", "slug", "déjà prise", func(v url.Values) { v.Set("slug", taken.Slug) }},
		{"reserved slug", "slug", "réservée", func(v url.Values) { v.Set("slug", "admin") }},
		{"malformed slug", "slug", "minuscules", func(v url.Values) { v.Set("slug", "Mon Salon!") }},
		{"bad email", "email", "n'est pas valide", func(v url.Values) { v.Set("email", "lea@") }},
		{"taken email", "email", "existe déjà", func(v url.Values) { v.Set("email", taken.OwnerEmail) }},
		{"short password", "password", "10 caractères", func(v url.Values) { v.Set("password", "court") }},
		{"common password", "password", "trop courant", func(v url.Values) { v.Set("password", "motdepasse123") }},
		{"missing salon name", "salon_name", "obligatoire", func(v url.Values) { v.Set("salon_name", "  ") }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := env.NewClient()
			slug := "refused-" + strings.ReplaceAll(c.IP, ".", "")
			form := signupForm(slug, slug+"@example.com")
			tc.change(form)

			p := c.Post("/signup", form)
			require.Equal(t, 422, p.Status)
			require.Contains(t, p.FieldError(tc.field), tc.want)
			require.Equal(t, "true", p.Doc.Find("#"+tc.field).AttrOr("aria-invalid", ""))
			for _, f := range []string{"salon_name", "slug", "owner_name", "email"} {
				require.Equal(t, form.Get(f), p.Value("#"+f), "field %s must come back as typed", f)
			}
			require.Empty(t, c.Cookie("carnet_session"), "no one is logged in")
			takenSlug, err := env.Srv.Salons.SlugTaken(context.Background(), form.Get("slug"))
			require.NoError(t, err)
			if tc.name != "taken slug" {
				require.False(t, takenSlug, "nothing is created")
			}
		})
	}
}

func TestSignupSlugIsCheckedAsTheOwnerTypes(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	taken := env.NewSalon("Pris")
	c := env.NewClient()
	c.Header.Set("HX-Request", "true")

	p := c.Post("/signup/slug", url.Values{"slug": {taken.Slug}})
	require.Equal(t, 200, p.Status)
	require.Contains(t, p.Text("#slug-msg"), "déjà prise")
	require.NotContains(t, p.Body, "<html", "htmx gets the message alone")

	p = c.Post("/signup/slug", url.Values{"slug": {"un-nom-libre-" + strings.ReplaceAll(c.IP, ".", "")}})
	require.Contains(t, p.Text("#slug-msg"), "libre")
}

func mustSalonID(t *testing.T, env *testkit.Env, slug string) [16]byte {
	t.Helper()
	var id [16]byte
	require.NoError(t, env.Srv.DB.Unscoped(context.Background(), func(tx storeTx) error {
		row, err := tx.TenantGetBySlug(context.Background(), slug)
		id = row.ID
		return err
	}))
	return id
}
