package web_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// A sheet whose date cannot be read is refused with the sheet's own problems
// beside their fields, and comes back as typed.
func TestASheetWithAnUnreadableDateComesBackAsTypedWithEveryProblem(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Fiches illisibles")
	owner := env.Login(s.OwnerEmail)
	path := owner.Post("/app/clients", fullClient("Brun")).Location()

	p := owner.Post(path+"/sheets", url.Values{"date": {"10/01/2026"}, "appointment_id": {""}})
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Indiquez une date.", p.FieldError("date"))
	require.Equal(t, "Remplissez au moins un champ.", p.FieldError("products"))
	require.Equal(t, "10/01/2026", p.Value("#date"))

	p = owner.Post(path+"/sheets", url.Values{"date": {"2026-01-10"}, "appointment_id": {"une-visite"}, "title": {"Couleur"}})
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Couleur", p.Value("#title"))
	require.Empty(t, p.FieldError("date"))
}
