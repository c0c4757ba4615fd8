package web_test

import (
	"net/url"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/till"
	"github.com/carnet-salon/carnet/internal/urls"
)

func TestTheOwnerSeesTheDaysTakingsByMethodWithAChart(t *testing.T) {
	t.Parallel()
	_, _, owner, nina := tillSalon(t)
	ticket := openTicket(t, owner)
	require.Equal(t, 303, owner.Post(ticket+"/payments", url.Values{"method": {"card"}, "amount": {"10"}}).Status)
	require.Equal(t, 303, owner.Post(ticket+"/payments", url.Values{"method": {"cash"}, "amount": {"20"}}).Status)
	require.Equal(t, 303, owner.Post(ticket+"/close", nil).Status)

	caisse := owner.Get("/app/till")
	href, ok := caisse.Doc.Find("#till-takings").Attr("href")
	require.True(t, ok, "the Caisse page links the takings")
	p := owner.Get(href)
	require.Equal(t, 200, p.Status)
	require.Contains(t, p.Text("#takings-total"), "30,00")
	require.Contains(t, p.Text("#method-card"), "10,00")
	require.Contains(t, p.Text("#method-cash"), "20,00")
	require.Equal(t, 2, p.Doc.Find("#takings-methods svg rect.bar").Length(), "one bar per method")
	require.Contains(t, p.Text("#takings-free"), "Brushing")
	require.Contains(t, p.Text("#takings-cash"), "120,00", "the float of 100 € plus 20 € in cash expected")
	require.Zero(t, p.Doc.Find("#takings-next").Length(), "no day after today")

	prev, ok := p.Doc.Find("#takings-prev").Attr("href")
	require.True(t, ok)
	p = owner.Get(prev)
	require.Equal(t, 200, p.Status)
	require.Contains(t, p.Text("#takings-total"), "0,00", "yesterday sold nothing")
	require.Equal(t, 1, p.Doc.Find("#takings-next").Length())

	require.Equal(t, 403, nina.Get("/app/till/takings").Status, "a staff member does not see the takings")
	require.Zero(t, nina.Get("/app/till").Doc.Find("#till-takings").Length())
}

func TestTheClientRecordShowsTheProductsTheyBoughtAtTheTill(t *testing.T) {
	t.Parallel()
	env, s, owner, _ := tillSalon(t)
	ctx := t.Context()
	require.NoError(t, env.Srv.Catalog.SaveProduct(ctx, s.ID, uuid.Nil, catalog.ProductInput{Name: "Sérum éclat", PriceCents: 2990, Stock: 10}))
	products, err := env.Srv.Catalog.Products(ctx, s.ID)
	require.NoError(t, err)
	client, err := env.Srv.Customers.Create(ctx, s.ID, customer.RecordInput{FirstName: "Jeanne", LastName: "Martin", PaymentMode: "default",
		Region: "FR", Today: env.Clock.Now(), Force: true})
	require.NoError(t, err)
	require.Contains(t, owner.Get(urls.Client(client)).Text("#top-products"), "Aucun produit", "nothing bought yet")

	regs, err := env.Srv.Till.Registers(ctx, s.ID)
	require.NoError(t, err)
	require.NoError(t, env.Srv.Till.OpenDay(ctx, s.ID, regs[0].ID, s.OwnerID, 0))
	tk, err := env.Srv.Till.OpenTicket(ctx, s.ID, regs[0].ID, client, s.OwnerID)
	require.NoError(t, err)
	require.NoError(t, env.Srv.Till.AddLine(ctx, s.ID, tk, till.LineInput{Kind: till.LineProduct, ProductID: products[0].ID, Quantity: 2}))
	require.NoError(t, env.Srv.Till.AddPayment(ctx, s.ID, tk, till.PaymentInput{Method: till.MethodCard, AmountCents: 5980, Actor: s.OwnerID}))
	_, err = env.Srv.Till.Close(ctx, s.ID, tk, s.OwnerID, "EUR")
	require.NoError(t, err)
	require.Contains(t, owner.Get(urls.Client(client)).Text("#top-products"), "Sérum éclat (2 acheté(s))")
}
