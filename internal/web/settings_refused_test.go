package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// A refused settings form comes back with every value as it was typed, the
// problems the edge found (what does not parse) beside those the salon's
// rules found, each next to its field, in the salon's language.
func TestARefusedSettingsFormKeepsEveryValueTyped(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Retour")
	owner := env.Login(s.OwnerEmail)

	bad := salonSettingsForm("Institut Retour Typé")
	bad.Set("cancellation_window_hours", "deux jours") // does not parse
	bad.Set("payment_mode", "deposit")
	bad.Set("deposit_kind", "percent")
	bad.Set("deposit_value", "trente")  // does not parse
	bad.Set("max_horizon_days", "1000") // parses, out of the salon's bounds
	bad.Set("sms_sender", "Institut-Rose!")
	bad.Set("email", "contact@rose.test")
	p := owner.Post("/app/settings", bad)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("cancellation_window_hours"), "nombre entier")
	require.Contains(t, p.FieldError("deposit_value"), "100 %")
	require.Contains(t, p.FieldError("max_horizon_days"), "1 à 730 jours")
	require.Contains(t, p.FieldError("sms_sender"), "11 lettres")
	require.Empty(t, p.FieldError("name"))
	require.Empty(t, p.FieldError("no_show_fee"))

	for id, want := range map[string]string{"name": "Institut Retour Typé", "phone": "+32 2 123 45 67", "email": "contact@rose.test",
		"sms_sender": "Institut-Rose!", "max_horizon_days": "1000", "cancellation_window_hours": "deux jours",
		"no_show_fee": "15", "deposit_value": "trente"} {
		require.Equal(t, want, p.Value("#"+id), id)
	}
	for id, want := range map[string]string{"time_zone": "Europe/Brussels", "currency": "EUR", "locale": "fr", "country": "BE",
		"slot_step": "30", "min_notice": "1440", "payment_mode": "deposit", "deposit_kind": "percent",
		"cancel_refund": "credit", "deposit_name": "arrhes"} {
		require.Equal(t, want, selectedOption(p, id), id)
	}
	require.Equal(t, "12 rue des Lilas\n1000 Bruxelles", p.Text("#address"))
	require.Equal(t, "Merci de prévenir au moins 48 h à l'avance.", p.Text("#policy_text"))
	require.Equal(t, 1, p.Doc.Find("#book_without_payment[checked]").Length())
	sal, err := env.Srv.Salons.Get(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, "Institut Retour", sal.Name, "nothing saved")

	require.Equal(t, 200, owner.Get("/app/settings?lang=en").Status)
	bad.Set("slot_step", "quinze")
	p = owner.Post("/app/settings", bad)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("slot_step"), "Choose an option")
	require.Contains(t, p.FieldError("cancellation_window_hours"), "whole number")
	require.Contains(t, p.FieldError("max_horizon_days"), "730")
	require.Equal(t, "deux jours", p.Value("#cancellation_window_hours"))
}

// A refused closure keeps the dates and the reason as typed, with each
// date's problem beside it; so does a staff member's absence.
func TestARefusedClosureOrAbsenceKeepsWhatWasTyped(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Dates Tapées")
	owner := env.Login(s.OwnerEmail)

	p := owner.Post("/app/closures", url.Values{"from": {"31/12/2099"}, "to": {"2099-13-01"}, "reason": {"Inventaire"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("from"), "Indiquez une date")
	require.Contains(t, p.FieldError("to"), "Indiquez une date")
	require.Equal(t, "31/12/2099", p.Value("#from"))
	require.Equal(t, "2099-13-01", p.Value("#to"))
	require.Equal(t, "Inventaire", p.Value("#reason"))

	require.Equal(t, 200, owner.Get("/app/settings?lang=en").Status)
	p = owner.Post("/app/closures", url.Values{"from": {"2099-08-21"}, "to": {"2099-08-01"}, "reason": {"Inventory"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("to"), "must come after the start date")
	require.Empty(t, p.FieldError("from"))
	require.Equal(t, "2099-08-21", p.Value("#from"))
	require.Equal(t, "2099-08-01", p.Value("#to"))
	require.Equal(t, "Inventory", p.Value("#reason"))
	closures, err := env.Srv.Salons.Closures(t.Context(), s.ID, time.Time{})
	require.NoError(t, err)
	require.Empty(t, closures, "nothing saved")

	require.Equal(t, 303, owner.Post("/app/staff", url.Values{"name": {"Nora"}, "color": {"2"}}).Status)
	members, err := env.Srv.Team.Members(t.Context(), s.ID)
	require.NoError(t, err)
	require.Len(t, members, 1)
	page := "/app/staff/" + members[0].ID.String()
	p = owner.Post(page+"/absences", url.Values{"from": {"demain"}, "reason": {"Formation"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("from"), "Enter a date")
	require.Equal(t, "demain", p.Value("#from"))
	require.Equal(t, "Formation", p.Value("#reason"))
	require.Equal(t, 303, owner.Post(page+"/absences", url.Values{"from": {"2099-03-02"}, "reason": {"Formation"}}).Status,
		"one day: no end date needed")
}
