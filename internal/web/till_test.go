package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// tillSalon is a salon whose owner set the till up (SIRET, a register) and
// a staff member who sells.
func tillSalon(t *testing.T) (*testkit.Env, testkit.Salon, *testkit.Client, *testkit.Client) {
	t.Helper()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Institut Caisse")
	owner := env.Login(s.OwnerEmail)
	p := owner.Post("/app/till/settings", url.Values{"siret": {"732 829 320 00074"}, "vat_number": {"FR44732829320"}, "low_stock": {"3"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, 303, owner.Post("/app/till/registers", url.Values{"name": {"Comptoir"}}).Status)
	return env, s, owner, staffMember(t, env, s, owner)
}

// openTicket opens the day with a float and a walk-in ticket with a free
// line at 30 €, and returns the ticket's path.
func openTicket(t *testing.T, c *testkit.Client) string {
	t.Helper()
	page := c.Get("/app/till")
	require.Equal(t, 200, page.Status)
	open, ok := page.Doc.Find(`form[action$="/open"]`).Attr("action")
	require.True(t, ok, "the register offers to open its day")
	require.Equal(t, 303, c.Post(open, url.Values{"float": {"100"}}).Status)
	p := c.Post("/app/till/tickets", url.Values{"customer_id": {""}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	ticket := p.Location()
	p = c.Post(ticket+"/lines", url.Values{"kind": {"free"}, "label": {"Brushing"}, "price": {"30"}, "rate": {"2000"}, "quantity": {"1"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	return ticket
}

func TestStaffSellAtTheTillAndTheReceiptCarriesTheLegalMentions(t *testing.T) {
	t.Parallel()
	_, _, _, nina := tillSalon(t)
	ticket := openTicket(t, nina)
	p := nina.Get(ticket)
	require.Equal(t, 200, p.Status)
	require.Contains(t, p.Text("#due"), "30,00")

	p = nina.Post(ticket+"/payments", url.Values{"method": {"cash"}, "amount": {"50"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	p = nina.Follow(p)
	require.Contains(t, p.Text("#payments"), "rendu 20,00", "the change to give back")
	p = nina.Post(ticket+"/close", nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	farewell := nina.Follow(p)
	require.Equal(t, "Merci et à bientôt !", farewell.Text("#farewell-thanks"), "a paid sale ends on the farewell")
	receipt := nina.Get(farewell.Doc.Find("#farewell-receipt").AttrOr("href", ""))
	require.Equal(t, 200, receipt.Status)
	require.Contains(t, receipt.Text("#receipt-number"), "Ticket n° 1")
	text := receipt.Text("#receipt")
	for _, want := range []string{"Institut Caisse", "SIRET 73282932000074", "FR44732829320", "Brushing", "TVA 20", "5,00", "30,00", "Espèces"} {
		require.Contains(t, text, want)
	}
	require.Equal(t, 409, nina.Post(ticket+"/lines", url.Values{"kind": {"free"}, "label": {"Encore"}, "price": {"1"}, "rate": {"2000"}}).Status,
		"a closed ticket takes no more lines")
}

func TestStaffCannotSetUpTheTill(t *testing.T) {
	t.Parallel()
	_, _, owner, nina := tillSalon(t)
	require.Equal(t, 403, nina.Get("/app/till/settings").Status)
	p := nina.Post("/app/till/registers", url.Values{"name": {"Caisse de Nina"}})
	require.Equal(t, 403, p.Status)
	require.Contains(t, p.Text("h1"), "Seuls les propriétaires et les managers")
	require.Equal(t, 403, nina.Post("/app/till/settings", url.Values{"vat_exempt": {"on"}}).Status)
	page := owner.Get("/app/till/settings")
	require.Equal(t, 200, page.Status)
	require.Equal(t, 1, page.Doc.Find("#registers li").Length(), "no register was added")
	require.Empty(t, page.Doc.Find(`input[name="vat_exempt"][checked]`).Nodes, "the settings did not change")
}

func TestARefusedPaymentComesBackAsTyped(t *testing.T) {
	t.Parallel()
	_, _, _, nina := tillSalon(t)
	ticket := openTicket(t, nina)
	p := nina.Post(ticket+"/payments", url.Values{"method": {"card"}, "amount": {"45,50"}, "reference": {"TPE-0042"}})
	require.Equal(t, 422, p.Status)
	require.Equal(t, "45,50", p.Value("#amount"))
	require.Equal(t, "TPE-0042", p.Value("#reference"))
	require.Equal(t, "Ce montant dépasse le reste à payer.", p.FieldError("amount"))
	require.Equal(t, "card", p.Doc.Find("#method option[selected]").AttrOr("value", ""))
	require.Empty(t, strings.TrimSpace(p.Text("#payments")), "nothing was recorded")
}

func TestTheVisitPanelOpensItsTicketAndTheClientRecordLinksTheReceipt(t *testing.T) {
	t.Parallel()
	env, s, owner, _ := tillSalon(t)
	page := owner.Get("/app/till")
	open, _ := page.Doc.Find(`form[action$="/open"]`).Attr("action")
	require.Equal(t, 303, owner.Post(open, url.Values{"float": {"0"}}).Status)
	appt, client := tillVisit(t, env, s)

	panel := owner.Get("/app/appointments/" + appt.String())
	action, ok := panel.Doc.Find("#encaisser").Closest("form").Attr("action")
	require.True(t, ok, "the panel offers Encaisser")
	p := owner.Post(action, nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	ticket := p.Location()
	p = owner.Get(ticket)
	require.Contains(t, p.Text("#lines"), "Coupe")
	require.Contains(t, p.Text("#ticket-client"), "Cliente Gamma")
	require.Equal(t, 303, owner.Post(ticket+"/payments", url.Values{"method": {"card"}, "amount": {"40"}}).Status)
	require.Equal(t, 303, owner.Post(ticket+"/close", nil).Status)

	record := owner.Get("/app/clients/" + client.String())
	link, ok := record.Doc.Find("a.visit-receipt").Attr("href")
	require.True(t, ok, "the visit links to its receipt")
	require.Contains(t, owner.Get(link).Text("#receipt-number"), "n° 1")
}

// tillVisit books a 40 € service for a new client tomorrow and returns the
// visit and the client.
func tillVisit(t *testing.T, env *testkit.Env, s testkit.Salon) (uuid.UUID, uuid.UUID) {
	t.Helper()
	ctx := t.Context()
	sal, err := env.Srv.Salons.Get(ctx, s.ID)
	require.NoError(t, err)
	svc, err := env.Srv.Catalog.CreateService(ctx, sal.ID, catalog.ServiceInput{Name: "Coupe", Duration: 30 * time.Minute, PriceCents: 4000})
	require.NoError(t, err)
	staff, err := env.Srv.Team.Save(ctx, sal.ID, uuid.Nil, team.MemberInput{Name: "Alice", Color: 2, Active: true, Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	day := env.Clock.Now().In(sal.Location()).AddDate(0, 0, 1)
	appt, err := env.Srv.Agenda.Create(ctx, sal, s.OwnerID, agenda.Input{StaffID: staff, Start: time.Date(day.Year(), day.Month(), day.Day(), 11, 0, 0, 0, sal.Location()),
		ServiceIDs: []uuid.UUID{svc}, Customer: customer.QuickInput{FirstName: "Cliente", LastName: "Gamma", Phone: "0611223344"}, OutsideHours: true})
	require.NoError(t, err)
	got, err := env.Srv.Agenda.Get(ctx, sal, appt)
	require.NoError(t, err)
	return appt, got.Customer.ID
}

func TestAProductCarriesTheVATRateItIsSoldAt(t *testing.T) {
	t.Parallel()
	env, s, owner, _ := tillSalon(t)
	p := owner.Post("/app/products", url.Values{"name": {"Livre de soins"}, "price": {"9,99"}, "stock": {"4"}, "vat_rate": {"1234"}})
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Choisissez un taux de TVA : 20 %, 10 %, 5,5 %, 2,1 % ou 0 %.", p.FieldError("vat_rate"))
	require.Equal(t, "Livre de soins", p.Value("#name"), "the refused form keeps what was typed")
	p = owner.Post("/app/products", url.Values{"name": {"Livre de soins"}, "price": {"9,99"}, "stock": {"2"}, "vat_rate": {"550"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	products, err := env.Srv.Catalog.Products(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, int32(550), products[0].VATRateBP)
	edit := owner.Get("/app/products/" + products[0].ID.String())
	require.Equal(t, "550", edit.Doc.Find("#vat_rate option[selected]").AttrOr("value", ""))
	require.Contains(t, owner.Get("/app/products").Text("#low-stock"), "Livre de soins", "2 left, at or below the till's threshold of 3")
}
