package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/urls"
)

// TestTheOwnerClosesTheDayAndExportsAVerifiableArchive: the journal page
// shows the key's fingerprint; « Clôturer la journée » lists the day's
// closure with its total; the exported archive verifies offline, and a
// period that ends before it starts is refused beside the field.
func TestTheOwnerClosesTheDayAndExportsAVerifiableArchive(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a := env.NewSalon("Institut Caisse")
	register := uuid.New()
	d := journal.Document{Number: 1, Currency: "EUR", ExclCents: 5000, VATCents: 1000, InclCents: 6000,
		Lines:    []journal.Line{{Kind: "service", Label: "Coupe", Quantity: 1, UnitCents: 6000, InclCents: 6000, RateBP: 2000}},
		VAT:      []journal.RateAmount{{RateBP: 2000, BaseCents: 5000, VATCents: 1000}},
		Payments: []journal.MethodAmount{{Method: "card", Cents: 4000}, {Method: "cash", Cents: 2000}}}
	require.NoError(t, env.Srv.DB.WithTenant(context.Background(), a.ID, func(tx store.Tx) error {
		_, err := env.Srv.Journal.Append(context.Background(), tx, journal.Entry{TenantID: a.ID, RegisterID: register,
			Kind: journal.KindTicket, At: env.Clock.Now().Add(-time.Minute), Document: &d})
		return err
	}))
	owner := env.Login(a.OwnerEmail)

	p := owner.Get(urls.TillJournal())
	require.Equal(t, 200, p.Status)
	require.Equal(t, env.Srv.Journal.Key.ID(), p.Text("#journal-key-id"))
	require.Equal(t, env.Srv.Journal.Key.PublicBase64(), p.Text("#journal-public-key"))
	require.Contains(t, p.Text(".journal-register"), register.String()[:8])

	p = owner.Follow(owner.Post(urls.TillJournalClose(register), nil))
	require.Equal(t, 200, p.Status)
	row := strings.Join(strings.Fields(p.Text(".journal-closure")), " ")
	require.Contains(t, row, "Jour")
	require.Contains(t, row, "60,00 €")

	sal, err := env.Srv.Salons.Get(context.Background(), a.ID)
	require.NoError(t, err)
	today := env.Clock.Now().In(sal.Location()).Format(time.DateOnly)
	p = owner.Post(urls.TillJournalArchiveAll(), url.Values{"from": {today}, "to": {"2000-01-01"}})
	require.Equal(t, 422, p.Status)
	require.NotEmpty(t, p.FieldError("to"))
	require.Equal(t, "2000-01-01", p.Value(`input[name="to"]`), "the form comes back as typed")

	p = owner.Post(urls.TillJournalArchive(register), url.Values{"from": {today}, "to": {today}})
	require.Equal(t, 200, p.Status)
	require.Equal(t, "application/zip", p.Header.Get("Content-Type"))
	rep, err := journal.VerifyArchive(strings.NewReader(p.Body), int64(len(p.Body)))
	require.NoError(t, err)
	require.Equal(t, 2, rep.Entries, "the ticket and the day's closure")
	require.Equal(t, 1, rep.ClosuresSummed)
}
