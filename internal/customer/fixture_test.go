package customer_test

import (
	"context"
	"crypto/rand"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// bundle is a salon with a service and a staff member, ready for clients
// with a history.
type bundle struct {
	env     *testkit.Areas
	salon   salon.Salon
	owner   uuid.UUID
	service uuid.UUID
	staff   uuid.UUID
	slot    int // the next free hour for a visit
}

func setup(t testing.TB) *bundle {
	t.Helper()
	env := testkit.NewAreas(t)
	ctx := context.Background()
	s := env.NewSalon("Institut Données")
	sal, err := env.Srv.Salons.Get(ctx, s.ID)
	require.NoError(t, err)
	svc := env.NewService(s.ID, testkit.ServiceOptions{Name: "Soin visage", Duration: 60 * time.Minute, PriceCents: 6500})
	staff := env.NewStaff(s.ID, testkit.StaffOptions{Name: "Alice", Services: []uuid.UUID{svc}})
	return &bundle{env: env, salon: sal, owner: s.OwnerID, service: svc, staff: staff}
}

func (b *bundle) customers() *customer.Customers { return b.env.Srv.Customers }

// client creates a client with every field of the record filled.
func (b *bundle) client(t *testing.T, first, last, email, phone string) uuid.UUID {
	t.Helper()
	id, err := b.customers().Create(context.Background(), b.salon.ID, customer.RecordInput{FirstName: first, LastName: last, Email: email,
		Phone: phone, Gender: "female", Address: "12 rue des Lilas", PostalCode: "75011", City: "Paris", BirthDate: new(time.Date(1990, 4, 12, 0, 0, 0, 0, time.UTC)),
		Note: "Allergique au latex", EmailTransactional: true, SMSTransactional: true, EmailMarketing: true, PaymentMode: "default",
		Region: "FR", Today: time.Now(), Force: true})
	require.NoError(t, err)
	return id
}

// history is what a client brought to the salon, for tests to find again.
type history struct {
	appointment uuid.UUID
	payment     uuid.UUID
	sheet       uuid.UUID
	message     uuid.UUID
}

// giveHistory books a visit (65 €) with a 20 € deposit paid online, a debt
// of 30 € on the account, a technical sheet, a message, a portal link, a
// saved card and the online booking's consent.
func (b *bundle) giveHistory(t *testing.T, id uuid.UUID, tag string) history {
	t.Helper()
	ctx := context.Background()
	b.slot++
	// A visit a month ahead; the salon has set no hours, so it is booked
	// outside them, as the agenda's form allows.
	day := b.env.Clock.Now().In(b.salon.Location()).AddDate(0, 1, 0)
	start := time.Date(day.Year(), day.Month(), day.Day(), 8+b.slot, 0, 0, 0, b.salon.Location())
	appt, err := b.env.Srv.Agenda.Create(ctx, b.salon, b.owner, agenda.Input{StaffID: b.staff, Start: start, ServiceIDs: []uuid.UUID{b.service},
		Note: "Note de visite " + tag, Customer: customer.QuickInput{ID: id}, OutsideHours: true})
	require.NoError(t, err)
	h := history{appointment: appt}
	require.NoError(t, b.customers().AddEntry(ctx, b.salon.ID, id, b.owner, "EUR", customer.EntryInput{Cents: 3000, Debt: true, Note: "Dette " + tag}))
	h.sheet, err = b.customers().SaveSheet(ctx, b.salon.ID, id, uuid.Nil, b.owner, customer.SheetInput{Date: time.Date(2030, 6, 3, 0, 0, 0, 0, time.UTC), Products: "Sérum " + tag,
		Reactions: "Rougeurs " + tag, Today: time.Date(2030, 6, 3, 0, 0, 0, 0, time.UTC)}) // written on the visit's day
	require.NoError(t, err)
	err = b.env.Srv.DB.WithTenant(ctx, b.salon.ID, func(tx store.Tx) error {
		raw := tx.Raw()
		booking := uuid.New()
		if _, err := raw.Exec(ctx, `INSERT INTO bookings (id, tenant_id, appointment_id, customer_id, email, payment_mode, amount_due_cents,
			currency, status, policy_text, policy_hash, card_consent, consent_at, consent_ip)
			VALUES ($1, $2, $3, $4, $5, 'deposit', 2000, 'EUR', 'confirmed', 'Acompte de 20 €', 'hash', true, now(), '203.0.113.7')`,
			booking, b.salon.ID, appt, id, "booking-"+tag+"@example.com"); err != nil {
			return err
		}
		link := make([]byte, 32)
		_, _ = rand.Read(link)
		if _, err := raw.Exec(ctx, `INSERT INTO booking_links (token_hash, tenant_id, booking_id) VALUES ($1, $2, $3)`, link, b.salon.ID, booking); err != nil {
			return err
		}
		if err := raw.QueryRow(ctx, `INSERT INTO payments (tenant_id, appointment_id, booking_id, kind, amount_cents, currency, status)
			VALUES ($1, $2, $3, 'deposit', 2000, 'EUR', 'succeeded') RETURNING id`, b.salon.ID, appt, booking).Scan(&h.payment); err != nil {
			return err
		}
		if err := raw.QueryRow(ctx, `INSERT INTO messages (tenant_id, customer_id, appointment_id, channel, kind, purpose, to_address, subject, body, status)
			VALUES ($1, $2, $3, 'email', 'confirmation', 'transactional', $4, $5, $6, 'queued') RETURNING id`,
			b.salon.ID, id, appt, tag+"@example.com", "Votre rendez-vous "+tag, "Bonjour "+tag+", à bientôt.").Scan(&h.message); err != nil {
			return err
		}
		token := make([]byte, 32)
		_, _ = rand.Read(token)
		if _, err := raw.Exec(ctx, `INSERT INTO portal_links (token_hash, tenant_id, customer_id, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`,
			token, b.salon.ID, id); err != nil {
			return err
		}
		_, err := raw.Exec(ctx, `INSERT INTO customer_stripe (tenant_id, customer_id, stripe_customer_id, payment_method_id, card_label)
			VALUES ($1, $2, $3, $4, $5)`, b.salon.ID, id, "cus_"+tag, "pm_"+tag, "Visa •••• 4242")
		return err
	})
	require.NoError(t, err)
	return h
}

// count runs a count as the application role, in the salon.
func (b *bundle) count(t *testing.T, sql string, args ...any) int {
	t.Helper()
	var n int
	err := b.env.Srv.DB.WithTenant(context.Background(), b.salon.ID, func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), sql, args...).Scan(&n)
	})
	require.NoError(t, err)
	return n
}
