package till_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/till"
)

// sums are the takings as the tickets themselves add up.
type sums struct {
	total    int64
	method   map[string]int64
	staff    map[uuid.UUID]int64
	item     map[uuid.UUID][2]int64 // quantity, cents
	cashIn   int64
	receipts int64
	credits  int64
}

func (s *sums) add(tk till.Ticket) {
	s.total += tk.Totals.InclCents
	if tk.Kind == till.KindCreditNote {
		s.credits++
	} else {
		s.receipts++
	}
	for _, p := range tk.Payments {
		s.method[p.Method] += p.AmountCents
		if p.Method == till.MethodCash {
			s.cashIn += p.AmountCents
		}
	}
	for _, l := range tk.Lines {
		s.staff[l.StaffID] += l.InclCents
		id := l.ServiceID
		if l.Kind == till.LineProduct {
			id = l.ProductID
		}
		if l.Kind != till.LineFree {
			q := s.item[id]
			s.item[id] = [2]int64{q[0] + l.Quantity, q[1] + l.InclCents}
		}
	}
}

// TestTheDaysTakingsAreTheSumOfItsTickets rings up random tickets (lines of
// every kind, line and ticket discounts, payments split across methods),
// gives one line back with a credit note and closes one ticket the next
// day: the day's takings are exactly what its closed tickets add up to.
func TestTheDaysTakingsAreTheSumOfItsTickets(t *testing.T) {
	t.Parallel()
	b := setup(t)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rnd := rand.New(rand.NewPCG(seed, 1))
	require.NoError(t, b.env.Srv.Catalog.SaveProduct(bg, b.salon.ID, uuid.Nil, catalog.ProductInput{Name: "Sérum", PriceCents: 2990, Stock: 1000}))
	products, err := b.env.Srv.Catalog.Products(bg, b.salon.ID)
	require.NoError(t, err)
	client := b.client(t, uuid.Nil)
	want := &sums{method: map[string]int64{}, staff: map[uuid.UUID]int64{}, item: map[uuid.UUID][2]int64{}}

	var first till.Ticket
	for i := range 8 {
		tk := b.randomTicket(t, rnd, products, client)
		if i == 0 {
			first = tk
		}
		want.add(tk)
	}
	credit, err := b.till().CreditNote(bg, b.salon.ID, first.ID, till.CreditInput{LineIDs: []uuid.UUID{first.Lines[0].ID},
		Method: till.MethodCash, Actor: b.owner}, "EUR")
	require.NoError(t, err)
	want.add(b.get(t, credit))

	today := b.env.Clock.Now()
	b.env.Clock.Advance(24 * time.Hour)
	late := b.randomTicket(t, rnd, products, client) // tomorrow's: not today's takings…
	b.env.Clock.Set(today)
	drawer := &sums{method: map[string]int64{}, staff: map[uuid.UUID]int64{}, item: map[uuid.UUID][2]int64{}}
	drawer.add(late) // …but its cash is in the drawer of the day still open

	got, err := b.till().Takings(bg, b.salon.ID, today, b.salon.Location(), uuid.Nil)
	require.NoError(t, err)
	require.Equal(t, want.total, got.TotalCents)
	require.Equal(t, want.receipts, got.Sales)
	require.Equal(t, want.credits, got.CreditNotes)
	methods := map[string]int64{}
	var byMethod int64
	for _, m := range got.ByMethod {
		methods[m.Method] = m.Cents
		byMethod += m.Cents
	}
	require.Equal(t, want.method, methods)
	require.Equal(t, want.total, byMethod, "every ticket closes fully paid")
	staff := map[uuid.UUID]int64{}
	for _, s := range got.ByStaff {
		staff[s.StaffID] = s.Cents
	}
	require.Equal(t, want.staff, staff)
	items := map[uuid.UUID][2]int64{}
	for _, it := range append(got.Services, got.Products...) {
		items[it.ID] = [2]int64{it.Quantity, it.Cents}
	}
	require.Equal(t, want.item, items)
	require.Len(t, got.Registers, 1)
	require.Equal(t, int64(10000)+want.cashIn+drawer.cashIn, got.Registers[0].ExpectedCents, "float plus cash in, the refund paid out off")
	require.False(t, got.Registers[0].Closed)
}

// randomTicket rings up and closes a ticket of one to three random lines.
func (b *bundle) randomTicket(t *testing.T, rnd *rand.Rand, products []catalog.Product, client uuid.UUID) till.Ticket {
	t.Helper()
	customer := uuid.Nil
	if rnd.IntN(2) == 0 {
		customer = client
	}
	id := b.ticket(t, customer)
	for range 1 + rnd.IntN(3) {
		in := till.LineInput{Kind: till.LineService, ServiceID: b.service, Quantity: 1}
		switch rnd.IntN(3) {
		case 1:
			in = till.LineInput{Kind: till.LineProduct, ProductID: products[rnd.IntN(len(products))].ID, Quantity: 1 + rnd.Int64N(2)}
		case 2:
			in = till.LineInput{Kind: till.LineFree, Label: "Forfait", Quantity: 1 + rnd.Int64N(3), UnitCents: 100 + rnd.Int64N(5000), RateBP: 1000}
		}
		if rnd.IntN(2) == 0 {
			in.StaffID = b.staff
		}
		require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, in))
	}
	tk := b.get(t, id)
	if rnd.IntN(2) == 0 {
		require.NoError(t, b.till().SetLineDiscount(bg, b.salon.ID, id, tk.Lines[0].ID, till.DiscountInput{BP: 1000 + rnd.Int64N(2000), Reason: "fidélité"}))
	}
	if rnd.IntN(2) == 0 {
		require.NoError(t, b.till().SetDiscount(bg, b.salon.ID, id, till.DiscountInput{Cents: 1 + rnd.Int64N(300), Reason: "geste"}))
	}
	due := b.get(t, id).DueCents()
	if part := rnd.Int64N(due); part > 0 {
		method := till.MethodCard
		if customer != uuid.Nil && rnd.IntN(2) == 0 {
			method = till.MethodAccount
		}
		b.pay(t, id, method, part)
	}
	b.pay(t, id, till.MethodCash, b.get(t, id).DueCents()+rnd.Int64N(2000)) // change given back
	b.close(t, id)
	return b.get(t, id)
}
