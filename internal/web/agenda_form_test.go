package web_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// What the form cannot read (a date, a time, a staff member) is shown beside
// its field together with what the agenda refuses on its own, in one answer.
func TestTheAppointmentFormShowsWhatItCannotReadWithTheAgendasOwnProblems(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	form := f.form("2030-09-31", "10:00", "")
	form.Set("staff_id", "quelqu'un")
	form.Del("services")
	form.Del("customer_first_name")
	p := f.owner.Post("/app/appointments", form)
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Indiquez une date.", p.FieldError("date"))
	require.Equal(t, "Choisissez une option.", p.FieldError("staff_id"))
	require.Equal(t, "Choisissez au moins une prestation.", p.FieldError("services"))
	require.Equal(t, "2030-09-31", p.Value("#date"), "the form comes back as typed")
	require.Equal(t, "10:00", p.Value("#time"))
	require.Equal(t, "Allergie au latex", p.Text("#note"))

	form = f.form("2030-09-10", "10h", "Martin")
	p = f.owner.Post("/app/appointments", form)
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Indiquez une heure, par exemple 14:30.", p.FieldError("time"))
	require.Empty(t, p.FieldError("date"))
	require.Equal(t, 1, p.Doc.Find("input[name=services][checked]").Length(), "the chosen service stays ticked")
}

// The client's problems come from the client's own rules, beside the form's
// client fields.
func TestTheAppointmentFormShowsTheClientsProblemsBesideTheClientFields(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	form := f.form("2030-09-10", "10:00", "")
	form.Del("customer_first_name")
	form.Set("customer_phone", "12")
	p := f.owner.Post("/app/appointments", form)
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Indiquez au moins un nom ou un prénom.", p.FieldError("customer_last_name"))
	require.Contains(t, p.FieldError("customer_phone"), "Indiquez un numéro complet")
	require.Equal(t, "12", p.Value("#customer_phone"))
}
