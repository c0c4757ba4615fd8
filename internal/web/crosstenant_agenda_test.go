package web_test

import (
	"net/url"
	"testing"

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
			return url.Values{"staff_id": {b.staffID}, "date": {"2099-03-03"}, "time": {"09:00"}, "services": {b.serviceID}}
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
		path: func(b victim) string { return "/app/agenda/week?date=2099-03-02&staff=" + b.staffID }},
}

func bAppointmentUntouched(t *testing.T, env *testkit.Env, b victim) {
	sal, err := env.Srv.Salons.Get(t.Context(), b.salon.ID)
	require.NoError(t, err)
	a, err := env.Srv.Agenda.Get(t.Context(), sal, mustUUID(t, b.appointment))
	require.NoError(t, err)
	require.Equal(t, "booked", a.Status)
	require.Equal(t, "2099-03-02 10:00", a.Start.Format("2006-01-02 15:04"))
}
