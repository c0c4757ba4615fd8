package web_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestTheSalonsEmailAndSMSSenderNameAreSetInTheSettings(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Expéditeur")
	owner := env.Login(s.OwnerEmail)

	bad := salonSettingsForm("Institut Expéditeur")
	bad.Set("email", "contact@")
	bad.Set("sms_sender", "Institut Léa Beauté")
	p := owner.Post("/app/settings", bad)
	require.Equal(t, 422, p.Status)
	require.NotEmpty(t, p.FieldError("email"))
	require.Contains(t, p.FieldError("sms_sender"), "11 lettres")
	require.Equal(t, "Institut Léa Beauté", p.Value("#sms_sender"), "what was typed comes back")
	require.Equal(t, "contact@", p.Value("#email"))

	good := salonSettingsForm("Institut Expéditeur")
	good.Set("email", " Contact@Institut.test ")
	good.Set("sms_sender", "InstitutLea")
	p = owner.Post("/app/settings", good)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	page := owner.Get("/app/settings")
	require.Equal(t, "contact@institut.test", page.Value("#email"))
	require.Equal(t, "InstitutLea", page.Value("#sms_sender"))
	require.Equal(t, "11", page.Doc.Find("#sms_sender").AttrOr("maxlength", ""))
	set, err := env.Srv.Salons.Settings(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, "InstitutLea", set.SMSSender)
}
