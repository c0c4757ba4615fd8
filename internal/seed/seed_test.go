package seed_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/seed"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/internal/urls"
)

// today is the day the tests' year of visits is set around.
var today = time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)

// TestSeed seeds three salons once (their slugs are fixed, so the package's
// tests share them) and checks what a user of the data set would notice.
func TestSeed(t *testing.T) {
	env := testkit.NewEnv(t)
	a := env.Areas
	rep, err := seed.Run(context.Background(), a.Srv.DB, seed.Options{Salons: 3, Today: today, Seed: 11})
	require.NoError(t, err)
	require.Equal(t, 3, rep.Created)
	require.Positive(t, rep.Visits)
	t.Run("salons look real", func(t *testing.T) { salonsLookReal(t, a) })
	t.Run("each salon sees only its rows", func(t *testing.T) { eachSalonSeesOnlyItsRows(t, a) })
	t.Run("the owner works in the seeded salon", func(t *testing.T) { ownerWorksInTheSalon(t, env) })
	t.Run("seeding again changes nothing", func(t *testing.T) { seedingAgainChangesNothing(t, a, rep) })
}

// salonsLookReal reads the salons back as the owner of the database would:
// the team, the catalogue, a year of visits on both sides of today that
// never overlap for one member, clients with balances, sheets and messages,
// and nothing queued to send.
func salonsLookReal(t *testing.T, a *testkit.Areas) {
	ctx := context.Background()
	db := owner(t)
	for i := 1; i <= 3; i++ {
		var staff, services, clients int
		var demo bool
		var first, last time.Time
		require.NoError(t, db.QueryRow(ctx, `SELECT t.demo,
			(SELECT count(*) FROM staff_members s WHERE s.tenant_id = t.id),
			(SELECT count(*) FROM services s WHERE s.tenant_id = t.id),
			(SELECT count(*) FROM customers c WHERE c.tenant_id = t.id),
			(SELECT min(starts_at) FROM appointments a WHERE a.tenant_id = t.id),
			(SELECT max(starts_at) FROM appointments a WHERE a.tenant_id = t.id)
			FROM tenants t WHERE t.slug = $1`, seed.Slug(i)).Scan(&demo, &staff, &services, &clients, &first, &last))
		require.True(t, demo, "a seeded salon is a demo one: its made-up clients are never written to")
		require.GreaterOrEqual(t, staff, 2)
		require.LessOrEqual(t, staff, 15)
		require.GreaterOrEqual(t, services, 20)
		require.LessOrEqual(t, services, 60)
		require.GreaterOrEqual(t, clients, 15+12*staff, "about a hundred clients, more for a bigger team")
		require.Less(t, first, today.AddDate(0, -8, 0), "visits go back most of a year")
		require.Greater(t, last, today.AddDate(0, 2, 0), "and are booked months ahead")
	}

	statuses := counts(t, db, `SELECT status, count(*) FROM appointments GROUP BY 1`)
	for _, s := range []string{"done", "no_show", "cancelled", "booked", "confirmed"} {
		require.Positive(t, statuses[s], "visits %s", s)
	}
	// Today's visits are all still to come: the day starts at midnight in Paris.
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	dayStart := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, paris)
	var past, upcoming int
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FILTER (WHERE starts_at < $1 AND status IN ('booked', 'confirmed')),
		count(*) FILTER (WHERE starts_at >= $1 AND status IN ('done', 'no_show')) FROM appointments`, dayStart).Scan(&past, &upcoming))
	require.Zero(t, past, "no visit gone by is still only booked")
	require.Zero(t, upcoming, "no visit to come is done already")

	var overlaps int
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM appointments a JOIN appointments b
		ON a.tenant_id = b.tenant_id AND a.staff_id = b.staff_id AND a.id < b.id
		AND tstzrange(a.starts_at, a.busy_until) && tstzrange(b.starts_at, b.busy_until)`).Scan(&overlaps))
	require.Zero(t, overlaps, "no member has two visits at once, whatever their status")

	var noLines, owing, sheets, hours, absences, closures int
	require.NoError(t, db.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM appointments a WHERE NOT EXISTS (SELECT 1 FROM appointment_services s WHERE s.appointment_id = a.id)),
		(SELECT count(*) FROM (SELECT customer_id FROM customer_ledger GROUP BY 1 HAVING sum(amount_cents) < 0) o),
		(SELECT count(*) FROM technical_sheets), (SELECT count(*) FROM staff_hours),
		(SELECT count(*) FROM staff_absences), (SELECT count(*) FROM closures)`).Scan(&noLines, &owing, &sheets, &hours, &absences, &closures))
	require.Zero(t, noLines, "every visit has its services")
	require.Positive(t, owing, "some clients owe a no-show fee")
	require.Positive(t, sheets)
	require.Positive(t, hours)
	require.Positive(t, absences)
	require.Positive(t, closures)

	messages := counts(t, db, `SELECT status, count(*) FROM messages GROUP BY 1`)
	require.Positive(t, messages["sent"], "the clients' message history")
	require.Len(t, messages, 1, "history only: nothing queued, failed or skipped")
	var jobs int
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM river.river_job`).Scan(&jobs))
	require.Zero(t, jobs, "seeding enqueues no job: no email, no SMS")

	// The owner signs in with the documented password.
	_, salons, err := a.Srv.Accounts.Login(ctx, seed.OwnerEmail(2), seed.Password)
	require.NoError(t, err)
	require.Len(t, salons, 1)
	require.Equal(t, seed.Slug(2), salons[0].Slug)
}

