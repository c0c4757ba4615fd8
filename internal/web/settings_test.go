package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func salonSettingsForm(name string) url.Values {
	return url.Values{"name": {name}, "time_zone": {"Europe/Brussels"}, "currency": {"EUR"}, "locale": {"fr"}, "country": {"BE"},
		"address": {"12 rue des Lilas\n1000 Bruxelles"}, "phone": {"+32 2 123 45 67"}, "slot_step": {"30"},
		"min_notice": {"1440"}, "max_horizon_days": {"60"}, "cancellation_window_hours": {"48"}, "no_show_fee": {"15"},
		"payment_mode": {"deposit"}, "deposit_kind": {"fixed"}, "deposit_value": {"10,00"},
		"book_without_payment": {"on"}, "cancel_refund": {"credit"}, "deposit_name": {"arrhes"},
		"policy_text": {"Merci de prévenir au moins 48 h à l'avance."}}
}

func selectedOption(p *testkit.Page, id string) string {
	return p.Doc.Find("#"+id+" option[selected]").AttrOr("value", "")
}

func TestSalonSettingsAreSavedAndRefusedFieldByField(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Réglages")
	owner := env.Login(s.OwnerEmail)

	page := owner.Get("/app/settings")
	require.Equal(t, 200, page.Status)
	require.Equal(t, "Institut Réglages", page.Value("#name"))
	require.Equal(t, "Europe/Paris", selectedOption(page, "time_zone"))
	require.Equal(t, "15", selectedOption(page, "slot_step"))
	require.Contains(t, page.Doc.Find("#min_notice option[value='120']").Text(), "2 h", "notice reads as a duration")
	require.Contains(t, page.Doc.Find("#min_notice option[value='1440']").Text(), "1 jour")
	templates := owner.Get(page.Doc.Find("#messages-link").AttrOr("href", "none"))
	require.Equal(t, 200, templates.Status, "the messages sent to clients are one click from the settings")
	require.Contains(t, templates.Text("h1"), "Messages aux clients")

	bad := salonSettingsForm("Institut Rose")
	bad.Set("max_horizon_days", "1000")
	bad.Set("no_show_fee", "quinze")
	p := owner.Post("/app/settings", bad)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("max_horizon_days"), "1 à 730 jours")
	require.Contains(t, p.FieldError("no_show_fee"), "montant")
	require.Equal(t, "1000", p.Value("#max_horizon_days"))
	require.Equal(t, "Institut Rose", p.Value("#name"))
	require.Equal(t, "Europe/Brussels", selectedOption(p, "time_zone"))
	sal, err := env.Srv.Salons.Get(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, "Institut Réglages", sal.Name, "nothing saved")

	p = owner.Post("/app/settings", salonSettingsForm("Institut Rose"))
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	page = owner.Follow(p)
	require.Contains(t, page.Text(".alert.ok"), "Réglages enregistrés")
	require.Equal(t, "Institut Rose", page.Value("#name"))
	require.Equal(t, "Europe/Brussels", selectedOption(page, "time_zone"))
	require.Equal(t, "30", selectedOption(page, "slot_step"))
	require.Equal(t, "1440", selectedOption(page, "min_notice"))
	require.Equal(t, "60", page.Value("#max_horizon_days"))
	require.Equal(t, "48", page.Value("#cancellation_window_hours"))
	require.Equal(t, "15,00", page.Value("#no_show_fee"))
	require.Equal(t, "deposit", selectedOption(page, "payment_mode"))
	require.Equal(t, "fixed", selectedOption(page, "deposit_kind"))
	require.Equal(t, "10,00", page.Value("#deposit_value"))
	require.Equal(t, "12 rue des Lilas\n1000 Bruxelles", page.Text("#address"))
	require.Equal(t, 1, page.Doc.Find("#book_without_payment[checked]").Length())
	require.Equal(t, "credit", selectedOption(page, "cancel_refund"))
	require.Equal(t, "arrhes", selectedOption(page, "deposit_name"))
	require.Equal(t, "Merci de prévenir au moins 48 h à l'avance.", page.Text("#policy_text"))

	set, err := env.Srv.Salons.Settings(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, 30*time.Minute, set.SlotStep)
	require.Equal(t, 24*time.Hour, set.MinNotice)
	require.Equal(t, int64(1500), set.NoShowFeeCents)
	require.Equal(t, payment.Rule{Mode: payment.ModeDeposit, DepositKind: payment.DepositFixed, DepositValue: 1000}, set.DefaultRule)
	require.True(t, set.BookWithoutPayment)
	require.Equal(t, salon.CreditOnCancel, set.CancelRefund)
	require.Equal(t, salon.DepositArrhes, set.DepositName)
	require.Equal(t, "Merci de prévenir au moins 48 h à l'avance.", set.PolicyText)
	sal, err = env.Srv.Salons.Get(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, "Institut Rose", sal.Name)
	require.Equal(t, "Europe/Brussels", sal.TimeZone)

	// With htmx (boosted form), success is an HX-Redirect and a refusal a 422 page.
	owner.Header.Set("HX-Request", "true")
	owner.Header.Set("HX-Boosted", "true")
	p = owner.Post("/app/settings", salonSettingsForm("Institut Rose"))
	require.Equal(t, 200, p.Status)
	require.Equal(t, "/app/settings", p.Header.Get("HX-Redirect"))
	p = owner.Post("/app/settings", salonSettingsForm(""))
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("name"), "obligatoire")
	require.Equal(t, 1, p.Doc.Find("html").Length(), "a boosted form gets the whole page back")
}

