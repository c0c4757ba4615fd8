package web_test

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// earlyZone is a salon zone where the day has just begun, so a test has the
// rest of the day to book visits in, whatever the hour it runs.
func earlyZone(t *testing.T, now time.Time) *time.Location {
	t.Helper()
	var best *time.Location
	bestMin := 24 * 60
	for _, z := range salon.TimeZones {
		loc, err := time.LoadLocation(z)
		require.NoError(t, err)
		l := now.In(loc)
		if m := l.Hour()*60 + l.Minute(); m < bestMin {
			best, bestMin = loc, m
		}
	}
	require.Less(t, bestMin, 6*60)
	return best
}

func TestTheHomePageShowsTodayAtAGlance(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Journée")
	owner := env.Login(s.OwnerEmail)
	ctx := context.Background()

	loc := earlyZone(t, env.Clock.Now())
	form := salonSettingsForm("Institut Journée")
	form.Set("time_zone", loc.String())
	require.Equal(t, 303, owner.Post("/app/settings", form).Status)
	now := env.Clock.Now().In(loc)
	require.Equal(t, 303, owner.Post("/app/settings/hours", url.Values{fmt.Sprintf("day%d", now.Weekday()): {"00:00-24:00"}}).Status)
	svc, err := env.Srv.Catalog.CreateService(ctx, s.ID, catalog.ServiceInput{Name: "Soin", Duration: 60 * time.Minute, PriceCents: 5000, OnlineBookable: true})
	require.NoError(t, err)
	lea, err := env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: "Léa", Color: 1, Active: true, Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	sal, err := env.Srv.Salons.Get(ctx, s.ID)
	require.NoError(t, err)

	client := func(first string, debtCents int64) uuid.UUID {
		id, err := env.Srv.Customers.Create(ctx, s.ID, customer.RecordInput{FirstName: first, LastName: "Martin", Region: "FR",
			Today: now, Force: true, PaymentMode: "default"})
		require.NoError(t, err)
		if debtCents > 0 {
			require.NoError(t, env.Srv.Customers.AddEntry(ctx, s.ID, id, s.OwnerID, "EUR", customer.EntryInput{Cents: debtCents, Debt: true, Note: "Soin impayé"}))
		}
		return id
	}
	first := now.Truncate(time.Hour).Add(2 * time.Hour)
	visit := func(who uuid.UUID, at time.Time) uuid.UUID {
		id, err := env.Srv.Agenda.Create(ctx, sal, s.OwnerID, agenda.Input{StaffID: lea,
			Start: at, ServiceIDs: []uuid.UUID{svc}, Customer: customer.QuickInput{ID: who}, Quiet: true})
		require.NoError(t, err)
		return id
	}
	deposit := func(appt uuid.UUID, cents int) {
		require.NoError(t, env.Srv.DB.WithTenant(ctx, s.ID, func(tx storeTx) error {
			_, err := tx.Raw().Exec(ctx, `INSERT INTO payments (tenant_id, appointment_id, kind, amount_cents, currency, status)
				VALUES ($1, $2, 'deposit', $3, 'EUR', 'succeeded')`, s.ID, appt, cents)
			return err
		}))
	}
	alice := visit(client("Alice", 3000), first)
	bruno := visit(client("Bruno", 0), first.Add(2*time.Hour))
	deposit(visit(client("Chloé", 0), first.Add(4*time.Hour)), 2000)
	denis := visit(client("Denis", 1000), first.Add(6*time.Hour))
	deposit(denis, 1500)
	require.NoError(t, env.Srv.Agenda.SetStatus(ctx, s.ID, denis, agenda.StatusCancelled))
	client("Emma", 5000) // owes money, but does not come today

	// Later that morning: Alice came, Bruno did not.
	env.Clock.Set(first.Add(2*time.Hour + 5*time.Minute))
	require.NoError(t, env.Srv.Agenda.SetStatus(ctx, s.ID, alice, agenda.StatusArrived))
	require.NoError(t, env.Srv.Agenda.SetStatus(ctx, s.ID, bruno, agenda.StatusNoShow))

	before := env.Clock.Now()
	home := owner.Get("/app")
	after := env.Clock.Now()
	require.Equal(t, 200, home.Status)
	require.Equal(t, 1, home.Doc.Find("#today").Length())
	require.Equal(t, "3", home.Text("#today-visits dd"), "cancelled visits are not visits")
	require.Equal(t, "1", home.Text("#today-arrived dd"))
	require.Equal(t, "encore 1 attendu", home.Text("#today-arrived p"))
	require.Equal(t, "1", home.Text("#today-no-shows dd"))
	require.Equal(t, "20,00\u00a0€", home.Text("#today-deposits dd"), "the cancelled visit's deposit is not counted")
	owing := home.Doc.Find("#today-owing li")
	require.Equal(t, 1, owing.Length(), home.Text("#today"))
	require.Contains(t, owing.Text(), "Alice Martin")
	require.Contains(t, owing.Text(), "doit 30,00\u00a0€")

	// Léa works until midnight; of what is left, Chloé's hour is taken (Alice's
	// is over), the no-show's and the cancelled visit's are free again.
	free := func(at time.Time) string {
		end := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, loc)
		m := int(end.Sub(at.Truncate(time.Minute))/time.Minute) - 60
		if m%60 == 0 {
			return fmt.Sprintf("%d\u00a0h", m/60)
		}
		return fmt.Sprintf("%d\u00a0h\u00a0%02d", m/60, m%60)
	}
	shown := home.Text("#today-free dd")
	require.Contains(t, []string{free(before), free(after), free(before.Add(time.Minute))}, shown)
}
