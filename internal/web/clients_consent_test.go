package web_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// Consent to offers is given, never assumed (CNIL): the new client form
// starts with messages about visits on and offers off.
func TestOffersAreNeverPreTickedOnANewClient(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Consentement")
	p := env.Login(s.OwnerEmail).Get("/app/clients/new")
	require.Equal(t, 200, p.Status)
	checked := func(name string) bool { _, on := p.Doc.Find(`input[name="` + name + `"]`).Attr("checked"); return on }
	require.Equal(t, 1, p.Doc.Find(`input[name="email_marketing"]`).Length())
	require.False(t, checked("email_marketing"))
	require.False(t, checked("sms_marketing"))
	require.True(t, checked("email_transactional"))
	require.True(t, checked("sms_transactional"))
}
