package web_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTheChequeFormShowsTheAmountInFrenchWords(t *testing.T) {
	t.Parallel()
	_, _, _, nina := tillSalon(t)
	ticket := openTicket(t, nina)

	page := nina.Get(ticket)
	require.Equal(t, 200, page.Status)
	require.Equal(t, "trente euros", page.Text("#cheque-fields #cheque-words .words"), "the amount due, at load")

	words := nina.Get("/app/till/cheque-words?amount=81,50")
	require.Equal(t, 200, words.Status)
	require.Equal(t, "quatre-vingt-un euros et cinquante centimes", words.Text("#cheque-words .words"))
	require.Empty(t, nina.Get("/app/till/cheque-words?amount=abc").Text("#cheque-words .words"), "no words for what is not an amount")

	// A refused cheque comes back with the words of the amount as typed.
	p := nina.Post(ticket+"/payments", url.Values{"method": {"cheque"}, "amount": {"21"}})
	require.Equal(t, 422, p.Status)
	require.Equal(t, "vingt et un euros", p.Text("#cheque-words .words"))
}
