package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// closedReceipt sells a 30 € brushing paid by card and returns the receipt's path.
func closedReceipt(t *testing.T, c *testkit.Client) string {
	t.Helper()
	ticket := openTicket(t, c)
	p := c.Post(ticket+"/payments", url.Values{"method": {"card"}, "amount": {"30"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	p = c.Post(ticket+"/close", nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	// Closing leads to the farewell, which links the receipt.
	receipt, _ := c.Follow(p).Doc.Find("#farewell-receipt").Attr("href")
	require.Contains(t, receipt, "/app/till/receipts/")
	return receipt
}

// journalCount counts the salon's journal entries of a kind whose signed
// payload contains text ("" for any).
func journalCount(t *testing.T, env *testkit.Env, salonID uuid.UUID, kind, text string) int {
	t.Helper()
	n := 0
	err := env.Srv.DB.WithTenant(t.Context(), salonID, func(tx store.Tx) error {
		return tx.Raw().QueryRow(t.Context(), `SELECT count(*) FROM journal_entries
			WHERE tenant_id = $1 AND kind = $2 AND position($3::bytea IN payload) > 0`, salonID, kind, []byte(text)).Scan(&n)
	})
	require.NoError(t, err)
	return n
}

func TestAReceiptSentByEmailArrivesInFrenchWithALinkThatOpensWithoutSigningIn(t *testing.T) {
	t.Parallel()
	env, s, _, nina := tillSalon(t)
	jeanne := "jeanne-" + s.ID.String() + "@example.com" // the package's tests share one mailbox
	receipt := closedReceipt(t, nina)
	page := nina.Get(receipt)
	require.Equal(t, 200, page.Status)
	require.Equal(t, "Envoyer par e-mail", page.Text("#send-email button"))
	require.Equal(t, "Envoyer un lien par SMS", page.Text("#send-sms button"))
	require.Equal(t, "Imprimer", page.Text("#print button"))

	p := nina.Post(receipt+"/send/email", url.Values{"email": {jeanne}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Contains(t, nina.Follow(p).Text("#receipt-sent"), "Ticket envoyé par e-mail")

	mail := env.Mail.Wait(t, jeanne, 1)
	require.Contains(t, mail.Subject, "Institut Caisse · votre ticket n° 1")
	for _, want := range []string{"Ticket n° 1 du", "SIRET 73282932000074", "Brushing", "Total HT : 25,00", "TVA 20 % : 5,00",
		"Total TTC : 30,00", "Carte bancaire 30,00"} {
		require.Contains(t, mail.Text, want)
	}
	require.NotContains(t, mail.Text, "DUPLICATA", "the first sending is the original")
	require.Contains(t, mail.HTML, "Brushing")

	link, err := url.Parse(mail.Link(t, "/r/"))
	require.NoError(t, err)
	public := env.NewClient().Get(link.Path)
	require.Equal(t, 200, public.Status)
	require.Contains(t, public.Text("#receipt-number"), "Ticket n° 1")
	require.Contains(t, public.Text("#receipt"), "Brushing")
	require.Contains(t, public.Text("#receipt-key"), env.Srv.Journal.Key.ID())
	require.Empty(t, public.Doc.Find("#hand-over, form[action$='/credit']").Nodes, "nothing of the back office")

	last := "A"
	if strings.HasSuffix(link.Path, "A") {
		last = "B"
	}
	altered := link.Path[:len(link.Path)-1] + last
	require.Equal(t, 404, env.NewClient().Get(altered).Status)
}

func TestLaterPrintsAndResendsAreNumberedDuplicatasSignedIntoTheJournal(t *testing.T) {
	t.Parallel()
	env, s, _, nina := tillSalon(t)
	jeanne := "jeanne-" + s.ID.String() + "@example.com" // the package's tests share one mailbox
	receipt := closedReceipt(t, nina)

	first := nina.Post(receipt+"/print", nil)
	require.Equal(t, 200, first.Status)
	require.Len(t, first.Doc.Find("[data-autoprint]").Nodes, 1, "the printed page opens the print dialog")
	require.Empty(t, first.Doc.Find("#duplicata").Nodes, "the first print is the original")

	second := nina.Post(receipt+"/print", nil)
	require.Equal(t, 200, second.Status)
	require.Equal(t, "DUPLICATA n° 1", second.Text("#duplicata"))
	require.Equal(t, 1, journalCount(t, env, s.ID, "reprint", ""))

	for _, n := range []int{1, 2} {
		require.Equal(t, 303, nina.Post(receipt+"/send/email", url.Values{"email": {jeanne}}).Status)
		env.Mail.Wait(t, jeanne, n)
	}
	// The two emails leave through the job queue, so they may arrive in either order.
	var marks []string
	for _, m := range env.Mail.To(jeanne) {
		switch {
		case strings.Contains(m.Text, "DUPLICATA n° 2"):
			marks = append(marks, "duplicata 2")
		case strings.Contains(m.Text, "DUPLICATA"):
			marks = append(marks, "other duplicata")
		default:
			marks = append(marks, "original")
		}
	}
	require.ElementsMatch(t, []string{"original", "duplicata 2"}, marks, "a resend follows the prints' count")
	require.Equal(t, 2, journalCount(t, env, s.ID, "reprint", ""))

	third := nina.Post(receipt+"/print", nil)
	require.Equal(t, "DUPLICATA n° 3", third.Text("#duplicata"))
	require.Equal(t, 3, journalCount(t, env, s.ID, "reprint", ""))
	require.Contains(t, nina.Get(receipt).Text("#receipt-issued"), "Imprimé 3 fois, envoyé 2 fois")
}

func TestTheSettingsPagePublishesTheJournalKey(t *testing.T) {
	t.Parallel()
	env, _, owner, _ := tillSalon(t)
	p := owner.Get("/app/settings")
	require.Equal(t, 200, p.Status)
	require.Contains(t, p.Text("#certified-till h2"), "Caisse certifiée")
	require.Equal(t, env.Srv.Journal.Key.ID(), p.Text("#journal-key-id"))
	require.Equal(t, env.Srv.Journal.Key.PublicBase64(), p.Text("#journal-key"))
}

func TestOpeningTheCaisseSignsTheMemberInOncePerDay(t *testing.T) {
	t.Parallel()
	env, s, owner, nina := tillSalon(t)
	openTicket(t, nina) // opens the day
	require.Equal(t, 200, nina.Get("/app/till").Status)
	require.Equal(t, 200, nina.Get("/app/till").Status)
	require.Equal(t, 1, journalCount(t, env, s.ID, "event", "till_sign_in"))
	require.Equal(t, 200, owner.Get("/app/till").Status)
	require.Equal(t, 2, journalCount(t, env, s.ID, "event", "till_sign_in"))
}
