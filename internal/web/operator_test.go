package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// business gives a salon two clients, one visit 3 days before at, two
// payments collected (and a refund and a failure, which do not count),
// messages sent and not, and a Stripe account that can charge.
func business(t *testing.T, env *testkit.Env, salonID uuid.UUID, at time.Time) {
	t.Helper()
	ctx := context.Background()
	var clients []uuid.UUID
	for _, name := range []string{"Martin", "Durand"} {
		id, err := env.Srv.Customers.Create(ctx, salonID, customer.RecordInput{FirstName: "Léa", LastName: name})
		require.NoError(t, err)
		clients = append(clients, id)
	}
	staff, err := env.Srv.Team.Save(ctx, salonID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 2, Active: true})
	require.NoError(t, err)
	start := at.Add(-72 * time.Hour)
	require.NoError(t, env.Srv.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var appt uuid.UUID
		if err := tx.Raw().QueryRow(ctx, `INSERT INTO appointments (tenant_id, staff_id, customer_id, starts_at, ends_at, busy_until, status, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5, 'done', $4) RETURNING id`, salonID, staff, clients[0], start, start.Add(time.Hour)).Scan(&appt); err != nil {
			return err
		}
		for _, p := range []struct {
			kind, status string
			amount, fee  int64
		}{{"deposit", "succeeded", 1500, 75}, {"no_show_fee", "succeeded", 2000, 50}, {"refund", "succeeded", 1500, 0}, {"prepayment", "failed", 5000, 150}} {
			if _, err := tx.Raw().Exec(ctx, `INSERT INTO payments (tenant_id, appointment_id, kind, amount_cents, fee_cents, currency, status, created_at)
				VALUES ($1, $2, $3, $4, $5, 'EUR', $6, $7)`, salonID, appt, p.kind, p.amount, p.fee, p.status, start); err != nil {
				return err
			}
		}
		for _, m := range []struct{ channel, status string }{{"email", "sent"}, {"email", "sent"}, {"email", "sent"}, {"sms", "sent"}, {"sms", "skipped"}, {"email", "failed"}} {
			if _, err := tx.Raw().Exec(ctx, `INSERT INTO messages (tenant_id, customer_id, channel, kind, purpose, to_address, body, status, created_at)
				VALUES ($1, $2, $3, 'manual', 'transactional', 'x', 'Bonjour', $4, $5)`, salonID, clients[1], m.channel, m.status, start); err != nil {
				return err
			}
		}
		return nil
	}))
	require.NoError(t, env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(ctx, `INSERT INTO salon_stripe (tenant_id, account_id, charges_enabled, payouts_enabled, details_submitted)
			VALUES ($1, $2, true, true, true)`, salonID, "acct_"+strings.ReplaceAll(salonID.String(), "-", "")[:16])
		return err
	}))
}

func TestTheAdminSeesEachSalonsBusiness(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Salon Chiffré")
	business(t, env, s.ID, env.Clock.Now())
	admin := env.Login(env.NewAdmin())

	page := admin.Get("/admin/salons/" + s.ID.String())
	require.Equal(t, 200, page.Status)
	figures := "#salon-figures "
	require.Equal(t, "2", page.Text(figures+".clients"))
	require.Equal(t, "1", page.Text(figures+".visits"), "the visit of 3 days ago")
	require.Equal(t, "Paiements actifs", page.Text(figures+".stripe"))
	require.Equal(t, "2 paiement(s), 35,00\u00a0€ encaissés", page.Text(figures+".payments"), "refunds and failures are not collected")
	require.Equal(t, "1,25\u00a0€", page.Text(figures+".fees"))
	require.Equal(t, "3 e-mail(s), 1 SMS", page.Text(figures+".sent"), "only what was really sent")
	require.NotEmpty(t, page.Text(figures+".last-activity"))

	row := admin.Get("/admin?q=" + url.QueryEscape(s.Slug)).Doc.Find("#salon-results tbody tr")
	require.Equal(t, 1, row.Length())
	require.Equal(t, "2", strings.TrimSpace(row.Find(".clients").Text()))
	require.Equal(t, "1", strings.TrimSpace(row.Find(".visits").Text()))
}

