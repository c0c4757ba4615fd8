package web_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// Two registers sold today: the takings show both by default, one when the
// owner picks it, and the day links keep the choice.
func TestTheTakingsCanShowOneRegister(t *testing.T) {
	t.Parallel()
	_, _, owner, _ := tillSalon(t)
	ticket := openTicket(t, owner) // Comptoir: 30 €
	require.Equal(t, 303, owner.Post(ticket+"/payments", url.Values{"method": {"card"}, "amount": {"30"}}).Status)
	require.Equal(t, 303, owner.Post(ticket+"/close", nil).Status)
	require.Equal(t, 303, owner.Post("/app/till/registers", url.Values{"name": {"Boutique"}}).Status)
	page := owner.Get("/app/till")
	boutique := page.Doc.Find(`form[action$="/open"]`).AttrOr("action", "")
	require.Equal(t, 303, owner.Post(boutique, url.Values{"float": {"50"}}).Status)
	register := boutique[len("/app/till/registers/") : len(boutique)-len("/open")]
	p := owner.Post("/app/till/tickets", url.Values{"register_id": {register}, "customer_id": {""}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	ticket = p.Location()
	require.Equal(t, 303, owner.Post(ticket+"/lines", url.Values{"kind": {"free"}, "label": {"Vernis"}, "price": {"12"}, "rate": {"2000"}}).Status)
	require.Equal(t, 303, owner.Post(ticket+"/payments", url.Values{"method": {"cash"}, "amount": {"12"}}).Status)
	require.Equal(t, 303, owner.Post(ticket+"/close", nil).Status)

	all := owner.Get("/app/till/takings")
	require.Contains(t, all.Text("#takings-total"), "42,00", "every register by default")
	require.Equal(t, "", all.Doc.Find("#takings-register option[selected]").AttrOr("value", "x"))
	require.Equal(t, 3, all.Doc.Find("#takings-register option").Length(), "all, and each register")

	one := owner.Get("/app/till/takings?register=" + register)
	require.Equal(t, 200, one.Status)
	require.Contains(t, one.Text("#takings-total"), "12,00", "the Boutique alone")
	require.NotContains(t, one.Text("#takings-free"), "Brushing")
	require.Contains(t, one.Text("#takings-cash"), "62,00", "its own float and cash")
	require.NotContains(t, one.Text("#takings-cash"), "Comptoir")
	require.Equal(t, register, one.Doc.Find("#takings-register option[selected]").AttrOr("value", ""))
	require.Contains(t, one.Doc.Find("#takings-prev").AttrOr("href", ""), "register="+register, "the day before, same register")
	require.Contains(t, owner.Get("/app/till/takings?register=nope").Text("#takings-total"), "42,00", "a register that is not there: all")
}
