package web_test

import (
	"net/url"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/till"
)

// tillVictim is salon B's till: a register with its day open, a ticket being
// rung up (a line, a payment) and a receipt.
type tillVictim struct {
	register, ticket, line, payment, receipt, receiptLine string
}

func newTillVictim(t *testing.T, env *testkit.Env, b victim) tillVictim {
	t.Helper()
	ctx, id, owner := t.Context(), b.salon.ID, b.salon.OwnerID
	tl := env.Srv.Till
	reg, err := tl.CreateRegister(ctx, id, "Caisse Bêta")
	require.NoError(t, err)
	require.NoError(t, tl.OpenDay(ctx, id, reg, owner, 5000))
	sell := func() uuid.UUID {
		tk, err := tl.OpenTicket(ctx, id, reg, uuid.Nil, owner)
		require.NoError(t, err)
		require.NoError(t, tl.AddLine(ctx, id, tk, till.LineInput{Kind: till.LineFree, Label: "Soin Bêta", Quantity: 1, UnitCents: 3000, RateBP: 2000}))
		require.NoError(t, tl.AddPayment(ctx, id, tk, till.PaymentInput{Method: till.MethodCash, AmountCents: 1000, Actor: owner}))
		return tk
	}
	open, done := sell(), sell()
	require.NoError(t, tl.AddPayment(ctx, id, done, till.PaymentInput{Method: till.MethodCard, AmountCents: 2000, Actor: owner}))
	_, err = tl.Close(ctx, id, done, owner, "EUR")
	require.NoError(t, err)
	o, err := tl.Ticket(ctx, id, open)
	require.NoError(t, err)
	r, err := tl.Ticket(ctx, id, done)
	require.NoError(t, err)
	return tillVictim{register: reg.String(), ticket: open.String(), line: o.Lines[0].ID.String(), payment: o.Payments[0].ID.String(),
		receipt: done.String(), receiptLine: r.Lines[0].ID.String()}
}

// tillUnchanged: B's open ticket keeps its line and payment, B's receipt has
// no credit note, and B's register its name and open day.
func tillUnchanged(t *testing.T, env *testkit.Env, b victim) {
	tk, err := env.Srv.Till.Ticket(t.Context(), b.salon.ID, uuid.MustParse(b.till.ticket))
	require.NoError(t, err)
	require.False(t, tk.Closed())
	require.Len(t, tk.Lines, 1)
	require.Len(t, tk.Payments, 1)
	require.Zero(t, tk.Discount.BP+tk.Discount.Cents)
	credited, err := env.Srv.Till.CreditedLines(t.Context(), b.salon.ID, uuid.MustParse(b.till.receipt))
	require.NoError(t, err)
	require.Empty(t, credited)
	regs, err := env.Srv.Till.Registers(t.Context(), b.salon.ID)
	require.NoError(t, err)
	require.Equal(t, "Caisse Bêta", regs[0].Name)
	require.True(t, regs[0].Open())
}

func tillRoute(method, pattern string, path func(b victim) string, form url.Values) crossTenantRoute {
	r := crossTenantRoute{method: method, pattern: pattern, path: path, unchanged: tillUnchanged}
	if form != nil {
		r.form = func(victim) url.Values { return form }
	}
	return r
}

var tillCrossTenantRoutes = []crossTenantRoute{
	tillRoute("POST", "/app/till/registers/:id", func(b victim) string { return "/app/till/registers/" + b.till.register },
		url.Values{"name": {"Volée"}}),
	tillRoute("POST", "/app/till/registers/:id/open", func(b victim) string { return "/app/till/registers/" + b.till.register + "/open" },
		url.Values{"float": {"10"}}),
	tillRoute("POST", "/app/till/registers/:id/close", func(b victim) string { return "/app/till/registers/" + b.till.register + "/close" },
		url.Values{"counted": {"10"}}),
	tillRoute("POST", "/app/till/visits/:id", func(b victim) string { return "/app/till/visits/" + b.appointment }, nil),
	tillRoute("GET", "/app/till/tickets/:id", func(b victim) string { return "/app/till/tickets/" + b.till.ticket }, nil),
	tillRoute("POST", "/app/till/tickets/:id/lines", func(b victim) string { return "/app/till/tickets/" + b.till.ticket + "/lines" },
		url.Values{"kind": {"free"}, "label": {"Volée"}, "price": {"1"}, "rate": {"2000"}, "quantity": {"1"}}),
	tillRoute("POST", "/app/till/tickets/:id/lines/:line/remove", func(b victim) string {
		return "/app/till/tickets/" + b.till.ticket + "/lines/" + b.till.line + "/remove"
	}, nil),
	tillRoute("POST", "/app/till/tickets/:id/lines/:line/discount", func(b victim) string {
		return "/app/till/tickets/" + b.till.ticket + "/lines/" + b.till.line + "/discount"
	}, url.Values{"discount_percent": {"50"}, "discount_reason": {"Volée"}}),
	tillRoute("POST", "/app/till/tickets/:id/discount", func(b victim) string { return "/app/till/tickets/" + b.till.ticket + "/discount" },
		url.Values{"discount_percent": {"50"}, "discount_reason": {"Volée"}}),
	tillRoute("POST", "/app/till/tickets/:id/client", func(b victim) string { return "/app/till/tickets/" + b.till.ticket + "/client" }, nil),
	tillRoute("POST", "/app/till/tickets/:id/payments", func(b victim) string { return "/app/till/tickets/" + b.till.ticket + "/payments" },
		url.Values{"method": {"card"}, "amount": {"5"}}),
	tillRoute("POST", "/app/till/tickets/:id/payments/:payment/remove", func(b victim) string {
		return "/app/till/tickets/" + b.till.ticket + "/payments/" + b.till.payment + "/remove"
	}, nil),
	tillRoute("POST", "/app/till/tickets/:id/phone", func(b victim) string { return "/app/till/tickets/" + b.till.ticket + "/phone" }, nil),
	tillRoute("GET", "/app/till/tickets/:id/phone", func(b victim) string { return "/app/till/tickets/" + b.till.ticket + "/phone" }, nil),
	tillRoute("POST", "/app/till/tickets/:id/close", func(b victim) string { return "/app/till/tickets/" + b.till.ticket + "/close" }, nil),
	tillRoute("POST", "/app/till/tickets/:id/delete", func(b victim) string { return "/app/till/tickets/" + b.till.ticket + "/delete" }, nil),
	tillRoute("GET", "/app/till/receipts/:id", func(b victim) string { return "/app/till/receipts/" + b.till.receipt }, nil),
	{method: "POST", pattern: "/app/till/receipts/:id/credit", unchanged: tillUnchanged,
		path: func(b victim) string { return "/app/till/receipts/" + b.till.receipt + "/credit" },
		form: func(b victim) url.Values { return url.Values{"method": {"cash"}, "line_id": {b.till.receiptLine}} }},
}
