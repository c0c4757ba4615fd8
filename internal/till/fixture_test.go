package till_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/till"
)

// bundle is a salon with a service (45 €), a product (12,50 €, 5 in
// stock), a staff member and a register whose day is open with a 100 € float.
type bundle struct {
	env      *testkit.Env
	salon    salon.Salon
	owner    uuid.UUID
	service  uuid.UUID
	product  uuid.UUID
	staff    uuid.UUID
	register uuid.UUID
}

var bg = context.Background()

func setup(t testing.TB) *bundle {
	t.Helper()
	return setupOn(t, testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true}))
}

// setupOn makes one more such salon on a server already running.
func setupOn(t testing.TB, env *testkit.Env) *bundle {
	t.Helper()
	s := env.NewSalon("Institut Caisse")
	sal, err := env.Srv.Salons.Get(bg, s.ID)
	require.NoError(t, err)
	b := &bundle{env: env, salon: sal, owner: s.OwnerID}
	b.service, err = env.Srv.Catalog.CreateService(bg, s.ID, catalog.ServiceInput{Name: "Coupe", Duration: 45 * time.Minute, PriceCents: 4500})
	require.NoError(t, err)
	require.NoError(t, env.Srv.Catalog.SaveProduct(bg, s.ID, uuid.Nil, catalog.ProductInput{Name: "Shampoing", PriceCents: 1250, Stock: 5}))
	products, err := env.Srv.Catalog.Products(bg, s.ID)
	require.NoError(t, err)
	b.product = products[0].ID
	b.staff, err = env.Srv.Team.Save(bg, s.ID, uuid.Nil, team.MemberInput{Name: "Alice", Color: 1, Active: true, Services: []uuid.UUID{b.service}})
	require.NoError(t, err)
	b.register, err = b.till().CreateRegister(bg, s.ID, "Comptoir")
	require.NoError(t, err)
	require.NoError(t, b.till().OpenDay(bg, s.ID, b.register, b.owner, 10000))
	return b
}

func (b *bundle) till() *till.Till { return b.env.Srv.Till }

// ticket opens a walk-in ticket on the register.
func (b *bundle) ticket(t testing.TB, customerID uuid.UUID) uuid.UUID {
	t.Helper()
	id, err := b.till().OpenTicket(bg, b.salon.ID, b.register, customerID, b.owner)
	require.NoError(t, err)
	return id
}

func (b *bundle) get(t testing.TB, id uuid.UUID) till.Ticket {
	t.Helper()
	tk, err := b.till().Ticket(bg, b.salon.ID, id)
	require.NoError(t, err)
	return tk
}

func (b *bundle) pay(t testing.TB, id uuid.UUID, method string, cents int64) {
	t.Helper()
	require.NoError(t, b.till().AddPayment(bg, b.salon.ID, id, till.PaymentInput{Method: method, AmountCents: cents, Actor: b.owner}))
}

func (b *bundle) close(t testing.TB, id uuid.UUID) int64 {
	t.Helper()
	n, err := b.till().Close(bg, b.salon.ID, id, b.owner, "EUR")
	require.NoError(t, err)
	return n
}

// client creates a client, in the category given (Nil: none).
func (b *bundle) client(t testing.TB, category uuid.UUID) uuid.UUID {
	t.Helper()
	in := customer.RecordInput{FirstName: "Jeanne", LastName: "Martin", PaymentMode: "default", Region: "FR", Today: time.Now(), Force: true}
	if category != uuid.Nil {
		in.CategoryID = &category
	}
	id, err := b.env.Srv.Customers.Create(bg, b.salon.ID, in)
	require.NoError(t, err)
	return id
}

// visit books the service for a client tomorrow, with a deposit of
// depositCents paid online (none at 0).
func (b *bundle) visit(t testing.TB, customerID uuid.UUID, depositCents int64) uuid.UUID {
	t.Helper()
	day := b.env.Clock.Now().In(b.salon.Location()).AddDate(0, 0, 1)
	start := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, b.salon.Location())
	appt, err := b.env.Srv.Agenda.Create(bg, b.salon, b.owner, agenda.Input{StaffID: b.staff, Start: start, ServiceIDs: []uuid.UUID{b.service},
		Customer: customer.QuickInput{ID: customerID}, OutsideHours: true})
	require.NoError(t, err)
	if depositCents == 0 {
		return appt
	}
	err = b.env.Srv.DB.WithTenant(bg, b.salon.ID, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(bg, `INSERT INTO payments (tenant_id, appointment_id, kind, amount_cents, currency, status, payment_intent_id)
			VALUES ($1, $2, 'deposit', $3, 'EUR', 'succeeded', $4)`, b.salon.ID, appt, depositCents, "pi_"+appt.String()[:8])
		return err
	})
	require.NoError(t, err)
	return appt
}

// exec runs a statement as the application role, in the salon.
func (b *bundle) exec(sql string, args ...any) error {
	return b.env.Srv.DB.WithTenant(bg, b.salon.ID, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(bg, sql, args...)
		return err
	})
}
