package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/views/ui"
)

// salonDay is the salon's date today plus some days, as <input type=date> sends it.
func salonDay(t *testing.T, env *testkit.Env, s testkit.Salon, days int) string {
	t.Helper()
	sal, err := env.Srv.Salons.Get(t.Context(), s.ID)
	require.NoError(t, err)
	return env.Srv.Clock.Now().In(sal.Location()).AddDate(0, 0, days).Format(time.DateOnly)
}

func TestAbsurdAmountsAreRefusedBesideTheirFieldWithTheRealLimit(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Bornes")
	owner := env.Login(s.OwnerEmail)

	p := owner.Post("/app/services", url.Values{"name": {"Soin éclat"}, "duration": {"60"}, "price": {"999 999 999"},
		"online_bookable": {"on"}, "payment_mode": {"default"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("price"), "10 000")
	require.Equal(t, "999 999 999", p.Value("#price"), "what was typed comes back")
	require.Equal(t, "Soin éclat", p.Value("#name"))
	services, err := env.Srv.Catalog.Services(t.Context(), s.ID)
	require.NoError(t, err)
	require.Empty(t, services)
	require.Equal(t, 303, owner.Post("/app/services", url.Values{"name": {"Soin éclat"}, "duration": {"60"}, "price": {"10 000"},
		"payment_mode": {"default"}}).Status, "the limit itself is a price")

	p = owner.Post("/app/services", url.Values{"name": {"Soin"}, "duration": {"900"}, "price": {"45"}, "payment_mode": {"default"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("duration"), "720 minutes")

	p = owner.Post("/app/products", url.Values{"name": {"Crème"}, "price": {"12 000"}, "stock": {"5000000"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("price"), "10 000")
	require.Contains(t, p.FieldError("stock"), "1 000 000")

	path := owner.Post("/app/clients", fullClient("Bornes")).Location()
	p = owner.Post(path+"/ledger", url.Values{"amount": {"99 999 999 999"}, "direction": {"debt"}, "note": {"Erreur de frappe"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("amount"), "50 000")
	rec, err := env.Srv.Customers.Get(t.Context(), s.ID, mustUUID(t, path[len("/app/clients/"):]))
	require.NoError(t, err)
	require.Zero(t, rec.BalanceCents, "nothing was written")

	form := salonSettingsForm("Institut Bornes")
	form.Set("no_show_fee", "99 999")
	form.Set("max_horizon_days", "1000")
	p = owner.Post("/app/settings", form)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("no_show_fee"), "2 000")
	require.Contains(t, p.FieldError("max_horizon_days"), "730 jours")
}

func TestDatesOutsideTheirBoundsAreRefused(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Dates")
	owner := env.Login(s.OwnerEmail)

	for _, birth := range []string{salonDay(t, env, s, 1), "2090-01-01", "1850-06-01"} {
		form := fullClient("Dates")
		form.Set("birth_date", birth)
		p := owner.Post("/app/clients", form)
		require.Equal(t, 422, p.Status, birth)
		require.Contains(t, p.FieldError("birth_date"), "1900", birth)
		require.Equal(t, birth, p.Value("#birth_date"))
	}
	path := owner.Post("/app/clients", fullClient("Dates")).Location()
	require.NotEmpty(t, path)

	p := owner.Post(path+"/sheets", url.Values{"date": {salonDay(t, env, s, 1)}, "products": {"Teinte 6.3"}})
	require.Equal(t, 422, p.Status, "a sheet records a treatment already given")
	require.Contains(t, p.FieldError("date"), "aujourd'hui au plus tard")
	require.Equal(t, "Teinte 6.3", p.Text("#products"))
	require.Equal(t, 303, owner.Post(path+"/sheets", url.Values{"date": {salonDay(t, env, s, 0)}, "products": {"Teinte 6.3"}}).Status)

	p = owner.Post("/app/closures", url.Values{"from": {salonDay(t, env, s, -1)}, "to": {salonDay(t, env, s, 3)}, "reason": {"Travaux"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("from"), "aujourd'hui au plus tôt")
	require.Equal(t, "Travaux", p.Value("#reason"))
	closures, err := env.Srv.Salons.Closures(t.Context(), s.ID, time.Time{})
	require.NoError(t, err)
	require.Empty(t, closures)
	require.Equal(t, 303, owner.Post("/app/closures", url.Values{"from": {salonDay(t, env, s, 0)}, "reason": {"Travaux"}}).Status)
}

func TestEveryPhoneTypedIsCheckedTheSalonsToo(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Téléphone")
	owner := env.Login(s.OwnerEmail)

	for _, phone := range []string{"12345", "06 12 34 56 78 90 12", "06 ab 34 56 78", "00 00 00 00 00"} {
		form := fullClient("Tel")
		form.Set("phone", phone)
		p := owner.Post("/app/clients", form)
		require.Equal(t, 422, p.Status, phone)
		require.Contains(t, p.FieldError("phone"), "06 12 34 56 78", phone)
	}

	form := salonSettingsForm("Institut Téléphone")
	form.Set("phone", "appelez-nous")
	p := owner.Post("/app/settings", form)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("phone"), "numéro complet")
	require.Equal(t, "appelez-nous", p.Value("#phone"))

	form.Set("phone", "02 123 45 67") // Brussels, read in the salon's country
	require.Equal(t, 303, owner.Post("/app/settings", form).Status)
	set, err := env.Srv.Salons.Settings(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, "02 123 45 67", set.Phone)
}

func TestAPercentageTakesTheFrenchCommaAndIsWrittenInTheInterfacesLanguage(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Remises")
	owner := env.Login(s.OwnerEmail)

	p := owner.Post("/app/clients/categories", url.Values{"name": {"Amies"}, "discount": {"12,5"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	page := owner.Follow(p)
	require.Contains(t, page.Text(".timeline"), "Remise 12,5\u00a0%")
	cats, err := env.Srv.Customers.Categories(t.Context(), s.ID)
	require.NoError(t, err)
	var amies customer.Category
	for _, c := range cats {
		if c.Name == "Amies" {
			amies = c
		}
	}
	require.EqualValues(t, 1250, amies.DiscountBP)
	require.Equal(t, "12,5", page.Value("form[action='/app/clients/categories/"+amies.ID.String()+"'] [name=discount]"), "the edit form shows it as typed")

	p = owner.Post("/app/clients/categories", url.Values{"name": {"Trop"}, "discount": {"120"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("discount"), "0 à 100 %")

	// The report's no-show rate: one missed visit out of eight due.
	rate := customer.CategoryFigures{Visits: 7, NoShows: 1}.NoShowRate()
	require.Equal(t, "12,5\u00a0%", ui.Percent(i18n.FR, rate))
	require.Equal(t, "12.5%", ui.Percent(i18n.EN, rate))
	require.Equal(t, "0\u00a0%", ui.Percent(i18n.FR, customer.CategoryFigures{}.NoShowRate()))
}

func TestARefusedClientCategoryKeepsWhatWasTypedBesideTheAreasMessage(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Doublon")
	owner := env.Login(s.OwnerEmail)
	require.Equal(t, 303, owner.Post("/app/clients/categories", url.Values{"name": {"Amies"}}).Status)
	p := owner.Post("/app/clients/categories", url.Values{"name": {"Amies"}, "payment_mode": {"deposit"}, "discount": {"12,5"}, "default": {"1"}})
	require.Equal(t, 422, p.Status)
	require.NotEmpty(t, p.FieldError("name"), "the area's unique-name refusal lands beside the name")
	require.Equal(t, "12,5", p.Value("form[action='/app/clients/categories'] [name=discount]"))
	require.Equal(t, "Amies", p.Value("form[action='/app/clients/categories'] [name=name]"))
	require.Equal(t, 1, p.Doc.Find("form[action='/app/clients/categories'] [name=default][checked]").Length())
}
