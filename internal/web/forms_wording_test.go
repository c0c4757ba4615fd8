package web_test

import (
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestTimeZonesAreNamedByTheirPlace(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Fuseaux")
	owner := env.Login(s.OwnerEmail)

	page := owner.Get("/app/settings")
	require.Equal(t, 200, page.Status)
	require.Equal(t, "France métropolitaine (Paris)", page.Text("#time_zone option[value='Europe/Paris']"))
	require.Equal(t, "Belgique (Bruxelles)", page.Text("#time_zone option[value='Europe/Brussels']"))
	require.Equal(t, "La Réunion", page.Text("#time_zone option[value='Indian/Reunion']"))
	page.Doc.Find("#time_zone option").Each(func(_ int, o *goquery.Selection) {
		require.NotContains(t, o.Text(), "/", "no IANA name shown: %s", o.Text())
	})
}
