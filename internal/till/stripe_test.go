package till_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/till"
)

// phoneShop is a salon connected to Stripe with a 45 € service and an open register.
type phoneShop struct {
	env                        *testkit.Areas
	salon, owner, service, reg uuid.UUID
	account                    string
}

func newPhoneShop(t *testing.T, env *testkit.Areas) phoneShop {
	t.Helper()
	s := env.NewSalon("Institut Téléphone")
	p := phoneShop{env: env, salon: s.ID, owner: s.OwnerID, account: "acct_" + strings.ReplaceAll(uuid.NewString()[:12], "-", "")}
	var err error
	p.service, err = env.Srv.Catalog.CreateService(bg, s.ID, catalog.ServiceInput{Name: "Coupe", Duration: 45 * time.Minute, PriceCents: 4500})
	require.NoError(t, err)
	p.reg, err = env.Srv.Till.CreateRegister(bg, s.ID, "Comptoir")
	require.NoError(t, err)
	require.NoError(t, env.Srv.Till.OpenDay(bg, s.ID, p.reg, p.owner, 0))
	require.NoError(t, env.Srv.DB.Unscoped(bg, func(tx store.Tx) error {
		if err := tx.SalonStripeCreate(bg, dbq.SalonStripeCreateParams{TenantID: s.ID, AccountID: p.account}); err != nil {
			return err
		}
		_, err := tx.SalonStripeSync(bg, dbq.SalonStripeSyncParams{AccountID: p.account, ChargesEnabled: true, PayoutsEnabled: true, DetailsSubmitted: true})
		return err
	}))
	return p
}

// ticket opens a ticket with the 45 € service.
func (p phoneShop) ticket(t *testing.T) uuid.UUID {
	t.Helper()
	id, err := p.env.Srv.Till.OpenTicket(bg, p.salon, p.reg, uuid.Nil, p.owner)
	require.NoError(t, err)
	require.NoError(t, p.env.Srv.Till.AddLine(bg, p.salon, id, till.LineInput{Kind: till.LineService, ServiceID: p.service, Quantity: 1}))
	return id
}

func (p phoneShop) link(t *testing.T, ticketID uuid.UUID) till.Link {
	t.Helper()
	l, err := p.env.Srv.Till.StartLink(bg, p.salon, ticketID, till.LinkInput{Currency: "EUR", Locale: "fr", SuccessURL: "http://carnet.test/merci"})
	require.NoError(t, err)
	return l
}

// paid is the completed session the signed webhook hands over.
func (p phoneShop) paid(l till.Link, account string, salonID uuid.UUID) till.Paid {
	return till.Paid{Account: account, SessionID: l.SessionID, IntentID: "pi_" + l.ID.String()[:8], Paid: true,
		Metadata: map[string]string{"salon_id": salonID.String(), "till_payment_id": l.ID.String()}}
}

func (p phoneShop) get(t *testing.T, id uuid.UUID) till.Ticket {
	t.Helper()
	tk, err := p.env.Srv.Till.Ticket(bg, p.salon, id)
	require.NoError(t, err)
	return tk
}

// signed counts the register's signed tickets in the journal.
func (p phoneShop) signed(t *testing.T) int {
	t.Helper()
	var n int
	require.NoError(t, p.env.Srv.DB.WithTenant(bg, p.salon, func(tx store.Tx) error {
		return tx.Raw().QueryRow(bg, `SELECT count(*) FROM journal_entries WHERE tenant_id = $1 AND register_id = $2 AND kind = 'ticket'`,
			p.salon, p.reg).Scan(&n)
	}))
	return n
}

func TestPhoneLinkAsksStripeForWhatIsDueOnTheSalonsAccount(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	id := p.ticket(t)
	require.NoError(t, env.Srv.Till.AddPayment(bg, p.salon, id, till.PaymentInput{Method: till.MethodCash, AmountCents: 1000, Actor: p.owner}))

	l := p.link(t, id)
	again := p.link(t, id)

	require.Equal(t, int64(3500), l.AmountCents)
	require.Equal(t, l.ID, again.ID, "asking twice shows the same link")
	require.NotEmpty(t, l.URL)
	calls := env.Stripe.CallsOn(p.account, "/v1/checkout/sessions")
	require.Len(t, calls, 2)
	c := calls[0]
	require.Equal(t, "3500", c.Form.Get("line_items[0][price_data][unit_amount]"))
	require.Equal(t, "eur", c.Form.Get("line_items[0][price_data][currency]"))
	require.Equal(t, p.salon.String(), c.Form.Get("metadata[salon_id]"))
	require.Equal(t, id.String(), c.Form.Get("metadata[ticket_id]"))
	require.Equal(t, l.ID.String(), c.Form.Get("metadata[till_payment_id]"))
	require.Equal(t, "till-link-"+l.ID.String(), c.IdempotencyKey)
	require.Equal(t, c.IdempotencyKey, calls[1].IdempotencyKey, "Stripe answers the second ask with the first session")
	pending, err := pendingLinks(env, bg, p.salon, id)
	require.NoError(t, err)
	require.Len(t, pending, 1)
	require.Equal(t, int64(1000), p.get(t, id).PaidCents(), "a pending link pays nothing yet")
}

