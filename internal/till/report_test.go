package till_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/till"
)

// revenueOf is the category report's revenue for a category this hour.
func (b *bundle) revenueOf(t *testing.T, category uuid.UUID) int64 {
	t.Helper()
	now := b.env.Clock.Now()
	rows, err := b.env.Srv.Customers.Report(bg, b.salon.ID, now.Add(-time.Hour), now.Add(time.Hour))
	require.NoError(t, err)
	for _, r := range rows {
		if r.CategoryID == category {
			return r.RevenueCents
		}
	}
	return 0
}

// The category report counts what the category's clients really paid at the
// till — a line discount and the ticket's discount lower it, a credit note
// takes its line back — not the list prices (45 € + 12,50 €).
func TestTheCategoryReportCountsWhatWasReallyPaid(t *testing.T) {
	t.Parallel()
	b := setup(t)
	require.NoError(t, b.env.Srv.Customers.SaveCategory(bg, b.salon.ID, uuid.Nil, customer.CategoryInput{Name: "Fidèles"}))
	cats, err := b.env.Srv.Customers.Categories(bg, b.salon.ID)
	require.NoError(t, err)
	var fideles uuid.UUID
	for _, c := range cats {
		if c.Name == "Fidèles" {
			fideles = c.ID
		}
	}
	id := b.ticket(t, b.client(t, fideles))
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineService, ServiceID: b.service, StaffID: b.staff, Quantity: 1}))
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineProduct, ProductID: b.product, Quantity: 1}))
	require.Zero(t, b.revenueOf(t, fideles), "an open ticket is not revenue yet")

	tk := b.get(t, id)
	require.NoError(t, b.till().SetLineDiscount(bg, b.salon.ID, id, tk.Lines[0].ID, till.DiscountInput{BP: 1000, Reason: "fidélité"}))
	require.NoError(t, b.till().SetDiscount(bg, b.salon.ID, id, till.DiscountInput{Cents: 200, Reason: "geste"}))
	b.pay(t, id, till.MethodCard, 5100)
	b.close(t, id)
	require.Equal(t, int64(5100), b.revenueOf(t, fideles), "40,50 € + 12,50 € − 2,00 €, not 57,50 €")

	tk = b.get(t, id)
	require.Equal(t, int64(1203), tk.Lines[1].InclCents, "the product's share of the ticket's discount")
	_, err = b.till().CreditNote(bg, b.salon.ID, id, till.CreditInput{LineIDs: []uuid.UUID{tk.Lines[1].ID}, Method: till.MethodCash, Actor: b.owner}, "EUR")
	require.NoError(t, err)
	require.Equal(t, int64(5100-1203), b.revenueOf(t, fideles), "the product given back comes off")
}
