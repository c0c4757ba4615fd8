package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// openEveryDay opens a salon 09:00–19:00 every day.
func openEveryDay(t *testing.T, env *testkit.Env, id uuid.UUID) {
	week := availability.Daily(availability.Hours(9, 19))
	require.NoError(t, env.Srv.Salons.SetHours(t.Context(), id, week))
}

// detailsForm opens the first free time of a service and returns its form
// filled in, with the page's policy and one-time key.
func detailsForm(t *testing.T, c *testkit.Client, slug, service, email, phone string) url.Values {
	times := c.Get("/b/" + slug + "/s/" + service)
	require.Equal(t, 200, times.Status)
	href, ok := times.Doc.Find(".slots a").First().Attr("href")
	require.True(t, ok, "a free time")
	page := c.Get(href)
	require.Equal(t, 200, page.Status)
	form := url.Values{"first_name": {"Léa"}, "last_name": {"Martin"}, "email": {email}, "phone": {phone}, "accept_terms": {"1"}}
	for _, name := range []string{"start", "staff", "policy_hash", "request_key"} {
		form.Set(name, page.Value("input[name="+name+"]"))
	}
	return form
}

func countIn(t *testing.T, env *testkit.Env, query string, args ...any) int {
	var n int
	require.NoError(t, env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), query, args...).Scan(&n)
	}))
	return n
}

func TestPublicBookingAimedAtAnotherSalonsIdsFindsNothingAndTouchesNothing(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	b := newVictim(t, env)
	a := env.NewSalon("Salon Alpha")
	ctx := t.Context()
	openEveryDay(t, env, a.ID)
	openEveryDay(t, env, b.salon.ID)
	svc, err := env.Srv.Catalog.CreateService(ctx, a.ID, catalog.ServiceInput{Name: "Soin Alpha", Duration: 60 * time.Minute, PriceCents: 5000,
		OnlineBookable: true})
	require.NoError(t, err)
	_, err = env.Srv.Team.Save(ctx, a.ID, uuid.Nil, team.MemberInput{Name: "Alpha Styliste", Color: 2, Active: true,
		Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	bookings := func(salon uuid.UUID) int {
		return countIn(t, env, `SELECT count(*) FROM bookings WHERE tenant_id = $1`, salon)
	}

	c := env.NewClient()
	alpha := "/b/" + a.Slug
	for _, path := range []string{"/s/" + b.serviceID, "/s/" + b.serviceID + "/slots", "/s/" + b.serviceID + "/book"} {
		p := c.Get(alpha + path)
		require.Equal(t, 404, p.Status, path)
		require.NotContains(t, p.Body, "Bêta")
	}

	// B's staff member on A's form: refused, nothing booked in either salon.
	form := detailsForm(t, c, a.Slug, svc.String(), "cross-"+a.Slug+"@example.com", "07 00 00 00 09")
	form.Set("staff", b.staffID)
	p := c.Post(alpha+"/s/"+svc.String()+"/book", form)
	require.Equal(t, 409, p.Status)
	require.NotContains(t, p.Body, "Bêta")
	require.Zero(t, bookings(a.ID))
	require.Zero(t, bookings(b.salon.ID))
	start := url.QueryEscape(form.Get("start"))
	require.Equal(t, 404, c.Get(alpha+"/s/"+svc.String()+"/book?start="+start+"&staff="+b.staffID).Status)
	require.Equal(t, 404, c.Post(alpha+"/s/"+b.serviceID+"/book", form).Status)

	// B's client's phone on A's page: A knows no such client, B's record is
	// neither joined nor named as a lookalike.
	form = detailsForm(t, c, a.Slug, svc.String(), "lookalike-"+a.Slug+"@example.com", "06 12 34 56 78")
	p = c.Post(alpha+"/s/"+svc.String()+"/book", form)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, 1, countIn(t, env, `SELECT count(*) FROM customers WHERE tenant_id = $1 AND phone = '+33612345678' AND duplicate_of IS NULL`, a.ID))
	require.Equal(t, 1, countIn(t, env, `SELECT count(*) FROM appointments WHERE tenant_id = $1`, b.salon.ID), "B's agenda as it was")

	// A form's one-time key is the salon's: B's key sent to A books at A.
	cb := env.NewClient()
	formB := detailsForm(t, cb, b.salon.Slug, b.serviceID, "keyb-"+a.Slug+"@example.com", "07 00 00 00 08")
	require.Equal(t, 303, cb.Post("/b/"+b.salon.Slug+"/s/"+b.serviceID+"/book", formB).Status)
	formA := detailsForm(t, c, a.Slug, svc.String(), "keya-"+a.Slug+"@example.com", "07 00 00 00 07")
	formA.Set("request_key", formB.Get("request_key"))
	p = c.Post(alpha+"/s/"+svc.String()+"/book", formA)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.True(t, strings.Contains(p.Location(), alpha+"/m/"), p.Location())
	require.Equal(t, 1, countIn(t, env, `SELECT count(*) FROM bookings WHERE tenant_id = $1 AND email = $2`, a.ID, "keya-"+a.Slug+"@example.com"))
}
