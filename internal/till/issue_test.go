package till_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/till"
)

// events counts the salon's journal events whose signed payload names name.
func (b *bundle) events(t *testing.T, name string) int {
	t.Helper()
	n := 0
	err := b.env.Srv.DB.WithTenant(bg, b.salon.ID, func(tx store.Tx) error {
		return tx.Raw().QueryRow(bg, `SELECT count(*) FROM journal_entries WHERE tenant_id = $1 AND kind = 'event'
			AND position($2::bytea IN payload) > 0`, b.salon.ID, []byte(name)).Scan(&n)
	})
	require.NoError(t, err)
	return n
}

func TestAPriceChangeIsSignedIntoEveryRegistersJournal(t *testing.T) {
	t.Parallel()
	b := setup(t)
	_, err := b.till().CreateRegister(bg, b.salon.ID, "Réserve")
	require.NoError(t, err)
	require.NoError(t, b.env.Srv.Catalog.UpdateService(bg, b.salon.ID, b.service,
		catalog.ServiceInput{Name: "Coupe", Duration: 45 * time.Minute, PriceCents: 4500}))
	require.Zero(t, b.events(t, "price_changed"), "the same price is no change")
	require.NoError(t, b.env.Srv.Catalog.UpdateService(bg, b.salon.ID, b.service,
		catalog.ServiceInput{Name: "Coupe", Duration: 45 * time.Minute, PriceCents: 4800}))
	require.Equal(t, 2, b.events(t, "price_changed"), "one per register")
	require.NoError(t, b.env.Srv.Catalog.SaveProduct(bg, b.salon.ID, b.product, catalog.ProductInput{Name: "Shampoing", PriceCents: 1300, Stock: 5}))
	require.Equal(t, 4, b.events(t, "price_changed"))
}

func TestSigningInToTheTillIsJournaledOncePerMemberAndDay(t *testing.T) {
	t.Parallel()
	b := setup(t)
	require.NoError(t, b.till().SignIn(bg, b.salon.ID, b.owner))
	require.NoError(t, b.till().SignIn(bg, b.salon.ID, b.owner))
	require.Equal(t, 1, b.events(t, "till_sign_in"))
	_, err := b.till().CloseDay(bg, b.salon.ID, b.register, b.owner, 10000)
	require.NoError(t, err)
	require.NoError(t, b.till().OpenDay(bg, b.salon.ID, b.register, b.owner, 10000))
	require.NoError(t, b.till().SignIn(bg, b.salon.ID, b.owner))
	require.Equal(t, 2, b.events(t, "till_sign_in"), "a new day, a new sign-in")
}

func TestAnOpenTicketHasNoReceiptToIssue(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.ticket(t, uuid.Nil)
	_, err := b.till().IssueReceipt(bg, b.salon.ID, id, b.owner, till.ChannelPrint)
	require.Error(t, err)
	prints, sends, err := b.till().Issues(bg, b.salon.ID, id)
	require.NoError(t, err)
	require.Zero(t, prints+sends)
}
