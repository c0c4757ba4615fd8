package portal_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// shop is a salon open every day 09:00–19:00, connected to Stripe, with one
// 60-minute service at 50 € (paid online as the mode says), one staff
// member, a 24-hour free-cancellation window and a 20 € no-show fee.
type shop struct {
	t       *testing.T
	env     *testkit.Env
	salon   testkit.Salon
	sal     salon.Salon
	service uuid.UUID
	staff   uuid.UUID
	account string
}

func newShop(t *testing.T, env *testkit.Env, name, mode string) shop {
	t.Helper()
	ctx := context.Background()
	s := shop{t: t, env: env, salon: env.NewSalon(name), account: "acct_" + strings.ReplaceAll(uuid.NewString()[:12], "-", "")}
	var err error
	s.sal, err = env.Srv.Salons.Get(ctx, s.salon.ID)
	require.NoError(t, err)
	week := availability.Daily(availability.Hours(9, 19))
	require.NoError(t, env.Srv.Salons.SetHours(ctx, s.salon.ID, week))
	require.NoError(t, env.Srv.Salons.UpdateSettings(ctx, s.salon.ID, salon.SettingsInput{Country: "FR", Name: name, TimeZone: "Europe/Paris",
		Currency: "EUR", Locale: "fr", SlotStep: 15 * time.Minute, MinNotice: 60 * time.Minute, MaxHorizonDays: 60, CancellationWindow: 24 * time.Hour,
		NoShowFeeCents: 2000, DefaultRule: payment.Rule{Mode: payment.ModeNone}, CancelRefund: "refund", DepositName: "acompte"}))
	svc, err := env.Srv.Catalog.CreateService(ctx, s.salon.ID, catalog.ServiceInput{Name: "Soin éclat " + name, Duration: 60 * time.Minute, PriceCents: 5000,
		OnlineBookable: true, Rule: &payment.Rule{Mode: mode, DepositKind: payment.DepositPercent, DepositValue: 30}})
	require.NoError(t, err)
	s.service = svc
	staff, err := env.Srv.Team.Save(ctx, s.salon.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 2, Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	s.staff = staff
	require.NoError(t, env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
		if err := tx.SalonStripeCreate(ctx, dbq.SalonStripeCreateParams{TenantID: s.salon.ID, AccountID: s.account}); err != nil {
			return err
		}
		_, err := tx.SalonStripeSync(ctx, dbq.SalonStripeSyncParams{AccountID: s.account, ChargesEnabled: true, PayoutsEnabled: true, DetailsSubmitted: true})
		return err
	}))
	return s
}

func stripeEnv(t *testing.T) *testkit.Env { return testkit.NewEnv(t, testkit.EnvOptions{Stripe: true}) }

func (s shop) portal() string { return "/b/" + s.salon.Slug + "/account" }

// at is a time two days ahead, in the salon's zone.
func (s shop) at(hhmm string) time.Time {
	n := s.env.Clock.Now().In(s.sal.Location()).AddDate(0, 0, 2)
	t, err := time.ParseInLocation("2006-01-02 15:04", n.Format(time.DateOnly)+" "+hhmm, s.sal.Location())
	require.NoError(s.t, err)
	return t
}

// client adds a record by hand (as staff do) with its portal access set
// directly, so no "access opened" message is sent.
func (s shop) client(first, email, access string) uuid.UUID {
	s.t.Helper()
	ctx := context.Background()
	id, err := s.env.Srv.Customers.Create(ctx, s.salon.ID, customer.RecordInput{FirstName: first, LastName: "Martin", Email: email,
		EmailTransactional: true, PaymentMode: "default", Force: true})
	require.NoError(s.t, err)
	require.NoError(s.t, s.env.Srv.DB.WithTenant(ctx, s.salon.ID, func(tx store.Tx) error {
		_, err := tx.CustomerSetPortal(ctx, dbq.CustomerSetPortalParams{TenantID: s.salon.ID, ID: id, PortalAccess: access})
		return err
	}))
	return id
}

// visit puts a visit for a client in the agenda, as staff book it: a visit
// already past is typed in after the fact, with the form's box saying so.
func (s shop) visit(customerID uuid.UUID, date time.Time, hhmm string) uuid.UUID {
	s.t.Helper()
	clock, err := time.Parse("15:04", hhmm)
	require.NoError(s.t, err)
	start := time.Date(date.Year(), date.Month(), date.Day(), clock.Hour(), clock.Minute(), 0, 0, s.sal.Location())
	id, err := s.env.Srv.Agenda.Create(context.Background(), s.sal, s.salon.OwnerID, agenda.Input{StaffID: s.staff,
		Start: start, ServiceIDs: []uuid.UUID{s.service}, Customer: customer.QuickInput{ID: customerID},
		Past: date.Before(s.env.Clock.Now())})
	require.NoError(s.t, err)
	return id
}

