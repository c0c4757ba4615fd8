package till_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/till"
)

// credit gives back qty of a line of a receipt (0: all that remains) in cash.
func (b *bundle) credit(receipt, line uuid.UUID, qty int64) (uuid.UUID, error) {
	in := till.CreditInput{LineIDs: []uuid.UUID{line}, Method: till.MethodCash, Actor: b.owner}
	if qty > 0 {
		in.Quantities = map[uuid.UUID]int64{line: qty}
	}
	return b.till().CreditNote(bg, b.salon.ID, receipt, in, "EUR")
}

// A product offered (100 % off) and brought back goes back on the shelf on
// a credit note of 0 €: no money goes out, and nothing fails.
func TestAnOfferedProductIsGivenBackOnACreditNoteOfNothing(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.ticket(t, uuid.Nil)
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineService, ServiceID: b.service, Quantity: 1}))
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineProduct, ProductID: b.product, Quantity: 1}))
	offered := b.get(t, id).Lines[1]
	require.NoError(t, b.till().SetLineDiscount(bg, b.salon.ID, id, offered.ID, till.DiscountInput{BP: 10000, Reason: "Offert"}))
	b.pay(t, id, till.MethodCard, 4500)
	b.close(t, id)
	require.Equal(t, 4, b.stock(t))

	credit, err := b.credit(id, offered.ID, 0)
	require.NoError(t, err)
	cn := b.get(t, credit)
	require.True(t, cn.Closed())
	require.Zero(t, cn.Totals.InclCents)
	require.Empty(t, cn.Payments, "nothing was paid for it, nothing is paid back")
	require.Equal(t, 5, b.stock(t), "the product is back on the shelf")
}

// A client brings back 1 of 3 shampoos, later another, then the last: each
// credit note is worth its share of what the line was paid (the ticket's
// discount included), and the three add up to the line to the cent.
func TestShampoosAreGivenBackOneAtATimeAndAddUpToTheLine(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.ticket(t, uuid.Nil)
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineProduct, ProductID: b.product, Quantity: 3}))
	require.NoError(t, b.till().SetDiscount(bg, b.salon.ID, id, till.DiscountInput{Cents: 100, Reason: "Fidélité"}))
	b.pay(t, id, till.MethodCard, 3650)
	b.close(t, id)
	line := b.get(t, id).Lines[0]
	require.Equal(t, int64(3650), line.InclCents)

	var sum, vat int64
	for i, want := range []int64{-1217, -1216, -1217} { // 3650 / 3 = 1216,67
		credit, err := b.credit(id, line.ID, 1)
		require.NoError(t, err, "shampoo %d", i+1)
		cn := b.get(t, credit)
		require.Equal(t, want, cn.Totals.InclCents)
		require.Equal(t, int64(-1), cn.Lines[0].Quantity)
		require.Equal(t, want, cn.PaidCents(), "paid back what it is worth")
		sum, vat = sum+cn.Totals.InclCents, vat+cn.Totals.VATCents
		if i == 0 {
			require.Equal(t, int64(-203), cn.Totals.VATCents, "1217 × 20/120 = 202,83")
			_, err = b.credit(id, line.ID, 3)
			require.Equal(t, "till.credit.quantity_left", apperr.FieldsOf(err)[till.QuantityField(line.ID)], "only 2 are left to give back")
		}
	}
	require.Equal(t, -line.InclCents, sum)
	require.InDelta(t, -line.VATCents, vat, 1, "the VAT of each part rounds on its own")
	require.Equal(t, 5, b.stock(t))
	_, err := b.credit(id, line.ID, 1)
	require.Equal(t, "till.credit.exceeds", apperr.FieldsOf(err)["LineIDs"], "nothing is left of the line")
	done, err := b.till().CreditedLines(bg, b.salon.ID, id)
	require.NoError(t, err)
	require.Equal(t, int64(3), done[line.ID])
}

// The database refuses a credit note line beyond what was sold, whatever
// the code above it does.
func TestTheDatabaseRefusesGivingBackMoreThanWasSold(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.ticket(t, uuid.Nil)
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineProduct, ProductID: b.product, Quantity: 2}))
	b.pay(t, id, till.MethodCash, 2500)
	b.close(t, id)
	line := b.get(t, id).Lines[0]
	credit, err := b.credit(id, line.ID, 1)
	require.NoError(t, err)
	cn := b.get(t, credit)
	err = b.exec(`INSERT INTO ticket_lines (tenant_id, ticket_id, position, kind, label, quantity, unit_cents, rate_bp, refers_line_id)
		SELECT tenant_id, $1, 9, kind, label, -2, unit_cents, rate_bp, id FROM ticket_lines WHERE id = $2`, b.ticket(t, uuid.Nil), line.ID)
	require.ErrorContains(t, err, "more than was sold")
	require.Len(t, cn.Lines, 1)
}
