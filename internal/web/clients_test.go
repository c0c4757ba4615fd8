package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func fullClient(last string) url.Values {
	return url.Values{"first_name": {"Léa"}, "last_name": {last}, "email": {strings.ToLower(last) + "@example.com"},
		"phone": {"06 12 34 56 78"}, "gender": {"female"}, "birth_date": {"1990-04-12"}, "address": {"12 rue des Lilas"},
		"postal_code": {"75011"}, "city": {"Paris"}, "note": {"Préfère le matin.\nAllergique au latex."},
		"email_transactional": {"1"}, "sms_transactional": {"1"}, "email_marketing": {"1"}, "payment_mode": {"card_imprint"}}
}

func TestEveryFieldOfTheRecordIsSavedAndShown(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Fiches")
	owner := env.Login(s.OwnerEmail)
	cats, err := env.Srv.Customers.Categories(context.Background(), s.ID)
	require.NoError(t, err)
	require.Len(t, cats, 4, "ordinary, VIP, problematic, employee")

	form := fullClient("Martin")
	form.Set("category_id", cats[1].ID.String())
	p := owner.Post("/app/clients", form)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	rec := owner.Follow(p)
	body := rec.Text("main")
	for _, want := range []string{"Léa Martin", "06 12 34 56 78", "martin@example.com", "Femme", "12 avril 1990", "12 rue des Lilas",
		"75011", "Paris", "Allergique au latex", "Empreinte CB", "VIP", "E-mails d'offres"} {
		require.Contains(t, body, want)
	}
	require.Contains(t, rec.Text("dd"), "✗ SMS d'offres", "refused channels say so")

	stored, err := env.Srv.Customers.Get(context.Background(), s.ID, mustUUID(t, strings.TrimPrefix(p.Location(), "/app/clients/")))
	require.NoError(t, err)
	require.Equal(t, "+33612345678", stored.Phone, "E.164 in the database")

	edit := owner.Get(p.Location() + "/edit")
	require.Equal(t, "06 12 34 56 78", edit.Value("#phone"), "shown back in the salon's national format")
	form.Set("city", "Lyon")
	form.Set("sms_marketing", "1")
	require.Equal(t, 303, owner.Post(p.Location(), form).Status)
	after := owner.Get(p.Location()).Text("main")
	require.Contains(t, after, "Lyon")
	require.Contains(t, after, "✓ SMS d'offres")
}

func TestABadRecordComesBackFilledAndADuplicateIsOffered(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Doublons")
	owner := env.Login(s.OwnerEmail)

	bad := fullClient("Durand")
	bad.Set("phone", "12")
	bad.Set("email", "durand@")
	bad.Set("birth_date", "2099-01-01")
	p := owner.Post("/app/clients", bad)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("phone"), "numéro complet")
	require.Contains(t, p.FieldError("email"), "pas valide")
	require.NotEmpty(t, p.FieldError("birth_date"))
	require.Equal(t, "12 rue des Lilas", p.Value("#address"))

	require.Equal(t, 303, owner.Post("/app/clients", fullClient("Durand")).Status)
	again := fullClient("Durand")
	again.Set("first_name", "Lucie")
	p = owner.Post("/app/clients", again)
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text("#duplicates"), "Léa Durand", "the existing record is offered")
	require.Equal(t, "Lucie", p.Value("#first_name"))
	again.Set("force", "1")
	require.Equal(t, 303, owner.Post("/app/clients", again).Status, "the user may still create it")
}

func TestTheBalanceIsALedgerOfEntriesThatNeverChange(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Encours")
	owner := env.Login(s.OwnerEmail)
	p := owner.Post("/app/clients", fullClient("Petit"))
	path := p.Location()

	require.Equal(t, 303, owner.Post(path+"/ledger", url.Values{"amount": {"30"}, "direction": {"debt"}, "note": {"Soin non réglé"}}).Status)
	require.Equal(t, 303, owner.Post(path+"/ledger", url.Values{"amount": {"12,50"}, "direction": {"credit"}, "note": {"Avoir"}}).Status)
	bad := owner.Post(path+"/ledger", url.Values{"amount": {"abc"}, "direction": {"debt"}, "note": {""}})
	require.Equal(t, 422, bad.Status)
	require.NotEmpty(t, bad.FieldError("amount"))
	require.NotEmpty(t, bad.FieldError("note"))

	page := owner.Get(path)
	require.Contains(t, page.Text(".balance"), "-17,50")
	require.Contains(t, page.Text(".ledger"), "Soin non réglé")
	require.Contains(t, page.Text(".ledger"), "+12,50")
	list := owner.Get("/app/clients?owes=1")
	require.Contains(t, list.Text("#client-results"), "Léa Petit", "she owes money")

	// The application role cannot rewrite history, even by hand.
	id := mustUUID(t, strings.TrimPrefix(path, "/app/clients/"))
	err := env.Srv.DB.WithTenant(context.Background(), s.ID, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(context.Background(), "UPDATE customer_ledger SET amount_cents = 0 WHERE customer_id = $1", id)
		return err
	})
	require.ErrorContains(t, err, "permission denied")
	err = env.Srv.DB.WithTenant(context.Background(), s.ID, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(context.Background(), "DELETE FROM customer_ledger WHERE customer_id = $1", id)
		return err
	})
	require.ErrorContains(t, err, "permission denied")
}