func TestBookingPolicySettingsHaveSafeDefaultsAndAreRefusedFieldByField(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Conditions")
	owner := env.Login(s.OwnerEmail)

	page := owner.Get("/app/settings")
	require.Equal(t, 0, page.Doc.Find("#book_without_payment[checked]").Length(), "off until the owner says so")
	require.Equal(t, "refund", selectedOption(page, "cancel_refund"))
	require.Equal(t, "acompte", selectedOption(page, "deposit_name"), "named acompte, or the law presumes arrhes")
	require.Contains(t, page.Text("#policy"), "le double")
	require.Equal(t, "/app/stripe", page.Doc.Find("#policy a").AttrOr("href", ""))

	bad := salonSettingsForm("Institut Conditions")
	bad.Set("cancel_refund", "cash")
	bad.Set("deposit_name", "caution")
	long := strings.Repeat("é", salon.MaxPolicyText+1)
	bad.Set("policy_text", long)
	bad.Del("book_without_payment")
	p := owner.Post("/app/settings", bad)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("cancel_refund"), "Choisissez")
	require.Contains(t, p.FieldError("deposit_name"), "Choisissez")
	require.Contains(t, p.FieldError("policy_text"), "1 000 caractères")
	require.Empty(t, p.FieldError("name"))
	require.Equal(t, long, p.Text("#policy_text"), "the text comes back as typed")
	require.Equal(t, 0, p.Doc.Find("#book_without_payment[checked]").Length())

	exact := salonSettingsForm("Institut Conditions")
	exact.Set("policy_text", "  "+strings.Repeat("é", salon.MaxPolicyText)+"\r\n")
	exact.Del("book_without_payment")
	require.Equal(t, 303, owner.Post("/app/settings", exact).Status, "1 000 characters, not bytes")
	set, err := env.Srv.Salons.Settings(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, strings.Repeat("é", salon.MaxPolicyText), set.PolicyText, "trimmed")
	require.False(t, set.BookWithoutPayment, "an unticked box turns it off")
	require.Equal(t, salon.DepositArrhes, set.DepositName)
}