// askLink asks for a sign-in link as a visitor and returns the answer.
func (s shop) askLink(c *testkit.Client, email string) *testkit.Page {
	s.t.Helper()
	c.Get(s.portal())
	return c.Post(s.portal(), url.Values{"email": {email}})
}

// links waits until n sign-in links were mailed to email and returns their paths.
func (s shop) links(email string, n int) []string {
	s.t.Helper()
	var out []string
	require.Eventuallyf(s.t, func() bool {
		out = nil
		for _, m := range s.env.Mail.To(email) {
			if strings.Contains(m.Text, "/account/login/") {
				u, err := url.Parse(m.Link(s.t, "/account/login/"))
				require.NoError(s.t, err)
				out = append(out, u.Path)
			}
		}
		return len(out) >= n
	}, 15*time.Second, 20*time.Millisecond, "%d sign-in links to %s", n, email)
	return out
}

// signIn asks for a link, follows it and lands on the client's page.
func (s shop) signIn(c *testkit.Client, email string) *testkit.Page {
	s.t.Helper()
	home := c.Follow(s.signInResponse(c, email))
	require.Equal(s.t, 200, home.Status)
	return home
}

// signInResponse asks for a link and follows it: the answer sets the session.
func (s shop) signInResponse(c *testkit.Client, email string) *testkit.Page {
	s.t.Helper()
	before := len(s.links(email, 0))
	require.Equal(s.t, 303, s.askLink(c, email).Status)
	links := s.links(email, before+1)
	p := s.useLink(c, links[len(links)-1])
	require.Equal(s.t, 303, p.Status, p.Text(".alert"))
	require.Equal(s.t, s.portal(), p.Location())
	return p
}

// useLink opens a sign-in link as a client does: the page it opens signs
// nobody in (a mail scanner stops there), its button does.
func (s shop) useLink(c *testkit.Client, path string) *testkit.Page {
	s.t.Helper()
	page := c.Get(path)
	require.Equal(s.t, 200, page.Status)
	require.False(s.t, setsSession(page), "opening the link alone signs nobody in")
	require.Equal(s.t, 1, page.Doc.Find("form button[type=submit]").Length())
	return c.Post(path, nil)
}

// sessionCookie is the client session cookie a response set.
func sessionCookie(t *testing.T, p *testkit.Page) *http.Cookie {
	t.Helper()
	for _, raw := range p.Header.Values("Set-Cookie") {
		if ck, err := http.ParseSetCookie(raw); err == nil && ck.Name == "carnet_client" && ck.Value != "" {
			return ck
		}
	}
	t.Fatalf("no client session cookie in %v", p.Header.Values("Set-Cookie"))
	return nil
}

func setsSession(p *testkit.Page) bool {
	for _, raw := range p.Header.Values("Set-Cookie") {
		if ck, err := http.ParseSetCookie(raw); err == nil && ck.Name == "carnet_client" && ck.Value != "" {
			return true
		}
	}
	return false
}

func clientCookie(id string) *http.Cookie { return &http.Cookie{Name: "carnet_client", Value: id} }

// raw sends a request with exactly the cookies given (a browser would never
// send salon A's cookie to salon B's pages; an attacker might).
func raw(t *testing.T, env *testkit.Env, method, path string, form url.Values, cookies ...*http.Cookie) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(method, env.URL+path, strings.NewReader(form.Encode()))
	require.NoError(t, err)
	if method == "POST" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("X-Forwarded-For", "10.9.9.9")
	for _, c := range cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header.Get("Location"), string(b)
}

// book books a time on the public page as a new visitor.
func (s shop) book(start time.Time, email string, extra url.Values) *testkit.Page {
	s.t.Helper()
	c := s.env.NewClient()
	path := "/b/" + s.salon.Slug + "/s/" + s.service.String() + "/book"
	page := c.Get(path + "?start=" + url.QueryEscape(start.Format(time.RFC3339)))
	require.Equal(s.t, 200, page.Status)
	form := url.Values{"start": {start.Format(time.RFC3339)}, "first_name": {"Léa"}, "last_name": {"Martin"}, "email": {email},
		"phone": {"06 12 34 56 78"}, "accept_terms": {"1"}, "policy_hash": {page.Value("input[name=policy_hash]")}}
	for k, v := range extra {
		form[k] = v
	}
	p := c.Post(path, form)
	require.Equal(s.t, 303, p.Status, p.Text(".alert"))
	return p
}

