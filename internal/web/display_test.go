package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// categoryID finds one of the salon's client categories by name.
func categoryID(t *testing.T, env *testkit.Env, salonID uuid.UUID, name string) uuid.UUID {
	t.Helper()
	cats, err := env.Srv.Customers.Categories(context.Background(), salonID)
	require.NoError(t, err)
	for _, c := range cats {
		if c.Name == name {
			return c.ID
		}
	}
	t.Fatalf("no category %q", name)
	return uuid.Nil
}

func (f agendaFixture) client(t *testing.T, first, last, category string) uuid.UUID {
	t.Helper()
	in := customer.RecordInput{FirstName: first, LastName: last, Region: "FR", Force: true}
	if category != "" {
		in.CategoryID = new(categoryID(t, f.env, f.salon.ID, category))
	}
	id, err := f.env.Srv.Customers.Create(context.Background(), f.salon.ID, in)
	require.NoError(t, err)
	return id
}

// bookFor books the fixture's 42 € manicure for an existing client from the
// agenda form and returns the day page the form leads back to.
func (f agendaFixture) bookFor(t *testing.T, client uuid.UUID, at string) *testkit.Page {
	t.Helper()
	p := f.owner.Post("/app/appointments", url.Values{"staff_id": {f.staff}, "date": {"2030-09-10"}, "time": {at},
		"services": {f.service}, "customer_id": {client.String()}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	return f.owner.Follow(p)
}

// card is the agenda block of the client's visit.
func card(day *testkit.Page, name string) *goquery.Selection {
	return day.Doc.Find(".agenda-grid .appt").FilterFunction(func(_ int, s *goquery.Selection) bool {
		return strings.Contains(s.Text(), name)
	})
}

// An employee booked by staff pays what she pays online: the category's 20 %
// comes off the 42 € manicure, and the card and the panel say so.
func TestAnEmployeeBookedFromTheAgendaGetsHerCategoryPrice(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	emma := f.client(t, "Emma", "Salariée", "Employé")
	lea := f.client(t, "Léa", "Ordinaire", "")

	f.bookFor(t, emma, "10:00")
	day := f.bookFor(t, lea, "14:00")

	emmaCard := card(day, "Emma Salariée")
	require.Equal(t, 1, emmaCard.Length())
	require.Contains(t, emmaCard.Find(".price").Text(), "33,60", "42 € less 20 %")
	require.Contains(t, card(day, "Léa Ordinaire").Find(".price").Text(), "42,00", "no category discount")

	panel := f.owner.Get(emmaCard.AttrOr("href", ""))
	require.Equal(t, 200, panel.Status)
	facts := panel.Text("#appointment-panel dl.facts")
	require.Contains(t, facts, "33,60")
	require.NotContains(t, facts, "42,00")
	require.Contains(t, panel.Text("#appointment-panel .badge.discount"), "−20\u00a0%")

	sal, err := f.env.Srv.Salons.Get(context.Background(), f.salon.ID)
	require.NoError(t, err)
	id := uuid.MustParse(strings.TrimPrefix(emmaCard.AttrOr("href", ""), "/app/appointments/"))
	a, err := f.env.Srv.Agenda.Get(context.Background(), sal, id)
	require.NoError(t, err)
	require.Equal(t, int64(3360), a.PriceCents(), "the price kept with the visit")

	// Moved to another time, the visit keeps her price.
	p := f.owner.Post("/app/appointments/"+id.String(), url.Values{"staff_id": {f.staff}, "date": {"2030-09-11"}, "time": {"11:00"},
		"services": {f.service}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	a, err = f.env.Srv.Agenda.Get(context.Background(), sal, id)
	require.NoError(t, err)
	require.Equal(t, int64(3360), a.PriceCents())
}

// What a client owes shows beside their name on the agenda's card and on the
// appointment's panel; a client in credit or even shows nothing of the sort.
func TestWhatAClientOwesShowsOnTheCardAndThePanel(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	ctx := context.Background()
	ines := f.client(t, "Inès", "Débitrice", "")
	lea := f.client(t, "Léa", "Créditrice", "")
	require.NoError(t, f.env.Srv.Customers.AddEntry(ctx, f.salon.ID, ines, f.salon.OwnerID, "EUR",
		customer.EntryInput{Cents: 2500, Debt: true, Note: "Frais de lapin"}))
	require.NoError(t, f.env.Srv.Customers.AddEntry(ctx, f.salon.ID, lea, f.salon.OwnerID, "EUR",
		customer.EntryInput{Cents: 1000, Note: "Avoir"}))
	f.bookFor(t, ines, "10:00")
	day := f.bookFor(t, lea, "14:00")

	owing := card(day, "Inès Débitrice")
	require.Contains(t, owing.Find(".who").Text(), "Doit 25,00", "beside her name on the card")
	require.Equal(t, 0, card(day, "Léa Créditrice").Find(".owes").Length())

	panel := f.owner.Get(owing.AttrOr("href", ""))
	require.Contains(t, panel.Text("#appointment-panel h2"), "Inès Débitrice")
	require.Contains(t, panel.Text("#appointment-panel h2 .owes"), "Doit 25,00")
	other := f.owner.Get(card(day, "Léa Créditrice").AttrOr("href", ""))
	require.Equal(t, 0, other.Doc.Find("#appointment-panel .owes").Length())
}

// Deleting a category moves its clients to the default one, and the page
// says so before the owner deletes.
func TestDeletingAClientCategoryMovesItsClientsToTheDefaultOne(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	ctx := context.Background()
	p := f.owner.Post("/app/clients/categories", url.Values{"name": {"Fidèles"}, "discount": {"10"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	a := f.client(t, "Anne", "Fidèle", "Fidèles")
	b := f.client(t, "Bea", "Fidèle", "Fidèles")
	vip := f.client(t, "Vera", "Vip", "VIP")
	fideles := categoryID(t, f.env, f.salon.ID, "Fidèles")

	page := f.owner.Get("/app/clients/categories")
	item := page.Doc.Find("#category-" + fideles.String())
	require.Contains(t, item.Find("form.category-delete").Text(), "ses clients (2) passeront dans la catégorie « Ordinaire »")
	require.Contains(t, item.Find("form.category-delete").AttrOr("hx-confirm", ""), "passeront dans la catégorie « Ordinaire »")

	p = f.owner.Post("/app/clients/categories/"+fideles.String()+"/delete", nil)
	require.Equal(t, 303, p.Status)
	require.Contains(t, f.owner.Follow(p).Text(".alert.ok"), "catégorie par défaut")

	ordinary := categoryID(t, f.env, f.salon.ID, "Ordinaire")
	for _, id := range []uuid.UUID{a, b} {
		rec, err := f.env.Srv.Customers.Get(ctx, f.salon.ID, id)
		require.NoError(t, err)
		require.NotNil(t, rec.CategoryID, "not left without a category")
		require.Equal(t, ordinary, *rec.CategoryID)
	}
	rec, err := f.env.Srv.Customers.Get(ctx, f.salon.ID, vip)
	require.NoError(t, err)
	require.Equal(t, categoryID(t, f.env, f.salon.ID, "VIP"), *rec.CategoryID, "other categories' clients stay")
	require.Contains(t, f.owner.Get("/app/clients/"+a.String()).Text(".page-head .badge.plum"), "Ordinaire")
}

// The week without a staff member is the whole team's: a header per day,
// Monday first, and a lane per staff member under each.
func TestTheWeekShowsTheWholeTeamMondayToSunday(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	ctx := context.Background()
	_, err := f.env.Srv.Team.Save(ctx, f.salon.ID, uuid.Nil, team.MemberInput{Name: "Yasmine", Color: 6})
	require.NoError(t, err)
	f.bookFor(t, f.client(t, "Inès", "Mardi", ""), "10:00") // Tuesday 10 September 2030

	week := f.owner.Get("/app/agenda/week?date=2030-09-12")
	require.Equal(t, 200, week.Status)
	var days []string
	week.Doc.Find(".agenda-grid .day-head").Each(func(_ int, s *goquery.Selection) { days = append(days, strings.Join(strings.Fields(s.Text()), " ")) })
	require.Equal(t, []string{"lundi 9 sept.", "mardi 10 sept.", "mercredi 11 sept.", "jeudi 12 sept.", "vendredi 13 sept.", "samedi 14 sept.", "dimanche 15 sept."}, days)
	require.Equal(t, 14, week.Doc.Find(".agenda-grid .staff-head").Length(), "Nora and Yasmine, every day")
	require.Contains(t, week.Text(".team-legend"), "Yasmine")
	require.Contains(t, week.Text(".agenda-grid .appt"), "Inès Mardi")
	require.Equal(t, "", week.Doc.Find("#week-staff option[selected]").AttrOr("value", "x"), "the picker says the whole team")
	require.Equal(t, "/app/agenda/week?date=2030-09-12", week.Doc.Find(`.seg a[aria-current="page"]`).AttrOr("href", ""))

	one := f.owner.Get("/app/agenda/week?staff=" + f.staff + "&date=2030-09-12")
	require.Equal(t, 200, one.Status)
	require.Equal(t, 7, one.Doc.Find(".agenda-grid .col-head").Length(), "one staff member's week: a column a day")
	require.Equal(t, 404, f.owner.Get("/app/agenda/week?staff=nobody").Status)
}
