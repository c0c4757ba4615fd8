package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// agendaCrossTenantRoutes: the agenda routes that take an id, aimed at salon B's rows.
var agendaCrossTenantRoutes = []crossTenantRoute{
	{method: "GET", pattern: "/app/appointments/:id",
		path: func(b victim) string { return "/app/appointments/" + b.appointment }},
	{method: "POST", pattern: "/app/appointments/:id",
		path: func(b victim) string { return "/app/appointments/" + b.appointment },
		form: func(b victim) url.Values {
			return url.Values{"staff_id": {b.staffID}, "date": {b.nextDay}, "time": {"09:00"}, "services": {b.serviceID}}
		},
		unchanged: bAppointmentUntouched},
	{method: "POST", pattern: "/app/appointments/:id/status",
		path:      func(b victim) string { return "/app/appointments/" + b.appointment + "/status" },
		form:      func(victim) url.Values { return url.Values{"status": {"cancelled"}} },
		unchanged: bAppointmentUntouched},
	{method: "POST", pattern: "/app/appointments/:id/fee",
		path:      func(b victim) string { return "/app/appointments/" + b.appointment + "/fee" },
		unchanged: bAppointmentUntouched},
	// Not an :id route, but it takes B's staff id in the query.
	{method: "GET", pattern: "/app/agenda/week?staff=",
		path: func(b victim) string { return "/app/agenda/week?date=" + b.day + "&staff=" + b.staffID }},
}

func bAppointmentUntouched(t *testing.T, env *testkit.Env, b victim) {
	sal, err := env.Srv.Salons.Get(t.Context(), b.salon.ID)
	require.NoError(t, err)
	a, err := env.Srv.Agenda.Get(t.Context(), sal, mustUUID(t, b.appointment))
	require.NoError(t, err)
	require.Equal(t, "booked", a.Status)
	require.Equal(t, b.day+" 10:00", a.Start.Format("2006-01-02 15:04"))
}

// TestAClosureOrAbsenceNamingAnotherSalonsVisitLeavesItAlone: the visits a
// closure or an absence cancels are those of the salon's own agenda; ids
// of another salon's visits posted as "seen" cancel nothing there.
func TestAClosureOrAbsenceNamingAnotherSalonsVisitLeavesItAlone(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	a := env.NewSalon("Salon Alpha")
	b := newVictim(t, env)
	staffA := env.Login(a.OwnerEmail)

	attack := url.Values{"from": {b.day}, "reason": {"Piraté"}, "choice": {"cancel"}, "seen": {b.appointment}}
	p := staffA.Post("/app/closures", attack)
	require.Equal(t, 303, p.Status, "A has no visit that day: its closure is saved")
	require.NotContains(t, staffA.Follow(p).Body, "Bêta")
	bAppointmentUntouched(t, env, b)

	p = staffA.Post("/app/staff/"+b.staffID+"/absences", attack)
	require.Equal(t, 404, p.Status)
	bAppointmentUntouched(t, env, b)
	closures, err := env.Srv.Salons.Closures(t.Context(), b.salon.ID, time.Now().AddDate(-1, 0, 0))
	require.NoError(t, err)
	require.Len(t, closures, 1, "B's own closure only")
}
