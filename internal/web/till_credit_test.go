package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// soldReceipt sells the Brushing (30 €), 3 shampoos at 10 € and a sample
// offered (0 €), paid by card, and returns the receipt's path and page.
func soldReceipt(t *testing.T, c *testkit.Client) (string, *testkit.Page) {
	t.Helper()
	ticket := openTicket(t, c)
	for _, l := range []url.Values{
		{"kind": {"free"}, "label": {"Shampoing"}, "price": {"10"}, "rate": {"2000"}, "quantity": {"3"}},
		{"kind": {"free"}, "label": {"Échantillon"}, "price": {"0"}, "rate": {"2000"}, "quantity": {"1"}},
	} {
		p := c.Post(ticket+"/lines", l)
		require.Equal(t, 303, p.Status, p.Text(".alert"))
	}
	require.Equal(t, 303, c.Post(ticket+"/payments", url.Values{"method": {"card"}, "amount": {"60"}}).Status)
	p := c.Post(ticket+"/close", nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	path := c.Follow(p).Doc.Find("#farewell-receipt").AttrOr("href", "")
	p = c.Get(path)
	require.Equal(t, 200, p.Status)
	return path, p
}

// lineID is the id of the receipt's line labelled label, in the credit form.
func lineID(t *testing.T, p *testkit.Page, label string) string {
	t.Helper()
	id := p.Doc.Find(".credit-line").FilterFunction(func(_ int, s *goquery.Selection) bool {
		return strings.Contains(s.Text(), label)
	}).Find("input[name=line_id]").AttrOr("value", "")
	require.NotEmpty(t, id, label)
	return id
}

func TestACashierGivesBackOneOfThreeShampoosThenNoMoreThanTheTwoLeft(t *testing.T) {
	t.Parallel()
	_, _, _, nina := tillSalon(t)
	path, receipt := soldReceipt(t, nina)
	action := receipt.Doc.Find(`form[action$="/credit"]`).AttrOr("action", "")
	shampoo := lineID(t, receipt, "Shampoing")
	require.Equal(t, "3", receipt.Value("#credit-qty-"+shampoo), "all of the line by default")
	require.Equal(t, "Quantité rendue (1 à 3)", receipt.Text(`label[for="credit-qty-`+shampoo+`"]`))

	p := nina.Post(action, url.Values{"line_id": {shampoo}, "quantity_line": {shampoo}, "quantity": {"1"}, "method": {"cash"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	credit := nina.Follow(p)
	require.Contains(t, credit.Text("#receipt-number"), "Avoir n° 2")
	require.Contains(t, credit.Text("#receipt .receipt-lines"), "-1 × 10,00")
	require.Contains(t, credit.Text("#total"), "-10,00")
	require.Contains(t, credit.Text("#receipt-payments"), "-10,00", "ten euros back in cash")

	receipt = nina.Get(path)
	require.Contains(t, receipt.Text("#credit-line-"+shampoo), "1 rendu(s) sur 3")
	require.Equal(t, "2", receipt.Value("#credit-qty-"+shampoo))
	p = nina.Post(action, url.Values{"line_id": {shampoo}, "quantity_line": {shampoo}, "quantity": {"3"}, "method": {"cash"}})
	require.Equal(t, 422, p.Status)
	require.Equal(t, "C'est plus que ce qui reste à rendre sur cette ligne.", p.FieldError("credit-qty-"+shampoo))
	require.Equal(t, "3", p.Value("#credit-qty-"+shampoo), "the quantity comes back as typed")
	require.Equal(t, 1, p.Doc.Find(`input[name=line_id][value="`+shampoo+`"][checked]`).Length(), "still ticked")
	require.Equal(t, `#credit-qty-`+shampoo, p.Doc.Find("#error-summary a").AttrOr("href", ""), "the summary leads to the field")
}

func TestAnOfferedSampleIsGivenBackWithoutAnErrorPage(t *testing.T) {
	t.Parallel()
	_, _, _, nina := tillSalon(t)
	path, receipt := soldReceipt(t, nina)
	action := receipt.Doc.Find(`form[action$="/credit"]`).AttrOr("action", "")
	sample := lineID(t, receipt, "Échantillon")
	p := nina.Post(action, url.Values{"line_id": {sample}, "method": {"cash"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	credit := nina.Follow(p)
	require.Contains(t, credit.Text("#receipt .receipt-lines"), "Échantillon")
	require.Contains(t, credit.Text("#total"), "0,00")
	require.Empty(t, credit.Text("#receipt-payments"), "no money goes out for what cost nothing")
	receipt = nina.Get(path)
	require.Contains(t, receipt.Text("#credit-line-"+sample), "déjà rendu")
}