func TestPaidPhoneLinkClosesTheTicketWithTheNextNumberOnce(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	first := p.ticket(t)
	require.NoError(t, env.Srv.Till.AddPayment(bg, p.salon, first, till.PaymentInput{Method: till.MethodCash, AmountCents: 4500, Actor: p.owner}))
	_, err := env.Srv.Till.Close(bg, p.salon, first, p.owner, "EUR")
	require.NoError(t, err)
	id := p.ticket(t)
	l := p.link(t, id)

	outcome, err := env.Srv.Till.SettleLink(bg, p.paid(l, p.account, p.salon))
	require.NoError(t, err)
	require.Equal(t, "till link paid, ticket closed", outcome)
	tk := p.get(t, id)
	require.True(t, tk.Closed())
	require.Equal(t, int64(2), tk.Number)
	require.Len(t, tk.Payments, 1)
	require.Equal(t, till.MethodStripe, tk.Payments[0].Method)
	require.Equal(t, "pi_"+l.ID.String()[:8], tk.Payments[0].StripeID)
	require.Equal(t, 2, p.signed(t))

	outcome, err = env.Srv.Till.SettleLink(bg, p.paid(l, p.account, p.salon))
	require.NoError(t, err)
	require.Equal(t, "till link already paid", outcome)
	require.Len(t, p.get(t, id).Payments, 1)
	require.Equal(t, 2, p.signed(t), "a replayed event signs nothing more")
}

func TestPhoneLinkEventFromAnotherSalonChangesNothing(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	a, b := newPhoneShop(t, env), newPhoneShop(t, env)
	id := a.ticket(t)
	l := a.link(t, id)

	for name, ev := range map[string]till.Paid{
		"salon A's link from B's account": a.paid(l, b.account, a.salon),
		"salon A's link named as B's":     a.paid(l, b.account, b.salon),
	} {
		outcome, err := env.Srv.Till.SettleLink(bg, ev)
		require.NoError(t, err, name)
		require.Equal(t, "unknown till link", outcome, name)
	}
	tk := a.get(t, id)
	require.False(t, tk.Closed())
	require.Empty(t, tk.Payments)
	require.Empty(t, env.Stripe.CallsOn(b.account, "/v1/refunds"))
}

func TestPhoneLinkPaidAfterTheCashierClosedIsRefunded(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	id := p.ticket(t)
	l := p.link(t, id)
	require.NoError(t, env.Srv.Till.AddPayment(bg, p.salon, id, till.PaymentInput{Method: till.MethodCard, AmountCents: 4500, Actor: p.owner}))
	_, err := env.Srv.Till.Close(bg, p.salon, id, p.owner, "EUR")
	require.NoError(t, err)

	outcome, err := env.Srv.Till.SettleLink(bg, p.paid(l, p.account, p.salon))
	require.NoError(t, err)
	require.Equal(t, "till link refunded", outcome)
	refunds := env.Stripe.CallsOn(p.account, "/v1/refunds")
	require.Len(t, refunds, 1)
	require.Equal(t, "4500", refunds[0].Form.Get("amount"))
	require.Equal(t, "pi_"+l.ID.String()[:8], refunds[0].Form.Get("payment_intent"))
	require.Equal(t, "till-link-refund-"+l.ID.String(), refunds[0].IdempotencyKey)
	tk := p.get(t, id)
	require.Len(t, tk.Payments, 1, "the closed ticket keeps the card payment only")
	require.Equal(t, 1, p.signed(t))
}

func TestCreditNoteRefundsThroughStripe(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	id := p.ticket(t)
	l := p.link(t, id)
	_, err := env.Srv.Till.SettleLink(bg, p.paid(l, p.account, p.salon))
	require.NoError(t, err)
	orig := p.get(t, id)

	creditID, err := env.Srv.Till.CreditNote(bg, p.salon, id, till.CreditInput{LineIDs: []uuid.UUID{orig.Lines[0].ID},
		Method: till.MethodStripe, Actor: p.owner}, "EUR")
	require.NoError(t, err)

	refunds := env.Stripe.CallsOn(p.account, "/v1/refunds")
	require.Len(t, refunds, 1)
	require.Equal(t, "4500", refunds[0].Form.Get("amount"))
	require.Equal(t, "pi_"+l.ID.String()[:8], refunds[0].Form.Get("payment_intent"))
	require.True(t, strings.HasPrefix(refunds[0].IdempotencyKey, "till-credit-"+id.String()))
	cn := p.get(t, creditID)
	require.True(t, cn.Closed())
	require.Len(t, cn.Payments, 1)
	require.Equal(t, till.MethodStripe, cn.Payments[0].Method)
	require.Equal(t, int64(-4500), cn.Payments[0].AmountCents)
	require.True(t, strings.HasPrefix(cn.Payments[0].Reference, "re_"), "the refund's id is kept: %q", cn.Payments[0].Reference)
}

