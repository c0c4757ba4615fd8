package message_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// smsRequest is one message the test SMS gateway received.
type smsRequest struct {
	From, To, Text, Auth string
	Status               int // what the gateway answered
}

// gateway is a real HTTP SMS gateway for the whole test package: background
// jobs are run by whichever test's server is free, so every server of the
// package points at this one, and tests look up their own phone numbers.
var gateway struct {
	once    sync.Once
	srv     *httptest.Server
	mu      sync.Mutex
	got     []smsRequest
	failing map[string]bool
}

func gatewayURL() string {
	gateway.once.Do(func() {
		gateway.failing = map[string]bool{}
		gateway.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var body struct{ From, To, Text string }
			if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
				http.Error(w, `{"message":"bad json"}`, http.StatusBadRequest)
				return
			}
			gateway.mu.Lock()
			defer gateway.mu.Unlock()
			req := smsRequest{From: body.From, To: body.To, Text: body.Text, Auth: r.Header.Get("Authorization"), Status: http.StatusAccepted}
			if gateway.failing[body.To] {
				req.Status = http.StatusInternalServerError
			}
			gateway.got = append(gateway.got, req)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(req.Status)
			if req.Status != http.StatusAccepted {
				fmt.Fprint(w, `{"message":"gateway overloaded"}`)
				return
			}
			fmt.Fprint(w, `{"id":"sms_1"}`)
		}))
	})
	return gateway.srv.URL + "/v1/sms"
}

// smsTo returns what the gateway received for a phone number.
func smsTo(phone string) []smsRequest {
	gateway.mu.Lock()
	defer gateway.mu.Unlock()
	var out []smsRequest
	for _, r := range gateway.got {
		if r.To == phone {
			out = append(out, r)
		}
	}
	return out
}

// delivered counts the messages the gateway accepted for a number.
func delivered(phone string) int {
	n := 0
	for _, r := range smsTo(phone) {
		if r.Status < 300 {
			n++
		}
	}
	return n
}

// failSMS makes the gateway refuse (500) or accept messages to a number.
func failSMS(phone string, fail bool) {
	gatewayURL()
	gateway.mu.Lock()
	defer gateway.mu.Unlock()
	gateway.failing[phone] = fail
}

const smsKey = "sk-test-gateway"

// withGateway points Carnet at the test SMS gateway.
func withGateway(v map[string]string) {
	v["SMS_URL"], v["SMS_KEY"], v["SMS_FROM"] = gatewayURL(), smsKey, "Institut"
	v["SMS_INBOUND_SECRET"] = inboundSecret
}

// newEnv starts Carnet with the test SMS gateway, for tests about HTTP.
func newEnv(t *testing.T) *testkit.Env {
	return testkit.NewEnv(t, testkit.EnvOptions{Config: withGateway})
}

// newPhone is a French mobile number no other test uses: as typed, and as stored.
func newPhone() (typed, e164 string) {
	d := [4]int{rand.IntN(100), rand.IntN(100), rand.IntN(100), rand.IntN(100)}
	return fmt.Sprintf("06 %02d %02d %02d %02d", d[0], d[1], d[2], d[3]), fmt.Sprintf("+336%02d%02d%02d%02d", d[0], d[1], d[2], d[3])
}

// shop is a salon in Paris open every day 09:00–19:00 with one 60-minute
// service ("Soin éclat", paid at the salon) and one staff member, Nora.
type shop struct {
	t       *testing.T
	env     *testkit.Areas
	web     *testkit.Env // nil for a shop of newAreaShop: no HTTP server
	salon   testkit.Salon
	sal     salon.Salon
	service uuid.UUID
	staff   uuid.UUID
}

// newShop is the shop on a running server, for tests about HTTP.
func newShop(t *testing.T) shop {
	t.Helper()
	web := newEnv(t)
	s := open(t, web.Areas)
	s.web = web
	return s
}

// newAreaShop is the shop without an HTTP server: tests of the outbox's
// logic call the areas, and the workers send what they queue.
func newAreaShop(t *testing.T) shop {
	t.Helper()
	return open(t, testkit.NewAreas(t, testkit.AreasOptions{Workers: true, Config: withGateway}))
}

