package customer_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/store"
)

func TestExportHoldsEverythingTheRecordHoldsAndNothingOfAnotherClient(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	lea := b.client(t, "Léa", "Martin", "lea@example.com", "0612345678")
	other := b.client(t, "Chloé", "Bernard", "chloe@example.com", "0698765432")
	h := b.giveHistory(t, lea, "lea")
	b.giveHistory(t, other, "chloe")

	e, err := b.customers().Export(ctx, b.salon.ID, lea, b.salon.Name, "EUR", time.Now())
	require.NoError(t, err)
	require.Equal(t, "Léa", e.Client.FirstName)
	require.Equal(t, "+33612345678", e.Client.Phone)
	require.Equal(t, "1990-04-12", e.Client.BirthDate)
	require.Equal(t, "Allergique au latex", e.Client.Note)
	require.True(t, e.Preferences.EmailMarketing)
	require.Equal(t, "Visa •••• 4242", e.SavedCard)
	require.Len(t, e.Visits, 1)
	require.Equal(t, h.appointment, e.Visits[0].ID)
	require.Equal(t, int64(6500), e.Visits[0].PriceCents)
	require.Equal(t, "Soin visage", e.Visits[0].Services[0].Name)
	require.Len(t, e.Payments, 1)
	require.Equal(t, int64(2000), e.Payments[0].AmountCents)
	require.Len(t, e.Bookings, 1)
	require.Equal(t, "203.0.113.7", e.Bookings[0].ConsentIP)
	require.Len(t, e.Ledger, 1)
	require.Equal(t, int64(-3000), e.BalanceCents)
	require.Len(t, e.Sheets, 1)
	require.Equal(t, "Sérum lea", e.Sheets[0].Products)
	var bodies []string
	for _, m := range e.Messages {
		bodies = append(bodies, m.Body)
	}
	require.Contains(t, bodies, "Bonjour lea, à bientôt.", "messages with their bodies")

	js, err := json.Marshal(e)
	require.NoError(t, err)
	for _, leak := range []string{"chloe", "Chloé", "Bernard", "698765432"} {
		require.NotContains(t, string(js), leak, "nothing of another client")
	}
}

