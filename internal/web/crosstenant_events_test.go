package web_test

import (
	"net/url"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/activity"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// Salon B's events stay in B's feed, and salon A's owner choosing their
// emails changes nothing of B's; staff members have no say in either.
func TestTheFeedAndTheNotificationChoicesStayInTheirSalon(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	a := env.NewSalon("Salon Alpha")
	b := newVictim(t, env)
	appt := uuid.MustParse(b.appointment)
	require.NoError(t, env.Srv.DB.WithTenant(t.Context(), b.salon.ID, func(tx store.Tx) error {
		return activity.RecordTx(t.Context(), tx, env.URL, activity.Event{SalonID: b.salon.ID, Kind: activity.Booked, AppointmentID: appt})
	}))
	ownerB := env.Login(b.salon.OwnerEmail)
	require.Equal(t, 1, ownerB.Get("/app").Doc.Find(".activity-feed li").Length(), "B sees its own event")

	ownerA := env.Login(a.OwnerEmail)
	home := ownerA.Get("/app")
	require.Zero(t, home.Doc.Find(".activity-feed li").Length())
	require.NotContains(t, home.Body, b.appointment)

	require.Equal(t, 303, ownerA.Post("/app/settings/notifications", url.Values{"events": {"refunded"}}).Status)
	onB, err := (&activity.Feed{DB: env.Srv.DB}).Prefs(t.Context(), b.salon.ID, b.salon.OwnerID, "owner")
	require.NoError(t, err)
	require.Equal(t, activity.Kinds, onB, "B's switches are untouched")
	onA, err := (&activity.Feed{DB: env.Srv.DB}).Prefs(t.Context(), a.ID, a.OwnerID, "owner")
	require.NoError(t, err)
	require.Equal(t, []string{"refunded"}, onA)

	staff := "staff-" + a.Slug + "@example.com"
	ownerA.Post("/app/team/invitations", url.Values{"email": {staff}, "role": {"staff"}})
	link, err := url.Parse(env.Mail.Wait(t, staff, 1).Link(t, "/invite/"))
	require.NoError(t, err)
	sc := env.NewClient()
	require.Equal(t, 303, sc.Post(link.Path, url.Values{"name": {"Sacha"}, "password": {"le-secret-de-sacha"}}).Status)
	require.Equal(t, 403, sc.Get("/app/settings/notifications").Status, "staff members receive no such email")
	require.Equal(t, 403, sc.Post("/app/settings/notifications", url.Values{"events": {"booked"}}).Status)
}
