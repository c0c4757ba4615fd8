package web_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// A birth date the form cannot read is refused beside it, with the record's
// own problems, and everything typed comes back, boxes ticked.
func TestAClientWithAnUnreadableBirthDateComesBackAsTypedWithEveryProblem(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Naissances illisibles")
	owner := env.Login(s.OwnerEmail)

	form := fullClient("Durand")
	form.Set("birth_date", "12 avril 90")
	form.Set("first_name", "")
	form.Set("last_name", "")
	form.Set("category_id", "une-categorie")
	p := owner.Post("/app/clients", form)
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Indiquez une date.", p.FieldError("birth_date"))
	require.Equal(t, "Indiquez au moins un nom ou un prénom.", p.FieldError("last_name"))
	require.Equal(t, "12 avril 90", p.Value("#birth_date"))
	require.Equal(t, "durand@example.com", p.Value("#email"))
	require.Equal(t, 1, p.Doc.Find("#email_marketing[checked]").Length(), "the consent stays ticked")

	form.Set("last_name", "Durand")
	form.Set("birth_date", "2190-04-12")
	form.Del("category_id")
	p = owner.Post("/app/clients", form)
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Une date de naissance est passée, et en 1900 ou après.", p.FieldError("birth_date"))
}
