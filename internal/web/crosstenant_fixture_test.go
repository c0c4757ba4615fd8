package web_test

import (
	"net/url"
	"testing"
	"time"

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
	svc, err := env.Srv.Catalog.CreateService(ctx, id, catalog.ServiceInput{CategoryID: b.categoryID, Name: "Soin Bêta",
		Duration: "60", Price: "80", OnlineBookable: true, PaymentMode: "default"})
	require.NoError(t, err)
	b.serviceID = svc.String()
	require.NoError(t, env.Srv.Catalog.SaveProduct(ctx, id, [16]byte{}, catalog.ProductInput{Name: "Crème Bêta", Price: "25"}))
	prods, err := env.Srv.Catalog.Products(ctx, id)
	require.NoError(t, err)
	b.productID = prods[0].ID.String()

	staff, err := env.Srv.Team.Save(ctx, id, [16]byte{}, team.MemberInput{Name: "Bêta Styliste", Color: "3", Active: true,
		Services: []string{b.serviceID}})
	require.NoError(t, err)
	b.staffID = staff.String()
	require.NoError(t, env.Srv.Team.AddAbsence(ctx, id, staff, salon.DateSpanInput{From: "2099-01-01", Reason: "Bêta congé"}))
	abs, err := env.Srv.Team.Absences(ctx, id, time.Now())
	require.NoError(t, err)
	b.absenceID = abs[0].ID.String()
	require.NoError(t, env.Srv.Salons.AddClosure(ctx, id, salon.DateSpanInput{From: "2099-02-01", Reason: "Bêta fermé"}))
	cls, err := env.Srv.Salons.Closures(ctx, id, time.Now())
	require.NoError(t, err)
	b.closureID = cls[0].ID.String()

	sal, err := env.Srv.Salons.Get(ctx, id)
	require.NoError(t, err)
	appt, err := env.Srv.Agenda.Create(ctx, sal, b.salon.OwnerID, agenda.Input{StaffID: b.staffID, Date: "2099-03-02", Time: "10:00",
		ServiceIDs: []string{b.serviceID}, Customer: customer.QuickInput{FirstName: "Cliente", LastName: "Bêta", Phone: "0612345678"}})
	require.NoError(t, err)
	b.appointment = appt.String()
	got, err := env.Srv.Agenda.Get(ctx, sal, appt)
	require.NoError(t, err)
	b.customerID = got.Customer.ID.String()
	sheet, err := env.Srv.Customers.SaveSheet(ctx, id, got.Customer.ID, [16]byte{}, b.salon.OwnerID,
		customer.SheetInput{Date: "2099-03-02", Products: "Bêta produit secret"})
	require.NoError(t, err)
	b.sheetID = sheet.String()
	ccats, err := env.Srv.Customers.Categories(ctx, id)
	require.NoError(t, err)
	b.clientCatID = ccats[1].ID.String()
	return b
}

// sessionScopedPages are pages without ids: A's staff must see only A there.
func sessionScopedPages(b victim) []string {
	return []string{"/app", "/app/team", "/app/salons", "/app/agenda?date=2099-03-02", "/app/services", "/app/products",
		"/app/staff", "/app/settings", "/app/stripe", "/app/customers/quick?q=B%C3%AAta", "/app/appointments/new?date=2099-03-02",
		"/app/clients", "/app/clients?q=beta", "/app/clients/categories", "/app/clients/report?from=2099-01-01&to=2099-12-31"}
}
