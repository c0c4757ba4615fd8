package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// An unsubscribe link names a salon and a client, signed together: a link
// pairing salon B with salon A's client (as a salon could mint for its own
// client and edit) is not found, and A's client keeps their consent.
func TestAnUnsubscribeLinkNamingAnotherSalonsClientIsNotFound(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a, b := env.NewSalon("Salon Alpha"), env.NewSalon("Salon Bêta")
	client, err := env.Srv.Customers.Create(t.Context(), a.ID, customer.RecordInput{FirstName: "Léa", LastName: "Martin",
		Email: "lea-" + a.Slug + "@example.com", EmailTransactional: true, EmailMarketing: true, PaymentMode: "default", Region: "FR"})
	require.NoError(t, err)

	for _, link := range []string{env.Srv.Messages.UnsubscribeURL(b.ID, client), env.Srv.Messages.UnsubscribeURL(a.ID, b.OwnerID)} {
		path := strings.TrimPrefix(link, env.URL)
		visitor := env.NewClient()
		p := visitor.Get(path)
		require.Equal(t, 404, p.Status)
		require.NotContains(t, p.Body, "Alpha")
		require.NotContains(t, p.Body, "lea-")
		require.Equal(t, 404, visitor.PostRaw(path, url.Values{"List-Unsubscribe": {"One-Click"}}).Status)
		require.Equal(t, 404, visitor.PostRaw(path, url.Values{}).Status)
	}
	consents, err := env.Srv.Customers.Consents(t.Context(), a.ID, client)
	require.NoError(t, err)
	require.Len(t, consents, 1)
	require.True(t, consents[0].Granted, "A's client still accepts A's offers")

	page := env.NewClient().Get(strings.TrimPrefix(env.Srv.Messages.UnsubscribeURL(a.ID, client), env.URL))
	require.Equal(t, 200, page.Status, "the genuine link works")
	require.Contains(t, page.Text("form"), "Salon Alpha")
}