func TestEraseKeepsTheAccountsAndRemovesThePerson(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	lea := b.client(t, "Léa", "Martin", "lea@example.com", "0612345678")
	h := b.giveHistory(t, lea, "lea")
	before, _, err := b.customers().Ledger(ctx, b.salon.ID, lea)
	require.NoError(t, err)

	err = b.customers().Erase(ctx, b.salon.ID, lea, "Client effacé", time.Now(), customer.EraseInput{ConfirmName: "Paul Martin"})
	require.Equal(t, "clientdata.erase_confirm_wrong", apperr.FieldsOf(err)["confirm_name"], "the name typed must be the client's")
	require.NoError(t, b.customers().Erase(ctx, b.salon.ID, lea, "Client effacé", time.Now(), customer.EraseInput{ConfirmName: "  lea MARTIN "}))

	rec, err := b.customers().Get(ctx, b.salon.ID, lea)
	require.NoError(t, err)
	require.True(t, rec.Erased)
	require.NotNil(t, rec.ErasedAt)
	require.Equal(t, "Client effacé", rec.Name())
	require.Empty(t, rec.Email+rec.Phone+rec.Address+rec.PostalCode+rec.City+rec.Note+rec.Gender)
	require.Nil(t, rec.BirthDate)
	require.False(t, rec.EmailTransactional || rec.EmailMarketing || rec.SMSTransactional || rec.SMSMarketing)
	require.Equal(t, "blocked", rec.PortalAccess)

	// What the accounts need stays: the visit, its price, the payment, the ledger.
	require.Equal(t, 1, b.count(t, "SELECT count(*) FROM appointments WHERE customer_id = $1", lea))
	require.Equal(t, 6500, b.count(t, "SELECT sum(price_cents)::int FROM appointment_services WHERE appointment_id = $1", h.appointment))
	require.Equal(t, 2000, b.count(t, "SELECT amount_cents::int FROM payments WHERE id = $1", h.payment))
	after, sum, err := b.customers().Ledger(ctx, b.salon.ID, lea)
	require.NoError(t, err)
	require.Equal(t, before, after, "the ledger is append-only: its entries stay whole")
	require.Equal(t, int64(-3000), sum)

	// The person goes.
	require.Zero(t, b.count(t, "SELECT count(*) FROM technical_sheets WHERE customer_id = $1", lea), "health data deleted")
	require.Zero(t, b.count(t, "SELECT count(*) FROM portal_links WHERE customer_id = $1", lea))
	require.Zero(t, b.count(t, "SELECT count(*) FROM booking_links l JOIN bookings b ON b.id = l.booking_id WHERE b.customer_id = $1", lea),
		"an old email's manage link opens nothing")
	require.Zero(t, b.count(t, "SELECT count(*) FROM customer_stripe WHERE customer_id = $1", lea))
	require.Zero(t, b.count(t, "SELECT count(*) FROM appointments WHERE customer_id = $1 AND note <> ''", lea))
	require.Zero(t, b.count(t, "SELECT count(*) FROM bookings WHERE customer_id = $1 AND (email <> '' OR consent_ip <> '')", lea))
	require.Equal(t, 1, b.count(t, `SELECT count(*) FROM messages WHERE id = $1 AND to_address = '' AND subject = '' AND body = ''
		AND kind = 'confirmation' AND status = 'skipped' AND skip_reason = 'erased'`, h.message), "kept as a dated line, not sent")
	require.Zero(t, b.count(t, "SELECT count(*) FROM customers WHERE search_text LIKE '%lea%' OR search_text LIKE '%martin%'"))

	page, err := b.customers().List(ctx, b.salon.ID, customer.ListQuery{})
	require.NoError(t, err)
	require.Zero(t, page.Total, "an erased client leaves the list")
	page, err = b.customers().List(ctx, b.salon.ID, customer.ListQuery{Search: "efface"})
	require.NoError(t, err)
	require.Zero(t, page.Total, "and the search")

	err = b.customers().Erase(ctx, b.salon.ID, lea, "Client effacé", time.Now(), customer.EraseInput{ConfirmName: "Client effacé"})
	require.Equal(t, apperr.Conflict, apperr.CodeOf(err), "once is enough")
}

func TestEraseAlsoErasesTheRecordsMergedIntoIt(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	kept := b.client(t, "Léa", "Martin", "lea@example.com", "")
	dup := b.client(t, "Léa", "Martin-Durand", "lea.durand@example.com", "0612345678")
	require.NoError(t, b.customers().Merge(ctx, b.salon.ID, kept, dup, b.owner, "EUR"))
	require.NoError(t, b.customers().Erase(ctx, b.salon.ID, kept, "Client effacé", time.Now(), customer.EraseInput{ConfirmName: "Léa Martin"}))
	old, err := b.customers().Get(ctx, b.salon.ID, dup)
	require.NoError(t, err)
	require.True(t, old.Erased)
	require.Empty(t, old.Email+old.Phone)
	require.Equal(t, "Client effacé", old.Name())
}