func open(t *testing.T, env *testkit.Areas) shop {
	t.Helper()
	ctx := context.Background()
	s := shop{t: t, env: env, salon: env.NewSalon("Institut Message")}
	week := availability.Daily(availability.Hours(9, 19))
	require.NoError(t, env.Srv.Salons.SetHours(ctx, s.salon.ID, week))
	require.NoError(t, env.Srv.Salons.UpdateSettings(ctx, s.salon.ID, salon.SettingsInput{Country: "FR", Name: "Institut Message", TimeZone: "Europe/Paris",
		Currency: "EUR", Locale: "fr", Address: "3 rue des Lilas, Lyon", SlotStep: 15 * time.Minute, MinNotice: 60 * time.Minute, MaxHorizonDays: 60,
		CancellationWindow: 24 * time.Hour, DefaultRule: payment.Rule{Mode: payment.ModeNone},
		CancelRefund: "refund", DepositName: "acompte"}))
	var err error
	s.sal, err = env.Srv.Salons.Get(ctx, s.salon.ID)
	require.NoError(t, err)
	svc, err := env.Srv.Catalog.CreateService(ctx, s.salon.ID, catalog.ServiceInput{Name: "Soin éclat", Duration: 60 * time.Minute, PriceCents: 5000,
		OnlineBookable: true, Rule: &payment.Rule{Mode: payment.ModeNone}})
	require.NoError(t, err)
	s.service = svc
	staff, err := env.Srv.Team.Save(ctx, s.salon.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 2, Active: true, Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	s.staff = staff
	return s
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

// book books the service online as Léa Martin and returns the booking's page.
func (s shop) book(start time.Time, email, phone string) string {
	s.t.Helper()
	c := s.web.NewClient()
	path := "/b/" + s.salon.Slug + "/s/" + s.service.String() + "/book"
	details := c.Get(path + "?start=" + url.QueryEscape(start.Format(time.RFC3339)))
	require.Equal(s.t, 200, details.Status)
	form := url.Values{"start": {start.Format(time.RFC3339)}, "first_name": {"Léa"}, "last_name": {"Martin"},
		"email": {email}, "phone": {phone}, "accept_terms": {"1"}, "policy_hash": {details.Value("input[name=policy_hash]")}}
	p := c.Post(path, form)
	require.Equal(s.t, 303, p.Status, p.Text(".alert"))
	return p.Location()
}

// customerByEmail is the id of the salon's client with this email.
func (s shop) customerByEmail(email string) uuid.UUID {
	s.t.Helper()
	var id uuid.UUID
	require.NoError(s.t, s.env.Srv.DB.WithTenant(context.Background(), s.salon.ID, func(tx store.Tx) error {
		rows, err := tx.CustomerFindByEmail(context.Background(), dbq.CustomerFindByEmailParams{TenantID: s.salon.ID, Email: email})
		if err == nil && len(rows) > 0 {
			id = rows[0].ID
		}
		return err
	}))
	require.NotEqual(s.t, uuid.Nil, id, "no client with email %s", email)
	return id
}

// exec runs a statement in the salon's unit of work (test set-up only).
func (s shop) exec(sql string, args ...any) {
	s.t.Helper()
	require.NoError(s.t, s.env.Srv.DB.WithTenant(context.Background(), s.salon.ID, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(context.Background(), sql, args...)
		return err
	}))
}

// history is the client's messages.
func (s shop) history(customerID uuid.UUID) []message.HistoryItem {
	s.t.Helper()
	items, err := s.env.Srv.Messages.History(context.Background(), s.salon.ID, customerID, 100)
	require.NoError(s.t, err)
	return items
}

// of keeps the messages of a kind and channel.
func of(items []message.HistoryItem, kind, channel string) []message.HistoryItem {
	var out []message.HistoryItem
	for _, m := range items {
		if m.Kind == kind && m.Channel == channel {
			out = append(out, m)
		}
	}
	return out
}

// eventually waits for cond, checking every 50 ms, up to 30 s (River retries
// a failed job after a second or more).
func eventually(t *testing.T, cond func() bool, what string, args ...any) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: "+what, args...)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// statusOf waits for the only message of a kind and channel to reach a status.
func (s shop) waitStatus(customerID uuid.UUID, kind, channel, status string) message.HistoryItem {
	s.t.Helper()
	var got message.HistoryItem
	eventually(s.t, func() bool {
		ms := of(s.history(customerID), kind, channel)
		if len(ms) == 0 {
			return false
		}
		got = ms[0]
		return got.Status == status
	}, "%s %s never became %s (last: %+v)", kind, channel, status, &got)
	return got
}

// agendaInput is a phone booking of the shop's service for Léa, known by phone only.
func agendaInput(s shop, start time.Time) agenda.Input {
	typed, _ := newPhone()
	return agenda.Input{StaffID: s.staff, Start: start, ServiceIDs: []uuid.UUID{s.service},
		Customer: customer.QuickInput{FirstName: "Léa", LastName: "Téléphone", Phone: typed}}
}

// fieldOf is the message key of a form field's problem in err.
func fieldOf(err error, field string) string { return apperr.FieldsOf(err)[field] }

// text is an email's text part with the line ends it was written with.
func text(m testkit.Mail) string { return strings.ReplaceAll(m.Text, "\r\n", "\n") }

func jsonDecode(r *http.Request, v any) error { return json.NewDecoder(r.Body).Decode(v) }