// bookingOf is the last online booking of an email: its id, visit and Checkout session.
func (s shop) bookingOf(email string) (id, appointment uuid.UUID, session string) {
	require.NoError(s.t, s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT id, appointment_id, coalesce(checkout_session_id, '')
			FROM bookings WHERE tenant_id = $1 AND email = $2 ORDER BY created_at DESC LIMIT 1`, s.salon.ID, email).
			Scan(&id, &appointment, &session)
	}))
	return id, appointment, session
}

func (s shop) waitConfirmed(bookingID uuid.UUID) {
	s.t.Helper()
	require.Eventually(s.t, func() bool {
		var st string
		_ = s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
			return tx.Raw().QueryRow(context.Background(), `SELECT status FROM bookings WHERE id = $1`, bookingID).Scan(&st)
		})
		return st == "confirmed"
	}, 15*time.Second, 50*time.Millisecond, "the webhook job confirms the booking")
}

// completed is Stripe's checkout.session.completed from the salon's account.
func (s shop) completed(object map[string]any) {
	s.t.Helper()
	object["object"], object["status"], object["metadata"] = "checkout.session", "complete", map[string]string{}
	obj, err := json.Marshal(object)
	require.NoError(s.t, err)
	ev, err := json.Marshal(map[string]any{"id": "evt_" + strings.ReplaceAll(uuid.NewString(), "-", ""), "object": "event",
		"api_version": stripe.APIVersion, "type": "checkout.session.completed", "account": s.account, "created": time.Now().Unix(),
		"livemode": false, "data": map[string]any{"object": json.RawMessage(obj)}})
	require.NoError(s.t, err)
	req, err := http.NewRequest("POST", s.env.URL+"/webhooks/stripe", strings.NewReader(string(ev)))
	require.NoError(s.t, err)
	req.Header.Set("Content-Type", "application/json")
	signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: ev, Secret: testkit.StripeConnectWebhookSecret})
	req.Header.Set("Stripe-Signature", signed.Header)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(s.t, err)
	resp.Body.Close()
	require.Equal(s.t, 200, resp.StatusCode)
}

// depositPaid books a time with a 30 % deposit and has Stripe confirm it.
func (s shop) depositPaid(start time.Time, email, intent string) uuid.UUID {
	s.t.Helper()
	s.book(start, email, nil)
	id, appt, session := s.bookingOf(email)
	s.completed(map[string]any{"id": session, "mode": "payment", "payment_status": "paid", "payment_intent": intent})
	s.waitConfirmed(id)
	return appt
}

// imprinted books a time with a card imprint and has Stripe save the card.
func (s shop) imprinted(start time.Time, email string) uuid.UUID {
	s.t.Helper()
	s.book(start, email, url.Values{"save_card": {"1"}})
	id, appt, session := s.bookingOf(email)
	s.completed(map[string]any{"id": session, "mode": "setup", "setup_intent": "seti_" + s.salon.Slug})
	s.waitConfirmed(id)
	return appt
}

// savedCard is the payment method Carnet keeps for a client ("" for none).
func (s shop) savedCard(customerID uuid.UUID) string {
	var pm *string
	require.NoError(s.t, s.env.Srv.DB.WithTenant(context.Background(), s.salon.ID, func(tx store.Tx) error {
		cs, err := tx.CustomerStripeGet(context.Background(), dbq.CustomerStripeGetParams{TenantID: s.salon.ID, CustomerID: customerID})
		pm = cs.PaymentMethodID
		return err
	}))
	if pm == nil {
		return ""
	}
	return *pm
}

// customerOf is the record an online booking made.
func (s shop) customerOf(email string) uuid.UUID {
	var id uuid.UUID
	require.NoError(s.t, s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT id FROM customers WHERE tenant_id = $1 AND email = $2`, s.salon.ID, email).Scan(&id)
	}))
	return id
}

// outbox counts a salon's messages of a kind to an address.
func (s shop) outbox(kind, to string) int {
	var n int
	require.NoError(s.t, s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT count(*) FROM messages WHERE tenant_id = $1 AND kind = $2 AND to_address = $3`,
			s.salon.ID, kind, to).Scan(&n)
	}))
	return n
}
