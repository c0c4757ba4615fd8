package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/till"
)

// farewellShop is a salon open every day 9:00–19:00 with a 30-minute cut
// (40 €) that Bruno and Alice both do, Bruno first in the team, and a
// register whose day is open.
type farewellShop struct {
	env          *testkit.Env
	sal          salon.Salon
	owner        *testkit.Client
	ownerID      uuid.UUID
	cut          uuid.UUID
	alice, bruno uuid.UUID
}

func newFarewellShop(t *testing.T) farewellShop {
	t.Helper()
	ctx := t.Context()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Institut Au Revoir")
	require.NoError(t, env.Srv.Salons.SetHours(ctx, s.ID, availability.Daily(availability.Hours(9, 19))))
	sal, err := env.Srv.Salons.Get(ctx, s.ID)
	require.NoError(t, err)
	f := farewellShop{env: env, sal: sal, owner: env.Login(s.OwnerEmail), ownerID: s.OwnerID}
	f.cut, err = env.Srv.Catalog.CreateService(ctx, s.ID, catalog.ServiceInput{Name: "Coupe", Duration: 30 * time.Minute, PriceCents: 4000})
	require.NoError(t, err)
	f.bruno, err = env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: "Bruno", Color: 1, Active: true, Services: []uuid.UUID{f.cut}})
	require.NoError(t, err)
	f.alice, err = env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: "Alice", Color: 2, Active: true, Services: []uuid.UUID{f.cut}})
	require.NoError(t, err)
	reg, err := env.Srv.Till.CreateRegister(ctx, s.ID, "Comptoir")
	require.NoError(t, err)
	require.NoError(t, env.Srv.Till.OpenDay(ctx, s.ID, reg, s.OwnerID, 0))
	return f
}

// client records Madame (or Monsieur, or nobody's title: "") Dupont.
func (f farewellShop) client(t *testing.T, gender string) uuid.UUID {
	t.Helper()
	id, err := f.env.Srv.Customers.Create(t.Context(), f.sal.ID, customer.RecordInput{FirstName: "Léa", LastName: "Dupont", Gender: gender,
		PaymentMode: "default", Region: "FR", Today: f.env.Clock.Now(), Force: true})
	require.NoError(t, err)
	return id
}

// at is 10:00 in the salon's zone, days from today.
func (f farewellShop) at(days int) time.Time {
	d := f.env.Clock.Now().In(f.sal.Location()).AddDate(0, 0, days)
	return time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, f.sal.Location())
}

// visit books the cut with Alice for the client at start (in the past, as
// typed in after the fact, or today).
func (f farewellShop) visit(t *testing.T, client uuid.UUID, start time.Time) uuid.UUID {
	t.Helper()
	id, err := f.env.Srv.Agenda.Create(t.Context(), f.sal, f.ownerID, agenda.Input{StaffID: f.alice, Start: start, ServiceIDs: []uuid.UUID{f.cut},
		Customer: customer.QuickInput{ID: client}, Past: true, Quiet: true})
	require.NoError(t, err)
	return id
}

// cashIn rings today's visit up, pays it by card and closes the ticket
// through the page's button; it returns where the closing led.
func (f farewellShop) cashIn(t *testing.T, appt uuid.UUID) *testkit.Page {
	t.Helper()
	ticket, err := f.env.Srv.Till.OpenFromVisit(t.Context(), f.sal.ID, uuid.Nil, appt, f.ownerID)
	require.NoError(t, err)
	require.NoError(t, f.env.Srv.Till.AddPayment(t.Context(), f.sal.ID, ticket, till.PaymentInput{Method: till.MethodCard, AmountCents: 4000, Actor: f.ownerID}))
	p := f.owner.Post("/app/till/tickets/"+ticket.String()+"/close", nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, "/app/till/tickets/"+ticket.String()+"/farewell", p.Location(), "a paid sale goes on to the farewell")
	return f.owner.Follow(p)
}

// upcoming is the client's visits still to come.
func (f farewellShop) upcoming(t *testing.T, client uuid.UUID) []agenda.ClientVisit {
	t.Helper()
	visits, err := f.env.Srv.Agenda.ClientVisits(t.Context(), f.sal, client)
	require.NoError(t, err)
	var out []agenda.ClientVisit
	for _, v := range visits {
		if v.Start.After(f.at(0)) { // after today's visit, the one paid for
			out = append(out, v)
		}
	}
	return out
}

func TestTheFarewellThanksTheClientByTitleAndNameAndShowsTheirBalance(t *testing.T) {
	t.Parallel()
	f := newFarewellShop(t)
	lea := f.client(t, "female")
	require.NoError(t, f.env.Srv.Customers.AddEntry(t.Context(), f.sal.ID, lea, f.ownerID, "EUR", customer.EntryInput{Cents: 1500, Note: "Avoir"}))

	p := f.cashIn(t, f.visit(t, lea, f.at(0)))
	require.Equal(t, 200, p.Status)
	require.Equal(t, "Merci Madame Dupont !", p.Text("#farewell-thanks"))
	require.Contains(t, p.Text("#farewell-number"), "Ticket n° 1")
	require.Equal(t, "Crédit sur son compte : 15,00 €", strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(p.Text("#farewell-balance")))
	receipt := f.owner.Get(p.Doc.Find("#farewell-receipt").AttrOr("href", ""))
	require.Contains(t, receipt.Text("#receipt-number"), "Ticket n° 1", "the farewell links the receipt")

	bob := f.client(t, "")
	p = f.cashIn(t, f.visit(t, bob, f.at(0).Add(time.Hour)))
	require.Equal(t, "Merci Léa !", p.Text("#farewell-thanks"), "no title on the record: the first name")
	require.Empty(t, p.Doc.Find("#farewell-balance").Nodes, "nothing on the account, nothing said")
}

