package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/till"
)

// phoneTill is a salon whose till is set up, on an environment that talks to
// stripe-mock; connected names the salon's Stripe account ("" for none).
func phoneTill(t *testing.T, env *testkit.Env, connected string) (testkit.Salon, *testkit.Client) {
	t.Helper()
	s := env.NewSalon("Institut Mobile")
	owner := env.Login(s.OwnerEmail)
	require.Equal(t, 303, owner.Post("/app/till/registers", url.Values{"name": {"Comptoir"}}).Status)
	if connected != "" {
		require.NoError(t, env.Srv.DB.Unscoped(t.Context(), func(tx store.Tx) error {
			if err := tx.SalonStripeCreate(t.Context(), dbq.SalonStripeCreateParams{TenantID: s.ID, AccountID: connected}); err != nil {
				return err
			}
			_, err := tx.SalonStripeSync(t.Context(), dbq.SalonStripeSyncParams{AccountID: connected, ChargesEnabled: true, PayoutsEnabled: true, DetailsSubmitted: true})
			return err
		}))
	}
	return s, owner
}

// postStripeEvent posts a checkout.session.completed from the account,
// signed with the Connect endpoint's secret, and returns the answer's body.
func postStripeEvent(t *testing.T, env *testkit.Env, payload []byte) string {
	t.Helper()
	req, err := http.NewRequest("POST", env.URL+"/webhooks/stripe", strings.NewReader(string(payload)))
	require.NoError(t, err)
	signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: testkit.StripeConnectWebhookSecret})
	req.Header.Set("Stripe-Signature", signed.Header)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var out map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	require.Equal(t, 200, resp.StatusCode)
	b, _ := json.Marshal(out)
	return string(b)
}

func completedSession(t *testing.T, account, sessionID, intent string, meta map[string]string) []byte {
	t.Helper()
	obj, err := json.Marshal(map[string]any{"id": sessionID, "object": "checkout.session", "mode": "payment", "status": "complete",
		"payment_status": "paid", "payment_intent": intent, "metadata": meta})
	require.NoError(t, err)
	b, err := json.Marshal(map[string]any{"id": "evt_" + strings.ReplaceAll(uuid.NewString(), "-", ""), "object": "event",
		"api_version": stripe.APIVersion, "type": "checkout.session.completed", "account": account, "created": time.Now().Unix(),
		"livemode": false, "data": map[string]any{"object": json.RawMessage(obj)}})
	require.NoError(t, err)
	return b
}

func TestTicketPaidOnThePhoneClosesByTheWebhookOnce(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true})
	account := "acct_" + strings.ReplaceAll(uuid.NewString()[:12], "-", "")
	s, owner := phoneTill(t, env, account)
	ticket := openTicket(t, owner)
	ticketID := uuid.MustParse(ticket[strings.LastIndex(ticket, "/")+1:])

	p := owner.Post(ticket+"/phone", nil)
	require.Equal(t, 303, p.Status, p.Text(".error"))
	p = owner.Follow(p)
	src, ok := p.Doc.Find("#phone-link img").Attr("src")
	require.True(t, ok, "a QR code to scan")
	require.True(t, strings.HasPrefix(src, "data:image/png;base64,"))
	poll, _ := p.Doc.Find("#phone-link").Attr("hx-trigger")
	require.Equal(t, "every 3s", poll, "the page asks while the link is pending")
	calls := env.Stripe.CallsOn(account, "/v1/checkout/sessions")
	require.Len(t, calls, 1)
	require.Equal(t, "3000", calls[0].Form.Get("line_items[0][price_data][unit_amount]"))
	require.Equal(t, ticketID.String(), calls[0].Form.Get("metadata[ticket_id]"))
	links, err := pendingLinks(env, t.Context(), s.ID, ticketID)
	require.NoError(t, err)
	require.Len(t, links, 1)

	meta := map[string]string{"salon_id": s.ID.String(), "ticket_id": ticketID.String(), "till_payment_id": calls[0].Form.Get("metadata[till_payment_id]")}
	event := completedSession(t, account, links[0].SessionID, "pi_phone1", meta)
	require.Contains(t, postStripeEvent(t, env, event), `"duplicate":false`)
	deadline := time.Now().Add(15 * time.Second)
	for {
		tk, err := env.Srv.Till.Ticket(t.Context(), s.ID, ticketID)
		require.NoError(t, err)
		if tk.Closed() {
			require.Equal(t, int64(1), tk.Number)
			break
		}
		require.False(t, time.Now().After(deadline), "the webhook's job never closed the ticket")
		time.Sleep(50 * time.Millisecond)
	}

	owner.Header = http.Header{"Hx-Request": {"true"}}
	p = owner.Get(ticket + "/phone")
	owner.Header = nil
	require.Equal(t, "/app/till/receipts/"+ticketID.String(), p.Header.Get("HX-Redirect"))
	receipt := owner.Get("/app/till/receipts/" + ticketID.String())
	require.Contains(t, receipt.Text("#receipt-number"), "Ticket n° 1")
	require.Contains(t, receipt.Text("#receipt"), "Stripe")

	require.Contains(t, postStripeEvent(t, env, event), `"duplicate":true`, "a replayed event is not processed again")
}

func TestPhoneLinkOfAnUnconnectedSalonIsRefusedOnTheTicket(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true, NoWorkers: true})
	_, owner := phoneTill(t, env, "")
	ticket := openTicket(t, owner)
	require.Empty(t, owner.Get(ticket).Doc.Find("#phone-start").Nodes, "no button without a Stripe account")

	p := owner.Post(ticket+"/phone", nil)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.Text("#phone-pay .error"), "Connectez le compte Stripe")
}

// pendingLinks are the ticket's phone links not paid yet, as its page lists them.
func pendingLinks(env *testkit.Env, ctx context.Context, salonID, ticketID uuid.UUID) ([]till.Link, error) {
	links, err := env.Srv.Till.Links(ctx, salonID, ticketID)
	return slices.DeleteFunc(links, func(l till.Link) bool { return l.Status != till.LinkPending }), err
}
