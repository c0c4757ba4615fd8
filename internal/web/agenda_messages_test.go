package web_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
)

// outboxKinds lists, oldest first, the kinds of the messages the salon has
// queued for its clients, by channel.
func outboxKinds(t *testing.T, f agendaFixture) []string {
	t.Helper()
	var kinds []string
	ctx := context.Background()
	require.NoError(t, f.env.Srv.DB.WithTenant(ctx, f.salon.ID, func(tx store.Tx) error {
		rows, err := tx.Raw().Query(ctx, `SELECT kind || '/' || channel FROM messages WHERE tenant_id = $1 ORDER BY created_at, channel`, f.salon.ID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				return err
			}
			kinds = append(kinds, k)
		}
		return rows.Err()
	}))
	return kinds
}

func TestAVisitBookedMovedOrCancelledByTheSalonIsToldToTheClient(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	p := f.owner.Post("/app/appointments", f.form("2030-09-10", "14:30", "Moreau"))
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, []string{"confirmation/email", "confirmation/sms"}, outboxKinds(t, f),
		"booked by the salon: confirmed by SMS (the email is kept as skipped: none given)")

	href := f.owner.Follow(p).Doc.Find(".agenda-grid .appt").AttrOr("href", "")
	require.NotEmpty(t, href)
	moved := f.form("2030-09-10", "16:00", "Moreau")
	require.Equal(t, 303, f.owner.Post(href, moved).Status)
	require.Len(t, outboxKinds(t, f), 4, "a new time is confirmed again")

	moved.Set("note", "Apporte ses produits")
	require.Equal(t, 303, f.owner.Post(href, moved).Status)
	require.Len(t, outboxKinds(t, f), 4, "a note alone tells the client nothing")

	require.Equal(t, 303, f.owner.Post(href+"/status", url.Values{"status": {"cancelled"}}).Status)
	kinds := outboxKinds(t, f)
	require.Equal(t, []string{"cancellation/email", "cancellation/sms"}, kinds[4:])
}

func TestAVisitTypedInAfterTheFactSendsNothing(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	past := f.form("2030-07-01", "10:00", "Passé")
	past.Set("past", "1") // the form's "visit already done" box
	require.Equal(t, 303, f.owner.Post("/app/appointments", past).Status)
	require.Empty(t, outboxKinds(t, f))
}

func TestTheSalonCanBookOrMoveAVisitWithoutTellingTheClient(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	blank := f.owner.Get("/app/appointments/new?date=2030-09-11&time=10:00")
	require.Equal(t, 200, blank.Status)
	require.Contains(t, blank.Text("label[for=quiet]"), "Ne pas prévenir le client")
	require.Empty(t, blank.Value("#quiet[checked]"), "clients are told unless the salon says otherwise")

	form := f.form("2030-09-11", "10:00", "Discrète")
	form.Set("quiet", "1")
	form.Set("time", "25:00")
	refused := f.owner.Post("/app/appointments", form)
	require.Equal(t, 422, refused.Status)
	require.Equal(t, "1", refused.Value("#quiet[checked]"), "the box stays ticked when the form comes back")

	form.Set("time", "10:00")
	p := f.owner.Post("/app/appointments", form)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Empty(t, outboxKinds(t, f), "nothing sent")

	href := f.owner.Follow(p).Doc.Find(".agenda-grid .appt").AttrOr("href", "")
	require.NotEmpty(t, href)
	form.Set("time", "15:00")
	require.Equal(t, 303, f.owner.Post(href, form).Status)
	require.Empty(t, outboxKinds(t, f), "moved quietly too")
}