func TestAdminSearchFindsOwnerNamesAndTakesPercentAndUnderscoreLiterally(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	tok := strings.ReplaceAll(uuid.NewString()[:8], "-", "")
	signup := func(salonName, owner string) {
		_, err := env.Srv.Accounts.Signup(t.Context(), account.SignupInput{SalonName: salonName, Slug: "s-" + strings.ToLower(uuid.NewString()[:8]),
			OwnerName: owner, Email: "o-" + uuid.NewString()[:8] + "@example.com", Password: testkit.Password, Lang: i18n.FR})
		require.NoError(t, err)
	}
	signup("Remise 50% "+tok, "Anne Dupont")
	signup("Remise 50 "+tok+" bis", "Béa Lemoine")
	signup("Chez_Lou "+tok, "Carla Petit")
	signup("Chez Lou "+tok, "Josiane Vermeer-"+tok)
	admin := env.Login(env.NewAdmin())
	names := func(q string) []string {
		var out []string
		admin.Get("/admin?q=" + url.QueryEscape(q)).Doc.Find("#salon-results tbody tr td:first-child strong").Each(func(_ int, s *goquery.Selection) {
			out = append(out, s.Text())
		})
		return out
	}
	require.Equal(t, []string{"Remise 50% " + tok}, names("50% "+tok), "% is a percent sign")
	require.Equal(t, []string{"Chez_Lou " + tok}, names("z_Lou "+tok), "_ is an underscore")
	require.Equal(t, []string{"Chez Lou " + tok}, names("Josiane Vermeer-"+tok), "the owner's name")
	require.Contains(t, admin.Get("/admin?q="+url.QueryEscape("Vermeer-"+tok)).Text("#salon-results"), "Josiane Vermeer-"+tok)
	require.Contains(t, admin.Get("/admin?q="+url.QueryEscape("50% "+tok)).Text(".page-head"), "1 salon(s)", "the count agrees with the list")
}

func TestTheBusinessPageShowsWeeklySignupsActiveSalonsAndMonthlyFees(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	// A week of its own, years ahead, that no other test of the package uses.
	monday := time.Date(2036, time.June, 2, 0, 0, 0, 0, time.UTC)
	env.Clock.Set(monday.Add(4*24*time.Hour + 10*time.Hour)) // Friday 6 June 2036
	first, second := env.NewSalon("Semaine Un"), env.NewSalon("Semaine Deux")
	ctx := context.Background()
	require.NoError(t, env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(ctx, `UPDATE tenants SET created_at = $1 WHERE id = ANY($2)`, monday.Add(2*24*time.Hour), []uuid.UUID{first.ID, second.ID})
		return err
	}))
	business(t, env, first.ID, env.Clock.Now()) // a visit on Tuesday 3 June, 1,25 € of fees
	admin := env.Login(env.NewAdmin())

	page := admin.Get("/admin/business")
	require.Equal(t, 200, page.Status)
	signups := page.Doc.Find("#weekly-signups li")
	require.Equal(t, 12, signups.Length(), "twelve weeks")
	require.Contains(t, signups.Last().Text(), "2 juin 2036")
	require.Equal(t, "2", strings.TrimSpace(signups.Last().Find(".num").Text()))
	require.Equal(t, "0", strings.TrimSpace(signups.Eq(10).Find(".num").Text()))
	require.Equal(t, "1", strings.TrimSpace(page.Doc.Find("#weekly-active li").Last().Find(".num").Text()), "one salon had visits")

	months := page.Doc.Find("#monthly-fees tbody tr")
	require.Equal(t, 12, months.Length())
	require.Contains(t, months.Last().Text(), "juin 2036")
	require.Contains(t, months.Last().Text(), "1,25\u00a0€")
	bars := page.Doc.Find("#monthly-fees svg rect.bar")
	require.Equal(t, 12, bars.Length(), "a bar per month, drawn on the server")
	tallest, _ := bars.Last().Attr("height")
	empty, _ := bars.First().Attr("height")
	require.Equal(t, "156", tallest, "the best month fills the chart")
	require.Equal(t, "1", empty)
	require.Zero(t, page.Doc.Find("script:not([src])").Length(), "no script draws it")
}

