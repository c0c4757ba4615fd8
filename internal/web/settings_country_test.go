package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// The salon's country, not its time zone, reads the phone numbers typed in
// it: a Belgian salon that keeps Paris time writes its numbers the Belgian
// way, and its clients' « 0470 … » are Belgian mobiles.
func TestTheSalonsCountryReadsItsPhoneNumbers(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Frontière")
	owner := env.Login(s.OwnerEmail)
	require.Equal(t, "FR", selectedOption(owner.Get("/app/settings"), "country"), "a salon starts in France")

	form := salonSettingsForm("Institut Frontière")
	form.Set("time_zone", "Europe/Paris")
	form.Set("phone", "0470 12 34 56")
	p := owner.Post("/app/settings", form)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	page := owner.Follow(p)
	require.Equal(t, "BE", selectedOption(page, "country"))
	require.Equal(t, "Belgique", page.Text("#country option[selected]"))
	require.Equal(t, "0470 12 34 56", page.Value("#phone"), "written the Belgian way, not « 04 70 12 34 56 »")

	client := fullClient("Peeters")
	client.Set("phone", "0470 98 76 54")
	p = owner.Post("/app/clients", client)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	stored, err := env.Srv.Customers.Get(context.Background(), s.ID, mustUUID(t, strings.TrimPrefix(p.Location(), "/app/clients/")))
	require.NoError(t, err)
	require.Equal(t, "+32470987654", stored.Phone)
	require.Contains(t, owner.Follow(p).Text("main"), "0470 98 76 54")
}

func TestASalonCountryIsOneOfThoseOffered(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Nulle Part")
	owner := env.Login(s.OwnerEmail)
	form := salonSettingsForm("Institut Ailleurs")
	form.Set("country", "XX")
	p := owner.Post("/app/settings", form)
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Choisissez une option.", p.FieldError("country"))
	require.Equal(t, "Institut Ailleurs", p.Value("#name"), "the form comes back filled")
	sal, err := env.Srv.Salons.Get(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, "FR", sal.Country, "nothing saved")
}

// The country is chosen at sign-up, France unless said otherwise.
func TestSignupChoosesTheSalonsCountry(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	c := env.NewClient()
	require.Equal(t, "FR", selectedOption(c.Get("/signup"), "country"))

	form := signupForm("institut-geneve", "geneve@example.com")
	form.Set("country", "CH")
	p := c.Post("/signup", form)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	sal, err := env.Srv.Salons.BySlug(t.Context(), "institut-geneve")
	require.NoError(t, err)
	require.Equal(t, "CH", sal.Country)

	bad := signupForm("institut-nulle-part", "nulle@example.com")
	bad.Set("country", "ZZ")
	p = env.NewClient().Post("/signup", bad)
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Choisissez une option.", p.FieldError("country"))
	require.Equal(t, "institut-nulle-part", p.Value("#slug"))
}
