package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestStaffMemberIsCreatedWithServicesAndHours(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Équipe")
	owner := env.Login(s.OwnerEmail)
	facial, err := env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{Name: "Soin visage", Duration: 60 * time.Minute, PriceCents: 5000})
	require.NoError(t, err)
	nails, err := env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{Name: "Manucure", Duration: 30 * time.Minute, PriceCents: 2500})
	require.NoError(t, err)

	form := owner.Get("/app/staff/new")
	require.Equal(t, 200, form.Status)
	require.Equal(t, 12, form.Doc.Find("input[type=radio][name=color]").Length())
	require.Equal(t, "1", form.Doc.Find("input[name=color][checked]").AttrOr("value", ""), "the first free colour is proposed")
	require.Equal(t, "day1", form.Doc.Find(".week input").First().AttrOr("name", ""), "the week starts on Monday")
	require.Contains(t, form.Text(".week label"), "Lundi")
	require.Equal(t, 0, form.Doc.Find("#active").Length(), "a new member is active")

	p := owner.Post("/app/staff", url.Values{"name": {"Léa"}, "color": {"5"}, "user_id": {s.OwnerID.String()},
		"services": {facial.String()}, "day1": {"09:00-12:30, 13:30-19:00"}, "day6": {"9h-17h"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	list := owner.Follow(p)
	require.Contains(t, list.Text(".alert.ok"), "ajouté")
	members, err := env.Srv.Team.Members(t.Context(), s.ID)
	require.NoError(t, err)
	require.Len(t, members, 1)
	lea := members[0]
	row := "#staff-" + lea.ID.String()
	require.Contains(t, list.Text(row), "Léa")
	require.Contains(t, list.Text(row), s.OwnerEmail)
	require.Contains(t, list.Text(row+" .services-count"), "1 prestation")
	require.Contains(t, list.Text(row), "lun., sam.", "French writes day abbreviations in lower case, with a point")
	require.Equal(t, 1, list.Doc.Find(row+" .swatch-5").Length())

	edit := owner.Get("/app/staff/" + lea.ID.String())
	require.Equal(t, 200, edit.Status)
	require.Equal(t, "09:00-12:30, 13:30-19:00", edit.Value("#day1"))
	require.Equal(t, "09:00-17:00", edit.Value("#day6"))
	require.Empty(t, edit.Value("#day0"))
	require.Equal(t, "5", edit.Doc.Find("input[name=color][checked]").AttrOr("value", ""))
	require.Equal(t, s.OwnerID.String(), edit.Doc.Find("#user_id option[selected]").AttrOr("value", ""))
	require.Equal(t, 1, edit.Doc.Find("input[name=services][value='"+facial.String()+"'][checked]").Length())
	require.Equal(t, 0, edit.Doc.Find("input[name=services][value='"+nails.String()+"'][checked]").Length())
	require.Equal(t, "on", edit.Value("#active[checked]"))

	// A bad day is refused by its own field; everything typed comes back.
	p = owner.Post("/app/staff/"+lea.ID.String(), url.Values{"name": {"Léa M."}, "color": {"7"}, "active": {"on"},
		"services": {facial.String(), nails.String()}, "day1": {"09:00-19:00"}, "day3": {"9h-midi"}, "day5": {"14:00-10:00"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("day3"), "09:00-12:30")
	require.Contains(t, p.FieldError("day5"), "suivre l'heure de début")
	require.Empty(t, p.FieldError("day1"))
	require.Equal(t, "9h-midi", p.Value("#day3"))
	require.Equal(t, "Léa M.", p.Value("#name"))
	require.Equal(t, "7", p.Doc.Find("input[name=color][checked]").AttrOr("value", ""))
	require.Equal(t, 1, p.Doc.Find("input[name=services][value='"+nails.String()+"'][checked]").Length())
	m, err := env.Srv.Team.Member(t.Context(), s.ID, lea.ID)
	require.NoError(t, err)
	require.Equal(t, "Léa", m.Name, "nothing saved")

	// Saved, then taken off the agenda.
	p = owner.Post("/app/staff/"+lea.ID.String(), url.Values{"name": {"Léa M."}, "color": {"7"}, "user_id": {s.OwnerID.String()},
		"services": {facial.String(), nails.String()}, "day2": {"10:00-18:00"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	list = owner.Follow(p)
	require.Contains(t, list.Text(row+" .services-count"), "2 prestation")
	require.Contains(t, list.Text(row), "Inactif")
	m, err = env.Srv.Team.Member(t.Context(), s.ID, lea.ID)
	require.NoError(t, err)
	require.False(t, m.Active)
	require.Empty(t, m.Hours[1], "Monday emptied: a day off")
	require.True(t, m.Does(facial, nails))

	// One login belongs to one staff member.
	p = owner.Post("/app/staff", url.Values{"name": {"Autre"}, "color": {"2"}, "user_id": {s.OwnerID.String()}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("user_id"), "déjà liée")
	require.Equal(t, "Autre", p.Value("#name"))

	p = owner.Post("/app/staff", url.Values{"name": {"Sans couleur"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("color"), "Choisissez")
	require.Equal(t, 404, owner.Get("/app/staff/"+uuid.NewString()).Status)
}

func TestAbsencesAreAddedAndDeleted(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Absences")
	owner := env.Login(s.OwnerEmail)
	id, err := env.Srv.Team.Save(t.Context(), s.ID, uuid.Nil, team.MemberInput{Name: "Inès", Color: 4})
	require.NoError(t, err)
	page := "/app/staff/" + id.String()

	p := owner.Post(page+"/absences", url.Values{"from": {"2099-07-15"}, "to": {"2099-07-01"}, "reason": {"Vacances d'été"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("to"), "suivre la date de début")
	require.Equal(t, "Vacances d'été", p.Value("#reason"))
	require.Equal(t, "Inès", p.Value("#name"), "the staff form stays as saved")
	p = owner.Post(page+"/absences", url.Values{"from": {"bientôt"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("from"), "date")

	p = owner.Post(page+"/absences", url.Values{"from": {"2099-07-01"}, "to": {"2099-07-15"}, "reason": {"Vacances d'été"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, page+"#absences", p.Location())
	edit := owner.Follow(p)
	require.Contains(t, edit.Text(".alert.ok"), "Absence ajoutée")
	require.Contains(t, edit.Text("#absences"), "Du 1 juillet 2099 au 15 juillet 2099")
	require.Contains(t, edit.Text("#absences"), "Vacances d'été")

	abs, err := env.Srv.Team.Absences(t.Context(), s.ID, sinceAlways)
	require.NoError(t, err)
	require.Len(t, abs, 1)
	p = owner.Post("/app/absences/"+abs[0].ID.String()+"/delete", url.Values{"staff_id": {id.String()}})
	require.Equal(t, 303, p.Status)
	edit = owner.Follow(p)
	require.Contains(t, edit.Text(".alert.ok"), "Absence supprimée")
	require.NotContains(t, edit.Text("#absences"), "Vacances")
	require.Equal(t, 404, owner.Post("/app/absences/"+abs[0].ID.String()+"/delete", nil).Status)
}
