package till_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/till"
)

// A client's top products come from closed receipts: an open ticket does
// not count, a credit note takes its product back, and only three show.
func TestAClientsTopProductsAreWhatTheyReallyBought(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ids := map[string]uuid.UUID{"Shampoing": b.product}
	for _, name := range []string{"Sérum", "Masque", "Huile", "Laque"} {
		require.NoError(t, b.env.Srv.Catalog.SaveProduct(bg, b.salon.ID, uuid.Nil, catalog.ProductInput{Name: name, PriceCents: 1000, Stock: 50}))
	}
	products, err := b.env.Srv.Catalog.Products(bg, b.salon.ID)
	require.NoError(t, err)
	for _, p := range products {
		ids[p.Name] = p.ID
	}
	client := b.client(t, uuid.Nil)
	sell := func(close bool, lines map[string]int64) uuid.UUID {
		id := b.ticket(t, client)
		for name, q := range lines {
			require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineProduct, ProductID: ids[name], Quantity: q}))
		}
		b.env.Clock.Advance(time.Minute) // each receipt its own time, for the tie
		if close {
			b.pay(t, id, till.MethodCard, b.get(t, id).DueCents())
			b.close(t, id)
		}
		return id
	}
	sell(true, map[string]int64{"Sérum": 2, "Masque": 1})
	sell(true, map[string]int64{"Sérum": 1, "Huile": 1})
	returned := sell(true, map[string]int64{"Laque": 5})
	sell(false, map[string]int64{"Shampoing": 4}) // still being rung up

	top, err := b.till().TopProducts(bg, b.salon.ID, client)
	require.NoError(t, err)
	require.Equal(t, []string{"Laque", "Sérum", "Huile"}, labels(top), "most bought first, a tie to the latest bought")
	require.Equal(t, int64(5), top[0].Quantity)

	tk := b.get(t, returned)
	_, err = b.till().CreditNote(bg, b.salon.ID, returned, till.CreditInput{LineIDs: []uuid.UUID{tk.Lines[0].ID}, Method: till.MethodCard, Actor: b.owner}, "EUR")
	require.NoError(t, err)
	top, err = b.till().TopProducts(bg, b.salon.ID, client)
	require.NoError(t, err)
	require.Equal(t, []string{"Sérum", "Huile", "Masque"}, labels(top), "the lacquer given back is gone")
	require.Equal(t, int64(3), top[0].Quantity)
	require.Equal(t, int64(3000), top[0].Cents)
}

func labels(items []till.ItemTotal) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}
