package till_test

import (
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/till"
)

func TestATicketClosesOnlyWhenPaidAndCashGivesChange(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.ticket(t, uuid.Nil)
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineService, ServiceID: b.service, StaffID: b.staff, Quantity: 1}))
	_, err := b.till().Close(bg, b.salon.ID, id, b.owner, "EUR")
	require.Equal(t, "till.ticket.not_paid", errKey(err), "nothing paid yet")

	b.pay(t, id, till.MethodCard, 2000)
	err = b.till().AddPayment(bg, b.salon.ID, id, till.PaymentInput{Method: till.MethodCard, AmountCents: 3000, Actor: b.owner})
	require.Equal(t, "till.payment.exceeds", apperr.FieldsOf(err)["AmountCents"], "a card pays at most what is due")
	b.pay(t, id, till.MethodCash, 5000) // 50 € handed over for 25 € due
	tk := b.get(t, id)
	require.Zero(t, tk.DueCents())
	require.Equal(t, int64(2500), tk.ChangeCents())

	require.Equal(t, int64(1), b.close(t, id))
	tk = b.get(t, id)
	require.True(t, tk.Closed())
	require.Equal(t, int64(4500), tk.Totals.InclCents)
	require.Equal(t, int64(750), tk.Totals.VATCents, "20 % included in 45 €")

	closing, err := b.till().CloseDay(bg, b.salon.ID, b.register, b.owner, 12400)
	require.NoError(t, err)
	require.Equal(t, int64(12500), closing.ExpectedCents, "float plus the cash kept (change given back)")
	require.Equal(t, int64(-100), closing.Difference())
	_, err = b.till().OpenTicket(bg, b.salon.ID, b.register, uuid.Nil, b.owner)
	require.Equal(t, "till.day.closed", errKey(err), "no sale once the day is closed")
}

func TestAClosedTicketNeverChanges(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.ticket(t, uuid.Nil)
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineFree, Label: "Forfait", Quantity: 1, UnitCents: 1000, RateBP: 2000}))
	b.pay(t, id, till.MethodCash, 1000)
	b.close(t, id)

	err := b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineFree, Label: "Encore", Quantity: 1, UnitCents: 100, RateBP: 2000})
	require.Equal(t, "till.ticket.closed", errKey(err))
	require.Error(t, b.exec(`UPDATE tickets SET incl_cents = 1 WHERE id = $1`, id), "the trigger refuses even a direct update")
	require.Error(t, b.exec(`DELETE FROM tickets WHERE id = $1`, id))
	require.Error(t, b.exec(`UPDATE ticket_lines SET unit_cents = 1 WHERE ticket_id = $1`, id))
	require.Error(t, b.exec(`DELETE FROM ticket_payments WHERE ticket_id = $1`, id))
	require.Error(t, b.exec(`INSERT INTO ticket_payments (tenant_id, ticket_id, method, amount_cents) VALUES ($1, $2, 'card', 5)`, b.salon.ID, id))
	require.Equal(t, int64(1000), b.get(t, id).Totals.InclCents)
}

func TestAVisitsDepositIsAppliedOnce(t *testing.T) {
	t.Parallel()
	b := setup(t)
	appt := b.visit(t, b.client(t, uuid.Nil), 2000)

	id, err := b.till().OpenFromVisit(bg, b.salon.ID, uuid.Nil, appt, b.owner)
	require.NoError(t, err)
	again, err := b.till().OpenFromVisit(bg, b.salon.ID, uuid.Nil, appt, b.owner)
	require.NoError(t, err)
	require.Equal(t, id, again, "the visit's open ticket comes back")
	tk := b.get(t, id)
	require.Len(t, tk.Lines, 1)
	require.Equal(t, "Coupe", tk.Lines[0].Label)
	require.Equal(t, b.staff, tk.Lines[0].StaffID, "who did the service comes with it")
	require.Len(t, tk.Payments, 1)
	require.Equal(t, till.MethodOnline, tk.Payments[0].Method)
	require.Equal(t, int64(2000), tk.Payments[0].AmountCents)
	require.Equal(t, int64(2500), tk.DueCents())
	b.pay(t, id, till.MethodCard, 2500)
	b.close(t, id)

	second, err := b.till().OpenFromVisit(bg, b.salon.ID, uuid.Nil, appt, b.owner)
	require.NoError(t, err)
	require.NotEqual(t, id, second)
	tk = b.get(t, second)
	require.Empty(t, tk.Payments, "the deposit went to the first ticket")
	require.Equal(t, int64(4500), tk.DueCents())
}