// eachSalonSeesOnlyItsRows reads through the application role, as the
// server does: a salon's transaction sees its own rows and none of the
// others', in every table the seed fills.
func eachSalonSeesOnlyItsRows(t *testing.T, a *testkit.Areas) {
	ctx := context.Background()
	db := owner(t)
	tables := []string{"staff_members", "staff_hours", "staff_absences", "services", "service_categories", "closures",
		"customers", "appointments", "appointment_services", "customer_ledger", "technical_sheets", "messages"}
	for i := 1; i <= 3; i++ {
		var id uuid.UUID
		require.NoError(t, db.QueryRow(ctx, `SELECT id FROM tenants WHERE slug = $1`, seed.Slug(i)).Scan(&id))
		for _, table := range tables {
			var all, own int
			require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM `+table+` WHERE tenant_id = $1`, id).Scan(&own))
			require.NoError(t, a.Srv.DB.WithTenant(ctx, id, func(tx store.Tx) error {
				return tx.Raw().QueryRow(ctx, `SELECT count(*) FROM `+table).Scan(&all)
			}))
			require.Positive(t, own, "%s of %s", table, seed.Slug(i))
			require.Equal(t, own, all, "%s: %s sees its own rows only", seed.Slug(i), table)
		}
	}
}

// ownerWorksInTheSalon: the seeded owner signs in with the documented
// password and finds a day's visits in the agenda, a client's record with
// their technical sheet, and the public page's services.
func ownerWorksInTheSalon(t *testing.T, env *testkit.Env) {
	ctx := context.Background()
	db := owner(t)
	var day time.Time
	var client uuid.UUID
	var last, sheet string
	require.NoError(t, db.QueryRow(ctx, `SELECT a.starts_at, c.id, c.last_name, s.title FROM appointments a
		JOIN tenants t ON t.id = a.tenant_id JOIN customers c ON c.id = a.customer_id
		JOIN technical_sheets s ON s.appointment_id = a.id
		WHERE t.slug = $1 ORDER BY a.starts_at DESC LIMIT 1`, seed.Slug(1)).Scan(&day, &client, &last, &sheet))

	c := env.NewClient()
	require.Equal(t, 303, c.Post("/login", url.Values{"email": {seed.OwnerEmail(1)}, "password": {seed.Password}}).Status)
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	agenda := c.Get(urls.AgendaOn(day.In(paris)))
	require.Equal(t, 200, agenda.Status)
	require.Contains(t, agenda.Text("body"), last, "the visit is in the day's agenda")
	record := c.Get(urls.Client(client))
	require.Equal(t, 200, record.Status)
	require.Contains(t, record.Text("body"), sheet, "the sheet written at the visit is on the record")

	page := env.NewClient().Get("/b/" + seed.Slug(1))
	require.Equal(t, 200, page.Status)
	var service string
	require.NoError(t, db.QueryRow(ctx, `SELECT s.name FROM services s JOIN tenants t ON t.id = s.tenant_id
		WHERE t.slug = $1 AND s.online_bookable ORDER BY s.position LIMIT 1`, seed.Slug(1)).Scan(&service))
	require.Contains(t, page.Text("body"), service)
}

// seedingAgainChangesNothing: a second run skips the salons already there
// (by slug), so it is idempotent, and a bigger run only adds the missing
// ones.
func seedingAgainChangesNothing(t *testing.T, a *testkit.Areas, first seed.Report) {
	ctx := context.Background()
	opts := seed.Options{Salons: 3, Today: today, Seed: 11}
	db := owner(t)
	before := counts(t, db, `SELECT t.slug, count(a.*) FROM tenants t LEFT JOIN appointments a ON a.tenant_id = t.id
		WHERE t.slug LIKE 'salon-%' GROUP BY 1`)

	again, err := seed.Run(ctx, a.Srv.DB, opts)
	require.NoError(t, err)
	require.Equal(t, 0, again.Created)
	require.Equal(t, 3, again.Skipped)
	require.Zero(t, again.Rows)
	require.Equal(t, before, counts(t, db, `SELECT t.slug, count(a.*) FROM tenants t LEFT JOIN appointments a ON a.tenant_id = t.id
		WHERE t.slug LIKE 'salon-%' GROUP BY 1`))

	require.Len(t, before, 3)
	total := 0
	for _, n := range before {
		total += n
	}
	require.Equal(t, int(first.Visits), total)

	opts.Salons = 4
	more, err := seed.Run(ctx, a.Srv.DB, opts)
	require.NoError(t, err)
	require.Equal(t, 1, more.Created)
	require.Equal(t, 3, more.Skipped)
	after := counts(t, db, `SELECT t.slug, count(a.*) FROM tenants t LEFT JOIN appointments a ON a.tenant_id = t.id
		WHERE t.slug LIKE 'salon-%' GROUP BY 1`)
	require.Len(t, after, 4)
	require.Equal(t, before[seed.Slug(1)], after[seed.Slug(1)])
	require.Equal(t, int(more.Visits), after[seed.Slug(4)])
}

func owner(t *testing.T) *pgx.Conn {
	t.Helper()
	db, err := pgx.Connect(context.Background(), testkit.DatabaseURL())
	require.NoError(t, err)
	t.Cleanup(func() { db.Close(context.Background()) })
	return db
}

func counts(t *testing.T, db *pgx.Conn, sql string) map[string]int {
	t.Helper()
	rows, err := db.Query(context.Background(), sql)
	require.NoError(t, err)
	out := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		require.NoError(t, rows.Scan(&k, &n))
		out[k] = n
	}
	require.NoError(t, rows.Err())
	return out
}
