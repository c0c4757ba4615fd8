package web_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"github.com/stripe/stripe-go/v76"

	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/till"
)

func expiredSession(t *testing.T, account, sessionID string, meta map[string]string) []byte {
	t.Helper()
	obj, err := json.Marshal(map[string]any{"id": sessionID, "object": "checkout.session", "mode": "payment", "status": "expired",
		"payment_status": "unpaid", "metadata": meta})
	require.NoError(t, err)
	b, err := json.Marshal(map[string]any{"id": "evt_" + strings.ReplaceAll(uuid.NewString(), "-", ""), "object": "event",
		"api_version": stripe.APIVersion, "type": "checkout.session.expired", "account": account, "created": time.Now().Unix(),
		"livemode": false, "data": map[string]any{"object": json.RawMessage(obj)}})
	require.NoError(t, err)
	return b
}

// Stripe's checkout.session.expired reaches the till: the ticket page stops
// waiting on a dead link, says it expired and sends a new one on request.
func TestExpiredPhoneLinkShowsOnTheTicketAndANewOneCanBeSent(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true})
	account := "acct_" + strings.ReplaceAll(uuid.NewString()[:12], "-", "")
	s, owner := phoneTill(t, env, account)
	ticket := openTicket(t, owner)
	ticketID := uuid.MustParse(ticket[strings.LastIndex(ticket, "/")+1:])
	require.Equal(t, 303, owner.Post(ticket+"/phone", nil).Status)
	links, err := env.Srv.Till.Links(t.Context(), s.ID, ticketID)
	require.NoError(t, err)
	require.Len(t, links, 1)

	meta := map[string]string{"salon_id": s.ID.String(), "ticket_id": ticketID.String(), "till_payment_id": links[0].ID.String()}
	require.Contains(t, postStripeEvent(t, env, expiredSession(t, account, links[0].SessionID, meta)), `"duplicate":false`)
	require.Eventually(t, func() bool {
		ls, err := env.Srv.Till.Links(t.Context(), s.ID, ticketID)
		return err == nil && ls[0].Status == till.LinkExpired
	}, 15*time.Second, 50*time.Millisecond, "the webhook's job never ended the link")

	p := owner.Get(ticket)
	require.Contains(t, p.Text("#phone-expired"), "expiré")
	require.Empty(t, p.Doc.Find("#phone-link").Nodes, "no QR code of a dead link, no polling")
	require.Contains(t, p.Text("#phone-start"), "nouveau lien")

	require.Equal(t, 303, owner.Post(ticket+"/phone", nil).Status)
	p = owner.Get(ticket)
	require.Empty(t, p.Doc.Find("#phone-expired").Nodes)
	require.NotEmpty(t, p.Doc.Find("#phone-link img").Nodes, "the new link's QR code")
	calls := env.Stripe.CallsOn(account, "/v1/checkout/sessions")
	require.Len(t, calls, 2)
	require.NotEqual(t, calls[0].IdempotencyKey, calls[1].IdempotencyKey, "a new session, not the expired one again")
}
