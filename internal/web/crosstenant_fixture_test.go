package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// newVictim signs salon B up and gives it one of everything, named so that a
// leak would show "Bêta" or B's owner's email in the page.
func newVictim(t *testing.T, env *testkit.Env) victim {
	t.Helper()
	ctx := t.Context()
	b := victim{salon: env.NewSalon("Salon Bêta Secret")}
	id := b.salon.ID
	ownerB := env.Login(b.salon.OwnerEmail)
	ownerB.Post("/app/team/invitations", url.Values{"email": {"invite-b-" + b.salon.Slug + "@example.com"}, "role": {"staff"}})
	invs, err := env.Srv.Accounts.Invitations(ctx, id)
	require.NoError(t, err)
	require.Len(t, invs, 1)
	b.invitationID = invs[0].ID.String()

	require.NoError(t, env.Srv.Catalog.CreateCategory(ctx, id, "Bêta soins"))
	cats, err := env.Srv.Catalog.Categories(ctx, id)
	require.NoError(t, err)
	b.categoryID = cats[0].ID.String()
	svc, err := env.Srv.Catalog.CreateService(ctx, id, catalog.ServiceInput{CategoryID: new(uuid.MustParse(b.categoryID)), Name: "Soin Bêta",
		Duration: 60 * time.Minute, PriceCents: 8000, OnlineBookable: true})
	require.NoError(t, err)
	b.serviceID = svc.String()
	require.NoError(t, env.Srv.Catalog.SaveProduct(ctx, id, [16]byte{}, catalog.ProductInput{Name: "Crème Bêta", PriceCents: 2500}))
	prods, err := env.Srv.Catalog.Products(ctx, id)
	require.NoError(t, err)
	b.productID = prods[0].ID.String()

	staff, err := env.Srv.Team.Save(ctx, id, [16]byte{}, team.MemberInput{Name: "Bêta Styliste", Color: 3, Active: true,
		Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	b.staffID = staff.String()
	sal, err := env.Srv.Salons.Get(ctx, id)
	require.NoError(t, err)
	_, err = env.Srv.Agenda.AddAbsence(ctx, sal, staff, salon.DateSpanInput{From: time.Date(2099, time.January, 1, 0, 0, 0, 0, time.UTC), Reason: "Bêta congé"}, agenda.SpanChoice{})
	require.NoError(t, err)
	abs, err := env.Srv.Team.Absences(ctx, id, time.Now())
	require.NoError(t, err)
	b.absenceID = abs[0].ID.String()
	_, err = env.Srv.Agenda.AddClosure(ctx, sal, salon.DateSpanInput{From: time.Date(2099, time.February, 1, 0, 0, 0, 0, time.UTC), Reason: "Bêta fermé"}, agenda.SpanChoice{})
	require.NoError(t, err)
	cls, err := env.Srv.Salons.Closures(ctx, id, time.Now())
	require.NoError(t, err)
	b.closureID = cls[0].ID.String()

	sal, err = env.Srv.Salons.Get(ctx, id)
	require.NoError(t, err)
	day := env.Clock.Now().In(sal.Location()).AddDate(0, 0, 30)
	b.day, b.nextDay = day.Format(time.DateOnly), day.AddDate(0, 0, 1).Format(time.DateOnly)
	// B has set no hours: the visit is booked outside them, as the form allows.
	appt, err := env.Srv.Agenda.Create(ctx, sal, b.salon.OwnerID, agenda.Input{StaffID: staff,
		Start: time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, sal.Location()), ServiceIDs: []uuid.UUID{svc}, Customer: customer.QuickInput{FirstName: "Cliente", LastName: "Bêta", Phone: "0612345678"},
		OutsideHours: true})
	require.NoError(t, err)
	b.appointment = appt.String()
	got, err := env.Srv.Agenda.Get(ctx, sal, appt)
	require.NoError(t, err)
	b.customerID = got.Customer.ID.String()
	sheet, err := env.Srv.Customers.SaveSheet(ctx, id, got.Customer.ID, [16]byte{}, b.salon.OwnerID,
		customer.SheetInput{Date: time.Date(2099, 3, 2, 0, 0, 0, 0, time.UTC), Products: "Bêta produit secret", Today: time.Date(2099, 3, 2, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	b.sheetID = sheet.String()
	ccats, err := env.Srv.Customers.Categories(ctx, id)
	require.NoError(t, err)
	b.clientCatID = ccats[1].ID.String()
	b.register = journalVictim(t, env, id)
	b.till = newTillVictim(t, env, b)
	return b
}

// sessionScopedPages are pages without ids: A's staff must see only A there.
func sessionScopedPages(b victim) []string {
	return []string{"/app", "/app/team", "/app/salons", "/app/agenda?date=" + b.day, "/app/agenda/week?date=" + b.day, "/app/services", "/app/products",
		"/app/staff", "/app/settings", "/app/stripe", "/app/customers/quick?q=B%C3%AAta", "/app/appointments/new?date=" + b.day,
		"/app/clients", "/app/clients?q=beta", "/app/clients/categories", "/app/clients/report?from=2099-01-01&to=2099-12-31",
		"/app/settings/notifications", "/app/till/journal", "/app/till", "/app/till/settings"}
}
