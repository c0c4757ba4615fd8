package booking_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// shop is a salon open every day 09:00–19:00, connected to Stripe, with one
// 60-minute service at 50 € and one staff member.
type shop struct {
	t       *testing.T
	env     *testkit.Areas
	web     *testkit.Env // nil for a shop of newAreaShop: no HTTP server
	salon   testkit.Salon
	sal     salon.Salon
	service uuid.UUID
	staff   uuid.UUID
	account string
}

type shopOptions struct {
	mode           string // the service's payment rule: deposit (30 %), prepayment, card_imprint, none
	noShowFeeCents int64
	notConnected   bool
	cancelCredit   bool // a deposit cancelled in time stays as credit instead of being refunded
	arrhes         bool // the salon calls its advance "arrhes": cancelling, it owes the client double
}

// newShop is the shop on a running server, for tests about HTTP.
func newShop(t *testing.T, o shopOptions) shop {
	t.Helper()
	web := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true})
	s := openShop(t, web.Areas, o)
	s.web = web
	return s
}

// newAreaShop is the shop without an HTTP server, for tests of the
// booking area's logic.
func newAreaShop(t *testing.T, o shopOptions) shop {
	t.Helper()
	return openShop(t, testkit.NewAreas(t, testkit.AreasOptions{Stripe: true, Workers: true}), o)
}

func openShop(t *testing.T, env *testkit.Areas, o shopOptions) shop {
	t.Helper()
	ctx := context.Background()
	s := shop{t: t, env: env, salon: env.NewSalon("Institut Paiement"), account: "acct_" + strings.ReplaceAll(uuid.NewString()[:12], "-", "")}
	var err error
	s.sal, err = env.Srv.Salons.Get(ctx, s.salon.ID)
	require.NoError(t, err)
	week := availability.Daily(availability.Hours(9, 19))
	require.NoError(t, env.Srv.Salons.SetHours(ctx, s.salon.ID, week))
	fee := o.noShowFeeCents
	if fee == 0 {
		fee = 2000
	}
	onCancel := salon.RefundOnCancel
	if o.cancelCredit {
		onCancel = salon.CreditOnCancel
	}
	set := shopSettings(fee, 24*time.Hour, onCancel)
	if o.arrhes {
		set.DepositName = salon.DepositArrhes
	}
	require.NoError(t, env.Srv.Salons.UpdateSettings(ctx, s.salon.ID, set))
	mode := o.mode
	if mode == "" {
		mode = "deposit"
	}
	svc, err := env.Srv.Catalog.CreateService(ctx, s.salon.ID, catalog.ServiceInput{Name: "Soin éclat", Duration: 60 * time.Minute, PriceCents: 5000,
		OnlineBookable: true, Rule: &payment.Rule{Mode: mode, DepositKind: payment.DepositPercent, DepositValue: 30}})
	require.NoError(t, err)
	s.service = svc
	staff, err := env.Srv.Team.Save(ctx, s.salon.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 2, Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	s.staff = staff
	if !o.notConnected {
		require.NoError(t, env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
			if err := tx.SalonStripeCreate(ctx, dbq.SalonStripeCreateParams{TenantID: s.salon.ID, AccountID: s.account}); err != nil {
				return err
			}
			_, err := tx.SalonStripeSync(ctx, dbq.SalonStripeSyncParams{AccountID: s.account, ChargesEnabled: true, PayoutsEnabled: true, DetailsSubmitted: true})
			return err
		}))
	}
	return s
}

// shopSettings are the salon's settings with a no-show fee, a cancellation
// window in hours and what a cancellation in time does with a deposit.
func shopSettings(feeCents int64, window time.Duration, onCancel string) salon.SettingsInput {
	return salon.SettingsInput{Country: "FR", Name: "Institut Paiement", TimeZone: "Europe/Paris",
		Currency: "EUR", Locale: "fr", SlotStep: 15 * time.Minute, MinNotice: 60 * time.Minute, MaxHorizonDays: 60, CancellationWindow: window,
		NoShowFeeCents: feeCents, DefaultRule: payment.Rule{Mode: payment.ModeNone}, CancelRefund: onCancel, DepositName: "acompte"}
}