func TestMergeMovesEverythingAndKeepsTheBalanceWhole(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	kept := b.client(t, "Léa", "Martin", "lea@example.com", "")
	other := b.client(t, "Léa", "Martin", "", "0612345678")
	require.NoError(t, b.customers().Update(ctx, b.salon.ID, kept, customer.RecordInput{FirstName: "Léa", LastName: "Martin",
		Email: "lea@example.com", Note: "Préfère le matin", PaymentMode: "default", Region: "FR"}))
	b.giveHistory(t, kept, "kept")
	b.giveHistory(t, other, "other")
	require.NoError(t, b.customers().AddEntry(ctx, b.salon.ID, other, b.owner, "EUR", customer.EntryInput{Cents: 5000, Note: "Avoir"}))
	k0, _ := b.customers().Get(ctx, b.salon.ID, kept)
	o0, _ := b.customers().Get(ctx, b.salon.ID, other)
	require.Equal(t, int64(2000), o0.BalanceCents, "-30 + 50")

	tables := []string{"appointments", "bookings", "technical_sheets", "messages", "portal_links"}
	want := map[string]int{}
	for _, table := range tables {
		want[table] = b.count(t, "SELECT count(*) FROM "+table+" WHERE customer_id = $1 OR customer_id = $2", kept, other)
	}

	p, err := b.customers().MergePreview(ctx, b.salon.ID, kept, other)
	require.NoError(t, err)
	require.Equal(t, "+33612345678", p.Result.Phone, "the kept record's empty phone comes from the other")
	require.Equal(t, "Préfère le matin\n\nAllergique au latex", p.Result.Note)
	require.Equal(t, k0.BalanceCents+o0.BalanceCents, p.BalanceCents)
	require.Equal(t, int64(1), p.OtherCounts.Appointments)

	require.NoError(t, b.customers().Merge(ctx, b.salon.ID, kept, other, b.owner, "EUR"))
	rec, err := b.customers().Get(ctx, b.salon.ID, kept)
	require.NoError(t, err)
	require.Equal(t, "+33612345678", rec.Phone)
	require.Equal(t, "1990-04-12", rec.BirthDate.Format(time.DateOnly), "birth date filled")
	require.Equal(t, "lea@example.com", rec.Email, "the kept record's own values stay")
	require.Equal(t, k0.BalanceCents+o0.BalanceCents, rec.BalanceCents, "the balance is the sum")
	gone, err := b.customers().Get(ctx, b.salon.ID, other)
	require.NoError(t, err)
	require.Equal(t, &kept, gone.MergedInto)
	require.Zero(t, gone.BalanceCents, "the merged record's account is settled by the opposite entry")

	for _, table := range tables {
		require.Zero(t, b.count(t, "SELECT count(*) FROM "+table+" WHERE customer_id = $1", other), table)
		require.Equal(t, want[table], b.count(t, "SELECT count(*) FROM "+table+" WHERE customer_id = $1", kept), table)
	}
	require.Equal(t, 1, b.count(t, "SELECT count(*) FROM customer_stripe WHERE customer_id = $1 AND stripe_customer_id = 'cus_kept'", kept),
		"the kept record's card stays")
	require.Zero(t, b.count(t, "SELECT count(*) FROM customer_stripe WHERE customer_id = $1", other))
	h, err := b.customers().Visits(ctx, b.salon.ID, kept, time.UTC, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.Len(t, h.Upcoming, 2)

	page, err := b.customers().List(ctx, b.salon.ID, customer.ListQuery{Search: "martin"})
	require.NoError(t, err)
	require.EqualValues(t, 1, page.Total, "the merged record leaves the list")
	found, err := b.customers().Search(ctx, b.salon.ID, "0612345678")
	require.NoError(t, err)
	require.Len(t, found, 1, "and the agenda's search")
	require.Equal(t, kept, found[0].ID)
	err = b.env.Srv.DB.WithTenant(ctx, b.salon.ID, func(tx store.Tx) error {
		// A phone alone proves nothing: a new record, flagged as looking like the kept one.
		c, err := customer.IdentifyOnlineTx(ctx, tx, b.salon.ID, customer.OnlineInput{FirstName: "Léa", LastName: "Martin",
			Email: "nouvelle@example.com", Phone: "+33612345678"})
		require.NoError(t, err)
		require.False(t, c.Proven)
		require.NotEqual(t, kept, c.ID)
		require.Equal(t, []uuid.UUID{kept}, c.Lookalikes, "the record kept, never the merged one")
		// Its email and its phone together are the kept record's.
		c, err = customer.IdentifyOnlineTx(ctx, tx, b.salon.ID, customer.OnlineInput{FirstName: "Léa", LastName: "Martin",
			Email: "lea@example.com", Phone: "+33612345678"})
		require.True(t, c.Proven)
		require.Equal(t, kept, c.ID, "an online booking with the record kept's email and phone goes to it")
		return err
	})
	require.NoError(t, err)
}

func TestMergeMovesTheOthersCardWhenTheKeptHasNone(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	kept := b.client(t, "Léa", "Martin", "lea@example.com", "")
	other := b.client(t, "Léa", "Martin", "", "0612345678")
	b.giveHistory(t, other, "other")
	require.NoError(t, b.customers().Merge(ctx, b.salon.ID, kept, other, b.owner, "EUR"))
	require.Equal(t, 1, b.count(t, "SELECT count(*) FROM customer_stripe WHERE customer_id = $1 AND stripe_customer_id = 'cus_other'", kept))
}

func TestBadMergesAreRefused(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	lea := b.client(t, "Léa", "Martin", "lea@example.com", "")
	dup := b.client(t, "Léa", "Martin", "", "0612345678")
	erased := b.client(t, "Paul", "Petit", "", "")
	require.NoError(t, b.customers().Erase(ctx, b.salon.ID, erased, "Client effacé", time.Now(), customer.EraseInput{ConfirmName: "Paul Petit"}))

	require.Equal(t, apperr.Conflict, apperr.CodeOf(b.customers().Merge(ctx, b.salon.ID, lea, lea, b.owner, "EUR")), "with itself")
	require.Equal(t, apperr.Conflict, apperr.CodeOf(b.customers().Merge(ctx, b.salon.ID, erased, lea, b.owner, "EUR")), "into an erased record")
	require.Equal(t, apperr.Conflict, apperr.CodeOf(b.customers().Merge(ctx, b.salon.ID, lea, erased, b.owner, "EUR")), "an erased record")
	require.NoError(t, b.customers().Merge(ctx, b.salon.ID, lea, dup, b.owner, "EUR"))
	require.Equal(t, apperr.Conflict, apperr.CodeOf(b.customers().Merge(ctx, b.salon.ID, dup, lea, b.owner, "EUR")), "into a merged record")
	require.Equal(t, apperr.NotFound, apperr.CodeOf(b.customers().Merge(ctx, b.salon.ID, lea, uuid.New(), b.owner, "EUR")))

	other := setup(t)
	stranger := other.client(t, "Zoé", "Ailleurs", "zoe@example.com", "")
	require.Equal(t, apperr.NotFound, apperr.CodeOf(b.customers().Merge(ctx, b.salon.ID, lea, stranger, b.owner, "EUR")),
		"another salon's client is not found")
	rec, err := other.customers().Get(ctx, other.salon.ID, stranger)
	require.NoError(t, err)
	require.Nil(t, rec.MergedInto)
}

func TestMergeCandidatesPutSameContactFirst(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	lea := b.client(t, "Léa", "Martin", "lea@example.com", "0612345678")
	samePhone := b.client(t, "L.", "Martin", "", "06 12 34 56 78")
	b.client(t, "Léane", "Durand", "", "")
	_, list, err := b.customers().MergeCandidates(ctx, b.salon.ID, lea, "lea")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(list), 2)
	require.Equal(t, samePhone, list[0].ID)
	for _, c := range list {
		require.NotEqual(t, lea, c.ID, "never itself")
	}
}

func TestCustomerSearchSeesOnlyTheSalonInTheTransaction(t *testing.T) {
	t.Parallel()
	a, b := setup(t), setup(t)
	a.client(t, "Léa", "Martin", "", "")
	b.client(t, "Léa", "Martinez", "", "")
	ctx := context.Background()
	var names []string
	err := a.env.Srv.DB.WithTenant(ctx, a.salon.ID, func(tx store.Tx) error {
		rows, err := tx.Raw().Query(ctx, "SELECT sort_name FROM customer_search('mart')")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				return err
			}
			names = append(names, n)
		}
		return rows.Err()
	})
	require.NoError(t, err)
	require.Equal(t, []string{"martin léa"}, names)

	var n int
	err = a.env.Srv.DB.WithTenant(ctx, a.salon.ID, func(tx store.Tx) error {
		if _, err := tx.Raw().Exec(ctx, "SELECT set_config('app.tenant_id', '', true)"); err != nil {
			return err
		}
		return tx.Raw().QueryRow(ctx, "SELECT count(*) FROM customer_search('')").Scan(&n)
	})
	require.NoError(t, err)
	require.Zero(t, n, "without a salon, nothing")
}
