package web_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// The nil UUID is what areas read as "a new one": typed into any URL that
// names a record, it must find nothing rather than create or show anything.
func TestTheNilIDIsNotFoundOnEveryRoute(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a := env.NewSalon("Salon Nul")
	staff := env.Login(a.OwnerEmail)
	param := regexp.MustCompile(`:[a-z_]+`)
	const nilID = "00000000-0000-0000-0000-000000000000"
	tried := 0
	for _, r := range env.Srv.App.GetRoutes(true) {
		if !strings.HasPrefix(r.Path, "/app") || !strings.Contains(r.Path, ":") || (r.Method != "GET" && r.Method != "POST") {
			continue
		}
		path := param.ReplaceAllString(r.Path, nilID)
		var p *testkit.Page
		if r.Method == "GET" {
			p = staff.Get(path)
		} else {
			p = staff.Post(path, map[string][]string{"name": {"Catégorie fantôme"}, "payment_mode": {""}, "discount": {"0"}})
		}
		require.Equalf(t, 404, p.Status, "%s %s", r.Method, path)
		tried++
	}
	require.Greater(t, tried, 20)

	cats, err := env.Srv.Customers.Categories(t.Context(), a.ID)
	require.NoError(t, err)
	for _, c := range cats {
		require.NotEqual(t, "Catégorie fantôme", c.Name, "posting to the nil id created a client category")
	}
}
