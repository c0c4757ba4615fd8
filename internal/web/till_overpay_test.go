package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
)

// A client paid a 50 € deposit online; the visit came to 40 €. The ticket
// says before closing that 10 € stay on her account, the receipt says it to
// her, and her record's balance holds it.
func TestADepositAboveTheBillIsShownAndKeptOnTheClientsAccount(t *testing.T) {
	t.Parallel()
	env, s, owner, _ := tillSalon(t)
	page := owner.Get("/app/till")
	open, _ := page.Doc.Find(`form[action$="/open"]`).Attr("action")
	require.Equal(t, 303, owner.Post(open, url.Values{"float": {"0"}}).Status)
	appt, client := tillVisit(t, env, s)
	require.NoError(t, env.Srv.DB.WithTenant(t.Context(), s.ID, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(t.Context(), `INSERT INTO payments (tenant_id, appointment_id, kind, amount_cents, currency, status, payment_intent_id)
			VALUES ($1, $2, 'deposit', 5000, 'EUR', 'succeeded', $3)`, s.ID, appt, "pi_"+appt.String()[:12])
		return err
	}))
	p := owner.Post("/app/till/visits/"+appt.String(), nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	ticket := p.Location()

	p = owner.Get(ticket)
	require.Contains(t, p.Text("#due"), "0,00", "nothing left to pay")
	require.Contains(t, p.Text("#to-account"), "10,00", "the cashier sees where the rest goes before closing")
	p = owner.Post(ticket+"/payments", url.Values{"method": {"card"}, "amount": {"5"}})
	require.Equal(t, 422, p.Status, "nothing is due: a card payment is refused")
	require.NotEmpty(t, p.FieldError("amount"))

	p = owner.Post(ticket+"/close", nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	receiptPath := owner.Follow(p).Doc.Find("#farewell-receipt").AttrOr("href", "")
	receipt := owner.Get(receiptPath)
	require.Equal(t, "Reste en avoir sur votre compte : 10,00 €", strings.ReplaceAll(receipt.Text("#receipt-to-account"), "\u00a0", " "))
	require.Contains(t, receipt.Text("#receipt-payments"), "Acompte payé en ligne")
	to := "avoir-" + s.ID.String() + "@example.com"
	require.Equal(t, 303, owner.Post(receiptPath+"/send/email", url.Values{"email": {to}}).Status)
	mail := env.Mail.Wait(t, to, 1)
	require.Contains(t, strings.ReplaceAll(mail.Text, "\u00a0", " "), "Reste en avoir sur votre compte : 10,00 €", "the emailed receipt says it too")
	_, balance, err := env.Srv.Customers.Ledger(t.Context(), s.ID, client)
	require.NoError(t, err)
	require.Equal(t, int64(1000), balance)
}

// On a phone the amount due and the way to the payment form come before
// the lines, however many there are.
func TestTheAmountDueAndEncaisserComeBeforeTheLines(t *testing.T) {
	t.Parallel()
	_, _, _, nina := tillSalon(t)
	p := nina.Get(openTicket(t, nina))
	html, _ := p.Doc.Find("main").Html()
	require.Less(t, strings.Index(html, `id="due-bar"`), strings.Index(html, `id="lines"`), "the due bar is above the lines")
	require.Contains(t, p.Text("#due-bar"), "30,00")
	href := p.Doc.Find("#to-payment").AttrOr("href", "")
	require.Equal(t, 1, p.Doc.Find(href+" #payment-form").Length(), "Encaisser leads to the payment form")
}
