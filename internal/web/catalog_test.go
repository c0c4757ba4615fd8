package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// onlyService returns the salon's one service on the menu.
func onlyService(t *testing.T, env *testkit.Env, salonID uuid.UUID) catalog.Service {
	t.Helper()
	services, err := env.Srv.Catalog.Services(t.Context(), salonID)
	require.NoError(t, err)
	require.Len(t, services, 1)
	return services[0]
}

func TestServiceIsCreatedEditedAndArchived(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Prestations")
	owner := env.Login(s.OwnerEmail)
	require.Equal(t, 303, owner.Post("/app/categories", url.Values{"name": {"Visage"}}).Status)
	cats, err := env.Srv.Catalog.Categories(t.Context(), s.ID)
	require.NoError(t, err)

	form := owner.Get("/app/services/new")
	require.Equal(t, 200, form.Status)
	require.Equal(t, "on", form.Value("#online_bookable"), "new services are bookable online unless unticked")
	p := owner.Post("/app/services", url.Values{"category_id": {cats[0].ID.String()}, "name": {"Soin éclat"},
		"description": {"Nettoyage, gommage, masque."}, "duration": {"60"}, "buffer": {"15"}, "price": {"45,50"},
		"online_bookable": {"on"}, "payment_mode": {"deposit"}, "deposit_kind": {"percent"}, "deposit_value": {"30"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	list := owner.Follow(p)
	require.Contains(t, list.Text(".alert.ok"), "Prestation ajoutée")
	svc := onlyService(t, env, s.ID)
	row := "#service-" + svc.ID.String()
	require.Contains(t, list.Text(".services-group h2"), "Visage")
	require.Equal(t, "45,50\u00a0€", list.Text(row+" .price"))
	require.Equal(t, "1 h", list.Text(row+" .duration"))
	require.Contains(t, list.Text(row+" .buffer"), "15 min")
	require.Contains(t, list.Text(row+" .online"), "personne de l'équipe ne la fait", "ticked, but nobody performs it: the badge does not promise online booking")
	require.Contains(t, list.Text(row+" .rule"), "Acompte de 30")

	edit := owner.Get("/app/services/" + svc.ID.String())
	require.Equal(t, 200, edit.Status)
	require.Equal(t, "Soin éclat", edit.Value("#name"))
	require.Equal(t, "45,50", edit.Value("#price"))
	require.Equal(t, "60", edit.Value("#duration"))
	require.Equal(t, "15", edit.Value("#buffer"))
	require.Equal(t, "Nettoyage, gommage, masque.", edit.Text("#description"))
	require.Equal(t, cats[0].ID.String(), edit.Doc.Find("#category_id option[selected]").AttrOr("value", ""))
	require.Equal(t, "deposit", edit.Doc.Find("#payment_mode option[selected]").AttrOr("value", ""))
	require.Equal(t, "30", edit.Value("#deposit_value"))

	p = owner.Post("/app/services/"+svc.ID.String(), url.Values{"category_id": {""}, "name": {"Soin éclat"},
		"duration": {"45"}, "buffer": {""}, "price": {"39"}, "payment_mode": {"default"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	list = owner.Follow(p)
	require.Contains(t, list.Text(".alert.ok"), "Prestation enregistrée")
	require.Equal(t, "39,00\u00a0€", list.Text(row+" .price"))
	require.Equal(t, "45 min", list.Text(row+" .duration"))
	require.Contains(t, list.Text(row), "Au salon seulement", "unticked: no longer bookable online")
	require.Contains(t, list.Text(".services-group h2"), "Sans catégorie")
	saved := onlyService(t, env, s.ID)
	require.Nil(t, saved.Rule, "back to the salon's rule")
	require.False(t, saved.OnlineBookable)

	p = owner.Post("/app/services/"+svc.ID.String()+"/archive", nil)
	require.Equal(t, 303, p.Status)
	list = owner.Follow(p)
	require.Contains(t, list.Text(".alert.ok"), "retirée de la carte")
	require.NotContains(t, list.Body, "Soin éclat")
	require.Equal(t, 404, owner.Get("/app/services/"+svc.ID.String()).Status, "an archived service is no longer edited")
	require.Equal(t, 404, owner.Post("/app/services/"+svc.ID.String()+"/archive", nil).Status)
	require.Equal(t, 404, owner.Get("/app/services/not-a-uuid").Status)
}

func TestRefusedServiceFormComesBackFilledAndSavesNothing(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Refus")
	owner := env.Login(s.OwnerEmail)

	p := owner.Post("/app/services", url.Values{"name": {"Manucure"}, "description": {"Avec vernis"},
		"duration": {"une heure"}, "buffer": {"5"}, "price": {"12,345"}, "payment_mode": {"deposit"},
		"deposit_kind": {"percent"}, "deposit_value": {"150"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("duration"), "nombre entier")
	require.Contains(t, p.FieldError("price"), "montant")
	require.Contains(t, p.FieldError("deposit_value"), "1 à 100")
	require.Empty(t, p.FieldError("name"))
	require.Equal(t, "Manucure", p.Value("#name"))
	require.Equal(t, "une heure", p.Value("#duration"))
	require.Equal(t, "12,345", p.Value("#price"))
	require.Equal(t, "150", p.Value("#deposit_value"))
	require.Equal(t, "Avec vernis", p.Text("#description"))
	require.Empty(t, p.Value("#online_bookable[checked]"), "unticked stays unticked")

	p = owner.Post("/app/services", url.Values{"name": {""}, "duration": {"1000"}, "price": {"-5"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("name"), "obligatoire")
	require.Contains(t, p.FieldError("duration"), "5 à 720 minutes")
	require.Contains(t, p.FieldError("price"), "montant")

	services, err := env.Srv.Catalog.Services(t.Context(), s.ID)
	require.NoError(t, err)
	require.Empty(t, services, "nothing saved")

	id, err := env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{Name: "Pose", Duration: 30 * time.Minute, PriceCents: 2000})
	require.NoError(t, err)
	p = owner.Post("/app/services/"+id.String(), url.Values{"name": {"Pose gel"}, "duration": {"30"}, "price": {"vingt"}})
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Pose gel", p.Value("#name"))
	require.Contains(t, p.FieldError("price"), "montant")
	require.Equal(t, "Pose", onlyService(t, env, s.ID).Name, "the refused edit changed nothing")
}

func TestCategoriesAreCreatedRenamedAndDeleted(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Catégories")
	owner := env.Login(s.OwnerEmail)

	p := owner.Post("/app/categories", url.Values{"name": {"Visage"}})
	require.Equal(t, 303, p.Status)
	require.Contains(t, owner.Follow(p).Text(".alert.ok"), "Catégorie ajoutée")
	p = owner.Post("/app/categories", url.Values{"name": {"Visage"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("name"), "déjà ce nom")
	require.Equal(t, "Visage", p.Value("#name"))

	require.Equal(t, 303, owner.Post("/app/categories", url.Values{"name": {"Ongles"}}).Status)
	cats, err := env.Srv.Catalog.Categories(t.Context(), s.ID)
	require.NoError(t, err)
	require.Len(t, cats, 2)
	nails := cats[1].ID.String()
	require.Equal(t, "Ongles", cats[1].Name)

	p = owner.Post("/app/categories/"+nails, url.Values{"name": {"Mains et pieds"}})
	require.Equal(t, 303, p.Status)
	list := owner.Follow(p)
	require.Contains(t, list.Text(".alert.ok"), "renommée")
	require.Equal(t, "Mains et pieds", list.Value("#category-name-"+nails))

	p = owner.Post("/app/categories/"+nails, url.Values{"name": {"Visage"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("category-name-"+nails), "déjà ce nom")
	require.Equal(t, "Visage", p.Value("#category-name-"+nails), "the refused name comes back as typed")
	require.Equal(t, "Visage", p.Value("#category-name-"+cats[0].ID.String()), "the other category is untouched")

	_, err = env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{CategoryID: new(uuid.MustParse(nails)), Name: "Pédicure",
		Duration: 45 * time.Minute, PriceCents: 3500})
	require.NoError(t, err)
	p = owner.Post("/app/categories/"+nails+"/delete", nil)
	require.Equal(t, 303, p.Status)
	list = owner.Follow(p)
	require.Contains(t, list.Text(".alert.ok"), "supprimée")
	require.Equal(t, 0, list.Doc.Find("#category-"+nails).Length())
	require.Contains(t, list.Text(".services-group"), "Pédicure", "its services stay on the menu")
	require.Contains(t, list.Text(".services-group h2"), "Sans catégorie")
	require.Equal(t, 404, owner.Post("/app/categories/"+nails+"/delete", nil).Status)
}

func TestProductIsCreatedEditedAndArchived(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Boutique")
	owner := env.Login(s.OwnerEmail)

	p := owner.Post("/app/products", url.Values{"name": {"Crème de nuit"}, "sku": {"CN-50"}, "price": {"abc"}, "stock": {"3"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("price"), "montant")
	require.Equal(t, "CN-50", p.Value("#sku"))

	p = owner.Post("/app/products", url.Values{"name": {"Crème de nuit"}, "sku": {"CN-50"}, "price": {"32,90"}, "stock": {"3"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	list := owner.Follow(p)
	require.Contains(t, list.Text(".alert.ok"), "Produit ajouté")
	products, err := env.Srv.Catalog.Products(t.Context(), s.ID)
	require.NoError(t, err)
	require.Len(t, products, 1)
	row := "#product-" + products[0].ID.String()
	require.Contains(t, list.Text(row), "Crème de nuit")
	require.Contains(t, list.Text(row), "CN-50")
	require.Equal(t, "32,90\u00a0€", list.Text(row+" .price"))

	edit := owner.Get("/app/products/" + products[0].ID.String())
	require.Equal(t, "32,90", edit.Value("#price"))
	require.Equal(t, "3", edit.Value("#stock"))
	p = owner.Post("/app/products/"+products[0].ID.String(), url.Values{"name": {"Crème de nuit 50 ml"}, "sku": {"CN-50"},
		"price": {"34"}, "stock": {"12"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	list = owner.Follow(p)
	require.Contains(t, list.Text(row), "Crème de nuit 50 ml")
	require.Equal(t, "34,00\u00a0€", list.Text(row+" .price"))
	require.Contains(t, list.Text(row), "12")

	p = owner.Post("/app/products/"+products[0].ID.String()+"/archive", nil)
	require.Equal(t, 303, p.Status)
	list = owner.Follow(p)
	require.Contains(t, list.Text(".alert.ok"), "retiré de la vente")
	require.NotContains(t, list.Body, "Crème de nuit")
	require.Equal(t, 404, owner.Get("/app/products/"+products[0].ID.String()).Status)
}

func TestStaffRoleSeesTheSetUpButCannotChangeIt(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Institut Lecture")
	owner := env.Login(s.OwnerEmail)
	email := "nina-" + s.Slug + "@example.com"
	owner.Post("/app/team/invitations", url.Values{"email": {email}, "role": {"staff"}})
	link, err := url.Parse(env.Mail.Wait(t, email, 1).Link(t, "/invite/"))
	require.NoError(t, err)
	nina := env.NewClient()
	require.Equal(t, 303, nina.Post(link.Path, url.Values{"name": {"Nina"}, "password": {"le-secret-de-nina"}}).Status)
	id, err := env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{Name: "Épilation jambes", Duration: 30 * time.Minute, PriceCents: 2500})
	require.NoError(t, err)

	list := nina.Get("/app/services")
	require.Equal(t, 200, list.Status)
	require.Contains(t, list.Text(".services-group"), "Épilation jambes")
	require.Equal(t, 0, list.Doc.Find("a[href='/app/services/new']").Length())
	require.Equal(t, 1, nina.Get("/app/settings").Doc.Find("#settings fieldset[disabled]").Length())

	p := nina.Post("/app/services/"+id.String(), url.Values{"name": {"Gratuit"}, "duration": {"30"}, "price": {"0"}})
	require.Equal(t, 403, p.Status)
	require.Equal(t, 403, nina.Post("/app/settings/hours", url.Values{"day1": {"09:00-18:00"}}).Status)
	require.Equal(t, 403, nina.Post("/app/staff", url.Values{"name": {"Nina"}, "color": {"2"}}).Status)
	require.Equal(t, 403, nina.Post("/app/services/"+id.String()+"/move", url.Values{"direction": {"up"}}).Status)
	require.Equal(t, "Épilation jambes", onlyService(t, env, s.ID).Name)
}

func TestTheSalonOrdersItsMenuAndThePublicPageFollows(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Ordre")
	owner := env.Login(s.OwnerEmail)
	for _, name := range []string{"Visage", "Ongles"} {
		require.Equal(t, 303, owner.Post("/app/categories", url.Values{"name": {name}}).Status)
	}
	cats, err := env.Srv.Catalog.Categories(t.Context(), s.ID)
	require.NoError(t, err)
	face, nails := cats[0].ID.String(), cats[1].ID.String()
	ids := map[string]string{}
	var all []uuid.UUID
	for _, name := range []string{"Soin éclat", "Gommage", "Masque"} {
		id, err := env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{CategoryID: new(uuid.MustParse(face)), Name: name, Duration: 30 * time.Minute,
			PriceCents: 2000, OnlineBookable: true, Rule: &payment.Rule{Mode: payment.ModeNone}})
		require.NoError(t, err)
		ids[name] = id.String()
		all = append(all, id)
	}
	nailsID, err := env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{CategoryID: new(uuid.MustParse(nails)), Name: "Manucure", Duration: 30 * time.Minute,
		PriceCents: 2000, OnlineBookable: true, Rule: &payment.Rule{Mode: payment.ModeNone}})
	require.NoError(t, err)
	_, err = env.Srv.Team.Save(t.Context(), s.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 2, Services: append(all, nailsID)})
	require.NoError(t, err)
	names := func(p *testkit.Page, sel string) []string {
		var out []string
		p.Doc.Find(sel).Each(func(_ int, n *goquery.Selection) { out = append(out, strings.TrimSpace(n.Text())) })
		return out
	}

	list := owner.Get("/app/services")
	require.Equal(t, []string{"Soin éclat", "Gommage", "Masque", "Manucure"}, names(list, ".services-group .service-name"))
	require.Equal(t, 1, list.Doc.Find("#service-"+ids["Soin éclat"]+" button[value=up][disabled]").Length(), "the first cannot go up")

	p := owner.Post("/app/services/"+ids["Masque"]+"/move", url.Values{"direction": {"up"}})
	require.Equal(t, 303, p.Status)
	require.Equal(t, "/app/services#service-"+ids["Masque"], p.Location())
	require.Equal(t, 303, owner.Post("/app/services/"+ids["Masque"]+"/move", url.Values{"direction": {"up"}}).Status)
	require.Equal(t, 303, owner.Post("/app/services/"+ids["Masque"]+"/move", url.Values{"direction": {"up"}}).Status, "at the top it stays")
	require.Equal(t, 303, owner.Post("/app/categories/"+nails+"/move", url.Values{"direction": {"up"}}).Status)

	list = owner.Get("/app/services")
	require.Equal(t, []string{"Ongles", "Visage"}, names(list, ".services-group h2"))
	require.Equal(t, []string{"Manucure", "Masque", "Soin éclat", "Gommage"}, names(list, ".services-group .service-name"))
	public := env.NewClient().Get("/b/" + s.Slug)
	require.Equal(t, 200, public.Status)
	text := public.Text("main")
	require.Less(t, strings.Index(text, "Manucure"), strings.Index(text, "Masque"), "Ongles comes first on the public page")
	require.Less(t, strings.Index(text, "Masque"), strings.Index(text, "Soin éclat"))
	require.Less(t, strings.Index(text, "Soin éclat"), strings.Index(text, "Gommage"))
}

func TestRefusedProductShowsTheEdgesAndTheAreasProblemsTogether(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Deux Erreurs")
	owner := env.Login(s.OwnerEmail)
	p := owner.Post("/app/products", url.Values{"name": {"  "}, "sku": {"CN-50"}, "price": {"abc"}, "stock": {"9999999"}})
	require.Equal(t, 422, p.Status)
	require.NotEmpty(t, p.FieldError("name"), "the area's rule, keyed by its own name, lands beside the form's field")
	require.Contains(t, p.FieldError("price"), "montant")
	require.NotEmpty(t, p.FieldError("stock"))
	require.Equal(t, "abc", p.Value("#price"))
	require.Equal(t, "9999999", p.Value("#stock"))
	products, err := env.Srv.Catalog.Products(t.Context(), s.ID)
	require.NoError(t, err)
	require.Empty(t, products)
}

// The area refuses another salon's category under its own field name; the
// form shows the refusal beside the category picker and keeps what was typed.
func TestAServiceInAnotherSalonsCategoryIsRefusedBesideThePicker(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a := env.NewSalon("Salon Alpha Menu")
	b := newVictim(t, env)
	owner := env.Login(a.OwnerEmail)
	p := owner.Post("/app/services", url.Values{"category_id": {b.categoryID}, "name": {"Soin volé"},
		"duration": {"60"}, "price": {"45,50"}, "payment_mode": {"default"}})
	require.Equal(t, 422, p.Status)
	require.NotEmpty(t, p.FieldError("category_id"))
	require.Equal(t, "Soin volé", p.Value("#name"))
	require.Equal(t, "45,50", p.Value("#price"))
	require.NotContains(t, p.Body, "Bêta")
	services, err := env.Srv.Catalog.Services(t.Context(), a.ID)
	require.NoError(t, err)
	require.Empty(t, services)
}