func TestTheClientsCategoryDiscountAppliesByItself(t *testing.T) {
	t.Parallel()
	b := setup(t)
	require.NoError(t, b.env.Srv.Customers.SaveCategory(bg, b.salon.ID, uuid.Nil, customer.CategoryInput{Name: "Employés", DiscountBP: 2000}))
	cats, err := b.env.Srv.Customers.Categories(bg, b.salon.ID)
	require.NoError(t, err)
	var staffCat uuid.UUID
	for _, c := range cats {
		if c.Name == "Employés" {
			staffCat = c.ID
		}
	}
	id := b.ticket(t, b.client(t, staffCat))
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineService, ServiceID: b.service, Quantity: 1}))
	tk := b.get(t, id)
	require.Equal(t, int64(3600), tk.Totals.InclCents, "45 € less 20 %")
	require.Equal(t, till.ReasonCategory, tk.Lines[0].DiscountReason)
}

func TestSellingAProductTakesItsStockAndACreditNoteGivesItBack(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.ticket(t, uuid.Nil)
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineProduct, ProductID: b.product, Quantity: 2}))
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineService, ServiceID: b.service, Quantity: 1}))
	require.NoError(t, b.till().SetDiscount(bg, b.salon.ID, id, till.DiscountInput{Cents: 700, Reason: "Fidélité"}))
	b.pay(t, id, till.MethodCard, 6300)
	require.Equal(t, int64(1), b.close(t, id))
	require.Equal(t, 3, b.stock(t))

	tk := b.get(t, id)
	product := tk.Lines[0]
	credit, err := b.till().CreditNote(bg, b.salon.ID, id, till.CreditInput{LineIDs: []uuid.UUID{product.ID}, Method: till.MethodCash, Actor: b.owner}, "EUR")
	require.NoError(t, err)
	cn := b.get(t, credit)
	require.Equal(t, till.KindCreditNote, cn.Kind)
	require.Equal(t, int64(2), cn.Number, "a credit note takes the register's next number")
	require.Equal(t, int64(1), cn.RefersNumber)
	require.Equal(t, -product.InclCents, cn.Totals.InclCents, "given back at what it was paid, its share of the discount off")
	require.Equal(t, -product.VATCents, cn.Totals.VATCents)
	require.Equal(t, 5, b.stock(t))

	_, err = b.till().CreditNote(bg, b.salon.ID, id, till.CreditInput{LineIDs: []uuid.UUID{product.ID}, Method: till.MethodCash, Actor: b.owner}, "EUR")
	require.Equal(t, "till.credit.exceeds", apperr.FieldsOf(err)["LineIDs"], "a line is given back once")
	_, err = b.till().CreditNote(bg, b.salon.ID, credit, till.CreditInput{LineIDs: []uuid.UUID{cn.Lines[0].ID}, Method: till.MethodCash, Actor: b.owner}, "EUR")
	require.Equal(t, "till.credit.not_a_receipt", errKey(err))
}

func TestAnExemptSalonsReceiptHasNoVAT(t *testing.T) {
	t.Parallel()
	b := setup(t)
	require.NoError(t, b.till().SaveSettings(bg, b.salon.ID, till.SettingsInput{SIRET: "732 829 320 00074", VATExempt: true}))
	id := b.ticket(t, uuid.Nil)
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineService, ServiceID: b.service, Quantity: 1}))
	b.pay(t, id, till.MethodCash, 4500)
	b.close(t, id)
	tk := b.get(t, id)
	require.Zero(t, tk.Totals.VATCents)
	require.Empty(t, tk.Totals.VAT)
	require.Equal(t, int64(4500), tk.Totals.ExclCents)
	set, err := b.till().Settings(bg, b.salon.ID)
	require.NoError(t, err)
	require.Equal(t, "73282932000074", set.SIRET)
}

