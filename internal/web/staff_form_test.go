package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// A staff form refused for problems found reading it (a day that is not
// hours) and by the team's rules (no name, ranges that overlap) shows every
// message at once, and everything typed comes back: nothing is lost, nothing
// is saved.
func TestARefusedStaffFormKeepsEverythingTypedBesideEachMessage(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Semaine")
	owner := env.Login(s.OwnerEmail)
	facial, err := env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{Name: "Soin visage", Duration: time.Hour, PriceCents: 5000})
	require.NoError(t, err)
	nails, err := env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{Name: "Manucure", Duration: 30 * time.Minute, PriceCents: 2500})
	require.NoError(t, err)
	typed := url.Values{"name": {" "}, "color": {"5"}, "user_id": {s.OwnerID.String()}, "services": {facial.String(), nails.String()},
		"day1": {"9h-12h, 11h-14h"}, "day3": {"le matin"}, "day5": {"10:00-18:00"}}

	p := owner.Post("/app/staff", typed)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("name"), "obligatoire")
	require.Contains(t, p.FieldError("day1"), "chevauchent")
	require.Contains(t, p.FieldError("day3"), "09:00-12:30")
	require.Empty(t, p.FieldError("day5"))
	require.Empty(t, p.FieldError("color"))
	require.Equal(t, "9h-12h, 11h-14h", p.Value("#day1"))
	require.Equal(t, "le matin", p.Value("#day3"))
	require.Equal(t, "10:00-18:00", p.Value("#day5"))
	require.Equal(t, "5", p.Doc.Find("input[name=color][checked]").AttrOr("value", ""))
	require.Equal(t, s.OwnerID.String(), p.Doc.Find("#user_id option[selected]").AttrOr("value", ""))
	require.Equal(t, 2, p.Doc.Find("input[name=services][checked]").Length())
	members, err := env.Srv.Team.Members(t.Context(), s.ID)
	require.NoError(t, err)
	require.Empty(t, members, "nothing saved")

	require.Equal(t, 200, owner.Get("/app/staff/new?lang=en").Status)
	p = owner.Post("/app/staff", typed)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("name"), "required")
	require.Contains(t, p.FieldError("day1"), "Two time ranges overlap")
	require.Contains(t, p.FieldError("day3"), "Write hours like this")
	require.Equal(t, "le matin", p.Value("#day3"))
}

// Another salon's service or login is refused by the team beside its picker,
// through the area's own field names.
func TestAnotherSalonsServiceOrLoginIsRefusedBesideItsPicker(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a, b := env.NewSalon("Institut Alpha"), env.NewSalon("Institut Bêta")
	owner := env.Login(a.OwnerEmail)
	theirs, err := env.Srv.Catalog.CreateService(t.Context(), b.ID, catalog.ServiceInput{Name: "Soin Bêta", Duration: time.Hour, PriceCents: 5000})
	require.NoError(t, err)

	p := owner.Post("/app/staff", url.Values{"name": {"Léa"}, "color": {"2"}, "services": {theirs.String()}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("services"), "Choisissez")
	require.Equal(t, "Léa", p.Value("#name"))

	p = owner.Post("/app/staff", url.Values{"name": {"Léa"}, "color": {"2"}, "user_id": {b.OwnerID.String()}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("user_id"), "Choisissez")

	p = owner.Post("/app/staff", url.Values{"name": {"Léa"}, "color": {"2"}, "user_id": {"quelqu'un"}, "services": {uuid.NewString()[:8]}})
	require.Equal(t, 422, p.Status, "ids that do not read are refused at the edge")
	require.Contains(t, p.FieldError("user_id"), "Choisissez")
	require.Contains(t, p.FieldError("services"), "Choisissez")
	members, err := env.Srv.Team.Members(t.Context(), a.ID)
	require.NoError(t, err)
	require.Empty(t, members)
}