func TestTheAuditLogPagesAndFiltersBySalonAdminAndAction(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s, other := env.NewSalon("Salon Journal"), env.NewSalon("Autre Journal")
	firstEmail, secondEmail := env.NewAdmin(), env.NewAdmin()
	first, second := env.Login(firstEmail), env.Login(secondEmail)
	for range 53 {
		require.Equal(t, 200, first.Get("/admin/salons/"+s.ID.String()).Status) // each look is logged
	}
	first.Get("/admin/salons/" + other.ID.String())
	require.Equal(t, 303, second.Post("/admin/salons/"+s.ID.String()+"/suspend", url.Values{"reason": {"Contrôle"}}).Status)

	q := url.Values{"salon": {s.Slug}, "admin": {firstEmail}, "action": {"salon.view"}}
	page := first.Get("/admin/audit?" + q.Encode())
	require.Contains(t, page.Text(".card .small.muted"), "53 entrée(s)")
	require.Equal(t, 50, page.Doc.Find(".audit li").Length())
	require.Contains(t, page.Text(".pagination"), "Page 1 sur 2")
	next, ok := page.Doc.Find(".pagination a[rel=next]").Attr("href")
	require.True(t, ok)
	page2 := first.Get(next)
	require.Equal(t, 3, page2.Doc.Find(".audit li").Length(), "the rest on page 2, filters kept")
	require.NotContains(t, page2.Text(".audit"), "Autre Journal")

	sel, _ := page.Doc.Find("select[name=admin] option[selected]").Attr("value")
	require.Equal(t, firstEmail, sel, "the form comes back as filtered")

	byAction := first.Get("/admin/audit?" + url.Values{"salon": {s.Slug}, "action": {"salon.suspend"}}.Encode())
	require.Equal(t, 1, byAction.Doc.Find(".audit li").Length())
	require.Contains(t, byAction.Text(".audit"), secondEmail)
	require.Contains(t, byAction.Text(".audit"), "Contrôle")

	bySecond := first.Get("/admin/audit?" + url.Values{"salon": {s.ID.String()}, "admin": {secondEmail}}.Encode())
	require.Equal(t, 1, bySecond.Doc.Find(".audit li").Length(), "a salon by its id too")
	require.Contains(t, first.Get("/admin/audit?salon=no-such-salon").Text(".card"), "0 entrée(s)")
	require.Equal(t, 200, first.Get("/admin/audit?page=999").Status)
	require.Contains(t, first.Get("/admin/audit").Text("select[name=action]"), "Suspension du salon", "actions chosen by name")
}

// A salon with two owners is found by either, and the count says as many
// salons as the list shows.
func TestAdminSearchFindsASalonByItsSecondOwner(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	tok := strings.ReplaceAll(uuid.NewString()[:8], "-", "")
	first, err := env.Srv.Accounts.Signup(t.Context(), account.SignupInput{SalonName: "Duo " + tok, Slug: "duo-" + tok,
		OwnerName: "Première Gérante", Email: "first-" + tok + "@example.com", Password: testkit.Password, Lang: i18n.FR})
	require.NoError(t, err)
	second, err := env.Srv.Accounts.Signup(t.Context(), account.SignupInput{SalonName: "Solo " + tok, Slug: "solo-" + tok,
		OwnerName: "Seconde Associée-" + tok, Email: "second-" + tok + "@example.com", Password: testkit.Password, Lang: i18n.FR})
	require.NoError(t, err)
	_, err = ownerDB(t).Exec(t.Context(), `INSERT INTO memberships (tenant_id, user_id, role, created_at)
		VALUES ($1, $2, 'owner', now() + interval '1 minute')`, first.SalonID, second.UserID)
	require.NoError(t, err)

	admin := env.Login(env.NewAdmin())
	p := admin.Get("/admin?q=" + url.QueryEscape("Seconde Associée-"+tok))
	var found []string
	p.Doc.Find("#salon-results tbody tr td:first-child strong").Each(func(_ int, s *goquery.Selection) { found = append(found, s.Text()) })
	require.ElementsMatch(t, []string{"Duo " + tok, "Solo " + tok}, found, "the salon she co-owns too")
	require.Contains(t, p.Text(".page-head"), "2 salon(s)", "the count agrees with the list")
}