func TestWhatIsLeftOnTheAccountGoesToTheClientsBalance(t *testing.T) {
	t.Parallel()
	b := setup(t)
	client := b.client(t, uuid.Nil)
	id := b.ticket(t, client)
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineService, ServiceID: b.service, Quantity: 1}))
	b.pay(t, id, till.MethodCash, 2000)
	b.pay(t, id, till.MethodAccount, 2500)
	b.close(t, id)
	_, balance, err := b.env.Srv.Customers.Ledger(bg, b.salon.ID, client)
	require.NoError(t, err)
	require.Equal(t, int64(-2500), balance, "the client owes the rest")

	walkIn := b.ticket(t, uuid.Nil)
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, walkIn, till.LineInput{Kind: till.LineService, ServiceID: b.service, Quantity: 1}))
	err = b.till().AddPayment(bg, b.salon.ID, walkIn, till.PaymentInput{Method: till.MethodAccount, AmountCents: 100, Actor: b.owner})
	require.Equal(t, "till.account.no_client", apperr.FieldsOf(err)["Method"])
}

func (b *bundle) stock(t *testing.T) int {
	t.Helper()
	p, err := b.env.Srv.Catalog.Product(bg, b.salon.ID, b.product)
	require.NoError(t, err)
	return p.Stock
}

func errKey(err error) string {
	if e, ok := apperr.As(err); ok {
		return e.Key
	}
	return ""
}

// What was left on a client's account stays theirs: the ticket's client
// cannot change, nor be removed, once the account was used.
func TestTheAccountUsedStaysWithItsClient(t *testing.T) {
	t.Parallel()
	b := setup(t)
	alice, bruno := b.client(t, uuid.Nil), b.client(t, uuid.Nil)
	id := b.ticket(t, alice)
	require.NoError(t, b.till().AddLine(bg, b.salon.ID, id, till.LineInput{Kind: till.LineService, ServiceID: b.service, Quantity: 1}))
	b.pay(t, id, till.MethodAccount, 1000)
	require.Equal(t, "till.ticket.account_taken", errKey(b.till().SetCustomer(bg, b.salon.ID, id, bruno)))
	require.Equal(t, "till.ticket.account_taken", errKey(b.till().SetCustomer(bg, b.salon.ID, id, uuid.Nil)))
	b.pay(t, id, till.MethodCash, 3500)
	b.close(t, id)
	_, balance, err := b.env.Srv.Customers.Ledger(bg, b.salon.ID, alice)
	require.NoError(t, err)
	require.Equal(t, int64(-1000), balance, "Alice owes what was left on her account")
	_, balance, err = b.env.Srv.Customers.Ledger(bg, b.salon.ID, bruno)
	require.NoError(t, err)
	require.Zero(t, balance)
}

// Two taps on « Encaisser » at the same moment open one ticket, which holds
// the visit's deposit.
func TestTwoTapsOnEncaisserOpenOneTicket(t *testing.T) {
	t.Parallel()
	b := setup(t)
	appt := b.visit(t, b.client(t, uuid.Nil), 2000)
	const taps = 8
	ids := make(chan uuid.UUID, taps)
	var wg sync.WaitGroup
	for range taps {
		wg.Go(func() {
			id, err := b.till().OpenFromVisit(bg, b.salon.ID, uuid.Nil, appt, b.owner)
			assert.NoError(t, err)
			ids <- id
		})
	}
	wg.Wait()
	close(ids)
	first := <-ids
	for id := range ids {
		require.Equal(t, first, id, "every tap lands on the same ticket")
	}
	tk := b.get(t, first)
	require.Len(t, tk.Payments, 1)
	require.Equal(t, int64(2000), tk.Payments[0].AmountCents, "with the deposit")
}