// day is a date two days ahead, in the salon's zone.
func (s shop) day() time.Time {
	n := s.env.Clock.Now().In(s.sal.Location()).AddDate(0, 0, 2)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, s.sal.Location())
}

func (s shop) at(hhmm string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s.day().Format(time.DateOnly)+" "+hhmm, s.sal.Location())
	require.NoError(s.t, err)
	return t
}

func (s shop) servicePath() string { return "/b/" + s.salon.Slug + "/s/" + s.service.String() }

// bookForm is the details form as a client fills it in.
func bookForm(start time.Time, email string) url.Values {
	return url.Values{"start": {start.Format(time.RFC3339)}, "first_name": {"Léa"}, "last_name": {"Martin"},
		"email": {email}, "phone": {"06 12 34 56 78"}, "accept_terms": {"1"}}
}

// book opens the details page as a new visitor, then submits the form with
// the policy that page showed, and returns the answer.
func (s shop) book(start time.Time, email string, extra url.Values) *testkit.Page {
	c := s.web.NewClient()
	form := bookForm(start, email)
	form.Set("policy_hash", s.shownPolicy(c, start))
	for k, v := range extra {
		form[k] = v
	}
	return c.Post(s.servicePath()+"/book", form)
}

// bookDirect books through the area as the public form does: the first
// call, without terms, answers the terms the client is shown; the second
// accepts them.
func (s shop) bookDirect(start time.Time, email string) booking.Result {
	s.t.Helper()
	ctx := context.Background()
	offer, err := s.env.Srv.Booking.Offer(ctx, s.sal)
	require.NoError(s.t, err)
	off, ok := offer.Find(s.service)
	require.True(s.t, ok, "the service is offered online")
	in := booking.Input{ServiceID: s.service, Start: start, FirstName: "Léa", LastName: "Martin", Email: email,
		Phone: "06 12 34 56 78", AcceptTerms: true, IP: "203.0.113.9", Lang: i18n.FR}
	_, err = s.env.Srv.Booking.Book(ctx, s.sal, off, in)
	var shown *booking.PolicyChanged
	require.ErrorAs(s.t, err, &shown)
	in.PolicyHash = booking.PolicyHash(shown.Text)
	res, err := s.env.Srv.Booking.Book(ctx, s.sal, off, in)
	require.NoError(s.t, err)
	return res
}

// freeTimes are the start times the salon offers online for the service on
// a day, as the public page lists them ("15:04").
func (s shop) freeTimes(day time.Time) []string {
	s.t.Helper()
	offer, err := s.env.Srv.Booking.Offer(context.Background(), s.sal)
	require.NoError(s.t, err)
	off, ok := offer.Find(s.service)
	require.True(s.t, ok, "the service is offered online")
	days, err := s.env.Srv.Booking.Days(context.Background(), s.sal, off, uuid.Nil, day, 1)
	require.NoError(s.t, err)
	var out []string
	for _, d := range days {
		for _, slot := range d.Slots {
			out = append(out, slot.Start.In(s.sal.Location()).Format("15:04"))
		}
	}
	return out
}

// shownPolicy is the hash of the policy the details page shows for a time.
func (s shop) shownPolicy(c *testkit.Client, start time.Time) string {
	page := c.Get(s.servicePath() + "/book?start=" + url.QueryEscape(start.Format(time.RFC3339)))
	require.Equal(s.t, 200, page.Status)
	return page.Value("input[name=policy_hash]")
}

// refunds waits for n refunds on the salon's account (a job sends them).
func (s shop) refunds(n int) []testkit.StripeCall {
	s.t.Helper()
	require.Eventually(s.t, func() bool { return len(s.env.Stripe.CallsOn(s.account, "/v1/refunds")) >= n }, 10*time.Second, 50*time.Millisecond,
		"%d refunds", n)
	calls := s.env.Stripe.CallsOn(s.account, "/v1/refunds")
	require.Len(s.t, calls, n)
	return calls
}

