package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// The opening hours form refused for one bad day keeps every day as typed,
// "fermé" included, and the hours saved before stay as they were.
func TestARefusedOpeningHoursFormKeepsEveryDayAsTyped(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Horaires")
	owner := env.Login(s.OwnerEmail)
	saved := availability.Week{time.Tuesday: {availability.Hours(9, 19)}}
	require.NoError(t, env.Srv.Salons.SetHours(t.Context(), s.ID, saved))
	typed := url.Values{"day0": {"fermé"}, "day1": {"9h-12h30, 13h30-19h"}, "day2": {"19:00-09:00"}, "day3": {"toute la journée"},
		"day4": {"09:00-12:00, 11:00-13:00"}, "day5": {""}, "day6": {"9-17"}}

	p := owner.Post("/app/settings/hours", typed)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("day2"), "suivre l'heure de début")
	require.Contains(t, p.FieldError("day3"), "09:00-12:30")
	require.Contains(t, p.FieldError("day4"), "chevauchent")
	for _, ok := range []string{"day0", "day1", "day5", "day6"} {
		require.Empty(t, p.FieldError(ok), ok)
	}
	for day, text := range typed {
		require.Equal(t, text[0], p.Value("#"+day), day)
	}
	week, err := env.Srv.Salons.Hours(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, saved, week, "nothing saved")

	require.Equal(t, 200, owner.Get("/app/settings?lang=en").Status)
	p = owner.Post("/app/settings/hours", typed)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("day2"), "The end time must come after the start time")
	require.Contains(t, p.FieldError("day3"), "Write hours like this")
	require.Contains(t, p.FieldError("day4"), "Two time ranges overlap")
	require.Equal(t, "9h-12h30, 13h30-19h", p.Value("#day1"))
}
