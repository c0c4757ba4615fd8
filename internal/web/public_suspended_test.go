package web_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// A replica remembers the salon behind a slug for a few seconds, so its page
// may still show the form after the platform suspended the salon elsewhere;
// the booking itself checks the salon inside its transaction and is refused.
func TestABookingSentAfterASuspensionElsewhereIsRefused(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	ctx := t.Context()
	sal := env.NewSalon("Institut Sursis")
	openEveryDay(t, env, sal.ID)
	svc, err := env.Srv.Catalog.CreateService(ctx, sal.ID, catalog.ServiceInput{Name: "Soin sursis", Duration: 60 * time.Minute,
		PriceCents: 5000, OnlineBookable: true})
	require.NoError(t, err)
	_, err = env.Srv.Team.Save(ctx, sal.ID, uuid.Nil, team.MemberInput{Name: "Iris", Color: 2, Active: true, Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	bookings := func() int { return countIn(t, env, `SELECT count(*) FROM bookings WHERE tenant_id = $1`, sal.ID) }

	c := env.NewClient()
	form := detailsForm(t, c, sal.Slug, svc.String(), "sursis-"+sal.Slug+"@example.com", "07 00 00 00 31")
	owner, err := pgx.Connect(ctx, testkit.DatabaseURL())
	require.NoError(t, err)
	defer owner.Close(ctx)
	setStatus := func(status string) {
		_, err := owner.Exec(ctx, "UPDATE tenants SET status = $2, status_changed_at = now() WHERE id = $1", sal.ID, status)
		require.NoError(t, err)
	}

	setStatus("suspended") // by another instance: this one still remembers the salon as open
	p := c.Post("/b/"+sal.Slug+"/s/"+svc.String()+"/book", form)
	require.Equal(t, 503, p.Status)
	require.Contains(t, p.Body, "momentanément indisponible")
	require.Zero(t, bookings(), "nothing is booked at a suspended salon")

	setStatus("active")
	p = c.Post("/b/"+sal.Slug+"/s/"+svc.String()+"/book", form)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, 1, bookings())
}