func TestTheNextVisitComesAtTheUsualIntervalWithTheSameStaffAndOneTapBooksItOnce(t *testing.T) {
	t.Parallel()
	f := newFarewellShop(t)
	lea := f.client(t, "female")
	f.visit(t, lea, f.at(-70))
	f.visit(t, lea, f.at(-35))
	p := f.cashIn(t, f.visit(t, lea, f.at(0)))

	require.Equal(t, "Tous les 35 jours environ pour Coupe, d'après 3 visites.", p.Text("#farewell-why"))
	want := f.at(35)
	book := p.Doc.Find("#farewell-book").Closest("form")
	require.Equal(t, want.Format(time.RFC3339), book.Find(`input[name="start"]`).AttrOr("value", ""), "35 days on, at the visit's time")
	require.Contains(t, p.Text("#farewell-book"), "à 10:00 avec Alice", "with Alice, who did the cut, though Bruno comes first")
	require.GreaterOrEqual(t, p.Doc.Find("#farewell-others form").Length(), 2, "other free times nearby")

	form := url.Values{"start": {want.Format(time.RFC3339)}, "staff_id": {book.Find(`input[name="staff_id"]`).AttrOr("value", "")}}
	action := book.AttrOr("action", "")
	tap := f.owner.Post(action, form)
	require.Equal(t, 303, tap.Status, tap.Text(".alert"))
	next := f.upcoming(t, lea)
	require.Len(t, next, 1)
	require.Equal(t, f.alice, next[0].StaffID)
	require.True(t, want.Equal(next[0].Start))
	require.Equal(t, []uuid.UUID{f.cut}, next[0].ServiceIDs)

	p = f.owner.Follow(tap)
	require.Contains(t, p.Text("#farewell-next"), "avec Alice", "the page shows the visit booked")
	require.Empty(t, p.Doc.Find("#farewell-book").Nodes, "and offers no second booking")
	other := url.Values{"start": {f.at(36).Format(time.RFC3339)}, "staff_id": {f.alice.String()}}
	for _, again := range []url.Values{form, other} {
		tap = f.owner.Post(action, again)
		require.Equal(t, 303, tap.Status, "a second tap lands on the visit booked")
		require.Len(t, f.upcoming(t, lea), 1, "and books nothing more")
	}
}

func TestAFirstVisitGetsTheDefaultIntervalAndATimeTakenMeanwhileSaysSo(t *testing.T) {
	t.Parallel()
	f := newFarewellShop(t)
	lea := f.client(t, "male")
	p := f.cashIn(t, f.visit(t, lea, f.at(0)))
	require.Equal(t, "Merci Monsieur Dupont !", p.Text("#farewell-thanks"))
	require.Contains(t, p.Text("#farewell-why"), "Dans 4 semaines", "one visit says nothing: the default, and the page says so")
	book := p.Doc.Find("#farewell-book").Closest("form")
	want := f.at(28)
	require.Equal(t, want.Format(time.RFC3339), book.Find(`input[name="start"]`).AttrOr("value", ""))

	// Someone books Alice at that time from the agenda before the tap.
	f.visit(t, f.client(t, ""), want)
	refused := f.owner.Post(book.AttrOr("action", ""), url.Values{"start": {want.Format(time.RFC3339)}, "staff_id": {f.alice.String()}})
	require.Equal(t, 422, refused.Status)
	require.Contains(t, refused.Text("#farewell-refused"), "Ce créneau est déjà pris", "the agenda's refusal, in its words")
	require.Empty(t, f.upcoming(t, lea))
	again := refused.Doc.Find("#farewell-book").Closest("form").Find(`input[name="start"]`).AttrOr("value", "")
	require.NotEqual(t, want.Format(time.RFC3339), again, "the page proposes another free time")
}

func TestAWalkInWithoutAClientGetsAPlainThankYouAndNoProposal(t *testing.T) {
	t.Parallel()
	f := newFarewellShop(t)
	ctx := t.Context()
	tk, err := f.env.Srv.Till.OpenTicket(ctx, f.sal.ID, uuid.Nil, uuid.Nil, f.ownerID)
	require.NoError(t, err)
	require.NoError(t, f.env.Srv.Till.AddLine(ctx, f.sal.ID, tk, till.LineInput{Kind: till.LineService, ServiceID: f.cut, StaffID: f.alice, Quantity: 1}))
	require.NoError(t, f.env.Srv.Till.AddPayment(ctx, f.sal.ID, tk, till.PaymentInput{Method: till.MethodCash, AmountCents: 4000, Actor: f.ownerID}))
	p := f.owner.Follow(f.owner.Post("/app/till/tickets/"+tk.String()+"/close", nil))
	require.Equal(t, 200, p.Status)
	require.Equal(t, "Merci et à bientôt !", p.Text("#farewell-thanks"))
	require.Empty(t, p.Doc.Find("#farewell-proposal").Nodes)
	require.Empty(t, p.Doc.Find("#farewell-balance").Nodes)
	tap := f.owner.Post("/app/till/tickets/"+tk.String()+"/farewell/next", url.Values{"start": {f.at(28).Format(time.RFC3339)}})
	require.Equal(t, 409, tap.Status, "nobody to book for")
}
