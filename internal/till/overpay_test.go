package till_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/till"
)

// A 50 € deposit for what became a 45 € visit: the ticket closes, and the
// 5 € left stay the client's, on their account, as the deposit kept.
func TestADepositAboveTheBillLeavesTheRestOnTheClientsAccount(t *testing.T) {
	t.Parallel()
	b := setup(t)
	client := b.client(t, uuid.Nil)
	id, err := b.till().OpenFromVisit(bg, b.salon.ID, b.register, b.visit(t, client, 5000), b.owner)
	require.NoError(t, err)
	tk := b.get(t, id)
	require.Equal(t, int64(-500), tk.DueCents())
	require.Equal(t, int64(500), tk.ToAccountCents(), "shown before closing")

	b.close(t, id)
	tk = b.get(t, id)
	require.Zero(t, tk.DueCents())
	require.Equal(t, int64(500), tk.ToAccountCents(), "the receipt says what was kept")
	entries, balance, err := b.env.Srv.Customers.Ledger(bg, b.salon.ID, client)
	require.NoError(t, err)
	require.Equal(t, int64(500), balance, "the client has 5 € of credit with the salon")
	require.Equal(t, "deposit_credit", entries[0].Reason)
}

// Paid by hand beyond the total (a line taken off after the card was
// paid), the ticket does not close: the cashier takes the payment off.
func TestMoneyTakenByHandBeyondTheTotalIsNotKeptSilently(t *testing.T) {
	t.Parallel()
	b := setup(t)
	client := b.client(t, uuid.Nil)
	id := b.ticket(t, client)
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineService, ServiceID: b.service, Quantity: 1}))
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineProduct, ProductID: b.product, Quantity: 1}))
	b.pay(t, id, till.MethodCard, 5750)
	require.NoError(t, b.till().RemoveLine(bg, b.salon.ID, id, b.get(t, id).Lines[1].ID))
	require.Zero(t, b.get(t, id).ToAccountCents())
	_, err := b.till().Close(bg, b.salon.ID, id, b.owner, "EUR")
	require.Equal(t, "till.ticket.overpaid", errKey(err))
	_, balance, err := b.env.Srv.Customers.Ledger(bg, b.salon.ID, client)
	require.NoError(t, err)
	require.Zero(t, balance)
}