// lastSession is the last Checkout Session Carnet created.
func (s shop) lastSession() testkit.StripeCall {
	calls := s.env.Stripe.CallsOn(s.account, "/v1/checkout/sessions")
	require.NotEmpty(s.t, calls, "no checkout session created")
	return calls[len(calls)-1]
}

// bookingRow reads the booking of the salon's only (or last) online booking.
func (s shop) bookingByEmail(email string) dbq.Booking {
	var bk dbq.Booking
	require.NoError(s.t, s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT id, tenant_id, appointment_id, customer_id, status, coalesce(checkout_session_id, '')
			FROM bookings WHERE tenant_id = $1 AND email = $2 ORDER BY created_at DESC LIMIT 1`, s.salon.ID, email).
			Scan(&bk.ID, &bk.TenantID, &bk.AppointmentID, &bk.CustomerID, &bk.Status, new(string))
	}))
	return bk
}

func (s shop) sessionOf(bk dbq.Booking) string {
	var id string
	require.NoError(s.t, s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT checkout_session_id FROM bookings WHERE id = $1`, bk.ID).Scan(&id)
	}))
	return id
}

func (s shop) statusOf(bk dbq.Booking) (booking, appointment string) {
	require.NoError(s.t, s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT b.status, a.status FROM bookings b JOIN appointments a ON a.id = b.appointment_id
			WHERE b.id = $1`, bk.ID).Scan(&booking, &appointment)
	}))
	return booking, appointment
}

// waitStatus waits for the webhook job to move the booking.
func (s shop) waitStatus(bk dbq.Booking, want string) {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		got, _ := s.statusOf(bk)
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("booking stayed %q, want %q", got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// event builds a Stripe event from a connected account, the way Stripe sends it.
func (s shop) event(typ string, object map[string]any) []byte {
	raw, err := json.Marshal(object)
	require.NoError(s.t, err)
	ev := map[string]any{"id": "evt_" + strings.ReplaceAll(uuid.NewString(), "-", ""), "object": "event", "api_version": stripe.APIVersion,
		"type": typ, "account": s.account, "created": time.Now().Unix(), "livemode": false,
		"data": map[string]any{"object": json.RawMessage(raw)}}
	b, err := json.Marshal(ev)
	require.NoError(s.t, err)
	return b
}

// post sends a webhook signed with secret ("" for no signature at all).
func (s shop) post(payload []byte, secret string) (int, string) {
	req, err := http.NewRequest("POST", s.web.URL+"/webhooks/stripe", strings.NewReader(string(payload)))
	require.NoError(s.t, err)
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: secret})
		req.Header.Set("Stripe-Signature", signed.Header)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(s.t, err)
	defer resp.Body.Close()
	var body strings.Builder
	_, _ = fmt.Fprint(&body, resp.Status)
	b := make([]byte, 512)
	n, _ := resp.Body.Read(b)
	return resp.StatusCode, string(b[:n])
}

// receive hands a Stripe event to the booking area as the webhook does once
// the signature is checked (the webhook's own tests post it over HTTP).
func (s shop) receive(payload []byte) {
	s.t.Helper()
	var ev stripe.Event
	require.NoError(s.t, json.Unmarshal(payload, &ev))
	isNew, err := s.env.Srv.Booking.RecordEvent(context.Background(), ev, payload)
	require.NoError(s.t, err)
	require.True(s.t, isNew, "event %s already recorded", ev.ID)
}

// paid is checkout.session.completed for a paid session.
func (s shop) paid(sessionID, intent string) []byte {
	return s.event("checkout.session.completed", map[string]any{"id": sessionID, "object": "checkout.session", "mode": "payment",
		"status": "complete", "payment_status": "paid", "payment_intent": intent, "metadata": map[string]string{}})
}

func adminActor(s shop) admin.Actor {
	return admin.Actor{UserID: s.salon.OwnerID, Email: "ops@carnet.test"}
}