func TestTechnicalSheetsAreWrittenEditedPrintedAndDeletedNewestFirst(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Fiches techniques")
	owner := env.Login(s.OwnerEmail)
	path := owner.Post("/app/clients", fullClient("Roux")).Location()

	require.Equal(t, 422, owner.Post(path+"/sheets", url.Values{"date": {"2026-01-10"}}).Status, "an empty sheet is refused")
	require.Equal(t, 303, owner.Post(path+"/sheets", url.Values{"date": {"2026-01-10"}, "title": {"Couleur"}, "products": {"Teinte 6.3"},
		"settings": {"Pose 35 min"}, "reactions": {"Légère rougeur"}}).Status)
	require.Equal(t, 303, owner.Post(path+"/sheets", url.Values{"date": {"2026-03-02"}, "title": {"Soin"}, "products": {"Masque argile"}}).Status)
	page := owner.Get(path)
	sheets := page.Doc.Find("#sheets article")
	require.Equal(t, 2, sheets.Length())
	require.Contains(t, sheets.First().Text(), "Masque argile", "newest first")
	require.Contains(t, sheets.Last().Text(), "Légère rougeur")

	edit, _ := sheets.Last().Find("a").First().Attr("href")
	require.Equal(t, 303, owner.Post(edit, url.Values{"date": {"2026-01-10"}, "title": {"Couleur"}, "products": {"Teinte 6.4"}}).Status)
	print := owner.Get(edit + "/print")
	require.Contains(t, print.Text(".print-sheet"), "Teinte 6.4")
	require.Contains(t, print.Text(".print-sheet"), "Léa Roux")
	require.Equal(t, 303, owner.Post(edit+"/delete", nil).Status)
	require.Equal(t, 1, owner.Get(path).Doc.Find("#sheets article").Length())
}

func TestTheClientListSearchesAsYouTypeFiltersAndSorts(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Liste")
	owner := env.Login(s.OwnerEmail)
	for _, c := range []url.Values{fullClient("Martin"), {"first_name": {"Chloé"}, "last_name": {"Bernard"}, "phone": {"07 11 22 33 44"}},
		{"first_name": {"Jean"}, "last_name": {"Dupont"}, "email": {"jd@example.org"}}} {
		require.Equal(t, 303, owner.Post("/app/clients", c).Status)
	}
	owner.Header.Set("HX-Request", "true")
	frag := owner.Get("/app/clients?q=lea")
	require.NotContains(t, frag.Body, "<html")
	require.Contains(t, frag.Text("#client-results"), "Léa Martin", "accents do not matter")
	require.NotContains(t, frag.Text("#client-results"), "Dupont")
	require.Contains(t, owner.Get("/app/clients?q=0711").Text("#client-results"), "Chloé Bernard", "by phone as typed")
	require.Contains(t, owner.Get("/app/clients?q=jd@ex").Text("#client-results"), "Jean Dupont", "by email")
	owner.Header.Del("HX-Request")
	byName := owner.Get("/app/clients").Doc.Find("#client-results tbody tr")
	require.Equal(t, 3, byName.Length())
	require.Contains(t, byName.First().Text(), "Bernard")
}

func TestCategoriesAreManagedAndComparedByProfitability(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Catégories")
	owner := env.Login(s.OwnerEmail)
	p := owner.Post("/app/clients/categories", url.Values{"name": {"Mariées"}, "payment_mode": {"deposit"}, "discount": {"10"}, "default": {"1"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	page := owner.Follow(p)
	require.Contains(t, page.Text(".timeline"), "Mariées")
	require.Contains(t, page.Text(".timeline"), "Remise 10\u00a0%")
	cats, err := env.Srv.Customers.Categories(context.Background(), s.ID)
	require.NoError(t, err)
	var mariees string
	for _, c := range cats {
		if c.Name == "Mariées" {
			require.True(t, c.Default, "new clients now join it")
			mariees = c.ID.String()
		} else {
			require.False(t, c.Default)
		}
	}
	require.Equal(t, 409, owner.Post("/app/clients/categories/"+mariees+"/delete", nil).Status, "the default category stays")
	require.Equal(t, 422, owner.Post("/app/clients/categories", url.Values{"name": {"Mariées"}}).Status, "names are unique")
	require.Equal(t, 200, owner.Get("/app/clients/report").Status)
}