func TestCreditNoteByStripeNeedsAPaymentOnline(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	id := p.ticket(t)
	require.NoError(t, env.Srv.Till.AddPayment(bg, p.salon, id, till.PaymentInput{Method: till.MethodCash, AmountCents: 4500, Actor: p.owner}))
	_, err := env.Srv.Till.Close(bg, p.salon, id, p.owner, "EUR")
	require.NoError(t, err)

	_, err = env.Srv.Till.CreditNote(bg, p.salon, id, till.CreditInput{LineIDs: []uuid.UUID{p.get(t, id).Lines[0].ID},
		Method: till.MethodStripe, Actor: p.owner}, "EUR")
	require.Equal(t, "tillstripe.refund.not_paid_online", apperr.FieldsOf(err)["Method"])
	require.Empty(t, env.Stripe.CallsOn(p.account, "/v1/refunds"))
}

// Money paid on the client's phone is recorded only on the ticket: the
// cashier can neither take it off (the client would be asked again) nor
// delete the ticket that holds it.
func TestMoneyPaidOnThePhoneStaysOnTheTicket(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	id := p.ticket(t)
	l := p.link(t, id)
	// Another 45 € line comes after the link was shown: the ticket stays open.
	require.NoError(t, env.Srv.Till.AddLine(bg, p.salon, id, till.LineInput{Kind: till.LineService, ServiceID: p.service, Quantity: 1}))
	_, err := env.Srv.Till.SettleLink(bg, p.paid(l, p.account, p.salon))
	require.NoError(t, err)
	tk := p.get(t, id)
	require.False(t, tk.Closed())
	require.Len(t, tk.Payments, 1)
	require.Equal(t, int64(4500), tk.DueCents())

	err = env.Srv.Till.RemovePayment(bg, p.salon, id, tk.Payments[0].ID)
	require.Error(t, err)
	err = env.Srv.Till.DeleteTicket(bg, p.salon, id)
	require.Equal(t, "till.ticket.paid_by_phone", errKey(err))
	tk = p.get(t, id)
	require.Len(t, tk.Payments, 1, "the phone payment is still there")
	require.Equal(t, int64(4500), tk.DueCents(), "only the rest is due")
}

// Two credit notes on a ticket paid partly on the phone never refund more
// through Stripe than the phone took: the second is refused by Stripe's
// route and given back in cash instead.
func TestCreditNotesNeverRefundMoreThanThePhonePaid(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	p := newPhoneShop(t, env)
	id := p.ticket(t)
	require.NoError(t, env.Srv.Till.AddLine(bg, p.salon, id, till.LineInput{Kind: till.LineService, ServiceID: p.service, Quantity: 1}))
	require.NoError(t, env.Srv.Till.AddPayment(bg, p.salon, id, till.PaymentInput{Method: till.MethodCash, AmountCents: 4000, Actor: p.owner}))
	l := p.link(t, id)
	require.Equal(t, int64(5000), l.AmountCents)
	_, err := env.Srv.Till.SettleLink(bg, p.paid(l, p.account, p.salon))
	require.NoError(t, err)
	orig := p.get(t, id)
	require.True(t, orig.Closed())

	_, err = env.Srv.Till.CreditNote(bg, p.salon, id, till.CreditInput{LineIDs: []uuid.UUID{orig.Lines[0].ID},
		Method: till.MethodStripe, Actor: p.owner}, "EUR")
	require.NoError(t, err)
	_, err = env.Srv.Till.CreditNote(bg, p.salon, id, till.CreditInput{LineIDs: []uuid.UUID{orig.Lines[1].ID},
		Method: till.MethodStripe, Actor: p.owner}, "EUR")
	require.Equal(t, "tillstripe.refund.rest_needed", apperr.FieldsOf(err)["Method"], "only 5 € of the 50 € is left to refund")
	require.Len(t, env.Stripe.CallsOn(p.account, "/v1/refunds"), 1)

	cash, err := env.Srv.Till.CreditNote(bg, p.salon, id, till.CreditInput{LineIDs: []uuid.UUID{orig.Lines[1].ID},
		Method: till.MethodCash, Actor: p.owner}, "EUR")
	require.NoError(t, err)
	require.Equal(t, int64(-4500), p.get(t, cash).Payments[0].AmountCents)
}