func TestOpeningHoursAreSavedAndShown(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Horaires")
	owner := env.Login(s.OwnerEmail)

	page := owner.Get("/app/settings")
	require.Equal(t, "day1", page.Doc.Find("#hours .week input").First().AttrOr("name", ""), "Monday first")
	require.Equal(t, "day0", page.Doc.Find("#hours .week input").Last().AttrOr("name", ""), "Sunday last")
	require.Equal(t, "09:00-12:30, 13:30-19:00", page.Doc.Find("#day1").AttrOr("placeholder", ""))

	p := owner.Post("/app/settings/hours", url.Values{"day1": {"09:00-19:00"}, "day2": {"19:00-09:00"},
		"day3": {"09:00-12:00, 11:00-13:00"}, "day6": {"le matin"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("day2"), "suivre l'heure de début")
	require.Contains(t, p.FieldError("day3"), "chevauchent")
	require.Contains(t, p.FieldError("day6"), "09:00-12:30")
	require.Empty(t, p.FieldError("day1"))
	require.Equal(t, "le matin", p.Value("#day6"))
	require.Equal(t, "09:00-19:00", p.Value("#day1"))
	week, err := env.Srv.Salons.Hours(t.Context(), s.ID)
	require.NoError(t, err)
	require.Empty(t, week[1], "nothing saved")

	p = owner.Post("/app/settings/hours", url.Values{"day1": {""}, "day2": {"9h-12h30, 13h30-19h"}, "day3": {"09:00-19:00"},
		"day4": {"09:00-19:00"}, "day5": {"09:00-20:00"}, "day6": {"9-17"}, "day0": {"fermé"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, "/app/settings#hours", p.Location())
	page = owner.Follow(p)
	require.Contains(t, page.Text(".alert.ok"), "Horaires d'ouverture enregistrés")
	require.Equal(t, "09:00-12:30, 13:30-19:00", page.Value("#day2"))
	require.Equal(t, "09:00-17:00", page.Value("#day6"))
	require.Empty(t, page.Value("#day1"), "Monday closed")
	require.Empty(t, page.Value("#day0"))
}

func TestClosuresAreAddedAndDeleted(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Fermetures")
	owner := env.Login(s.OwnerEmail)

	p := owner.Post("/app/closures", url.Values{"from": {"2099-08-01"}, "to": {"2100-12-31"}, "reason": {"Travaux"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("to"), "un an")
	require.Equal(t, "Travaux", p.Value("#reason"))
	require.Equal(t, "2099-08-01", p.Value("#from"))

	p = owner.Post("/app/closures", url.Values{"from": {"2099-08-01"}, "to": {"2099-08-21"}, "reason": {"Congés d'été"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, 303, owner.Post("/app/closures", url.Values{"from": {"2099-12-25"}}).Status, "one day: no end date needed")
	page := owner.Follow(p)
	require.Contains(t, page.Text(".alert.ok"), "Fermeture ajoutée")
	require.Contains(t, page.Text("#closures"), "Du 1 août 2099 au 21 août 2099")
	require.Contains(t, page.Text("#closures"), "Congés d'été")
	require.Contains(t, page.Text("#closures"), "25 décembre 2099")

	cls, err := env.Srv.Salons.Closures(t.Context(), s.ID, sinceAlways)
	require.NoError(t, err)
	require.Len(t, cls, 2)
	p = owner.Post("/app/closures/"+cls[0].ID.String()+"/delete", nil)
	require.Equal(t, 303, p.Status)
	page = owner.Follow(p)
	require.Contains(t, page.Text(".alert.ok"), "Fermeture supprimée")
	require.NotContains(t, page.Text("#closures"), "Congés d'été")
	require.Contains(t, page.Text("#closures"), "25 décembre 2099")
	require.Equal(t, 404, owner.Post("/app/closures/"+uuid.NewString()+"/delete", nil).Status)
}

func TestOnboardingChecklistMarksStepsDone(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Départ")
	owner := env.Login(s.OwnerEmail)

	home := owner.Get("/app")
	require.Equal(t, 1, home.Doc.Find(".checklist li.done").Length())
	require.Equal(t, "/app/services", home.Doc.Find("#step-services a").AttrOr("href", ""))
	require.Equal(t, "/app/settings#hours", home.Doc.Find("#step-hours a").AttrOr("href", ""))
	require.Equal(t, "/app/staff", home.Doc.Find("#step-staff a").AttrOr("href", ""))
	require.Equal(t, 0, home.Doc.Find("#step-stripe").Length(), "no Stripe on this installation: no step that can never be done")

	svc, err := env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{Name: "Soin", Duration: 30 * time.Minute, PriceCents: 3000, OnlineBookable: true})
	require.NoError(t, err)
	require.Equal(t, 1, owner.Get("/app").Doc.Find("#step-services.done").Length())

	require.Equal(t, 303, owner.Post("/app/settings/hours", url.Values{"day2": {"09:00-18:00"}}).Status)
	léa, err := env.Srv.Team.Save(t.Context(), s.ID, uuid.Nil, team.MemberInput{Name: "Léa", Color: 1, Active: true})
	require.NoError(t, err)
	home = owner.Get("/app")
	require.Equal(t, 1, home.Doc.Find("#step-hours.done").Length())
	require.Equal(t, 0, home.Doc.Find("#step-staff.done").Length(), "a team member who performs nothing cannot take a booking")
	require.Equal(t, 0, home.Doc.Find("#step-online.done").Length())
	require.Contains(t, home.Text("#onboarding-title + p"), "3 étape(s) terminée(s) sur 5")
	require.Contains(t, home.Text("#public-link"), "Personne ne peut encore y réserver")

	_, err = env.Srv.Team.Save(t.Context(), s.ID, léa, team.MemberInput{Name: "Léa", Color: 1, Active: true,
		Services: []uuid.UUID{svc}, Days: availability.Week{time.Monday: {availability.Hours(9, 12)}}})
	require.NoError(t, err)
	home = owner.Get("/app")
	require.Equal(t, 1, home.Doc.Find("#step-staff.done").Length())
	require.Equal(t, 0, home.Doc.Find("#step-online.done").Length(),
		"Léa works on Mondays, the salon opens on Tuesdays only: nobody can book")
	services := owner.Get("/app/services")
	require.Contains(t, services.Text("#service-"+svc.String()+" .online"), "pas d'horaires")
	require.NotContains(t, services.Text("#service-"+svc.String()), "Réservable en ligne")

	_, err = env.Srv.Team.Save(t.Context(), s.ID, léa, team.MemberInput{Name: "Léa", Color: 1, Active: true,
		Services: []uuid.UUID{svc}, Days: availability.Week{time.Tuesday: {availability.Hours(10, 16)}}})
	require.NoError(t, err)
	home = owner.Get("/app")
	require.Equal(t, 0, home.Doc.Find(".checklist").Length(), "set up: the checklist gives way to the day")
	require.Equal(t, 1, home.Doc.Find("#today").Length())
	require.Equal(t, "Réservable en ligne", owner.Get("/app/services").Text("#service-"+svc.String()+" .online"))
	public := env.NewClient().Get("/b/" + s.Slug)
	require.Contains(t, public.Text("main"), "Soin", "what the back office calls bookable is on the public page")
}
