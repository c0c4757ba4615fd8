package message_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/message"
)

func TestRemindersAreHeldDuringASuspensionAndThoseOfVisitsPastAreDropped(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t)
	paris := s.sal.Location()
	morning := time.Date(2048, time.March, 8, 10, 0, 0, 0, paris)
	evening := morning.Add(8 * time.Hour)
	past, _ := s.visit(morning, "past-"+s.salon.Slug+"@example.com", "")
	ahead, _ := s.visit(evening, "ahead-"+s.salon.Slug+"@example.com", "")
	ops := admin.Actor{UserID: s.salon.OwnerID, Email: "ops@carnet.test"}
	ctx := context.Background()

	s.env.Clock.Set(morning.Add(-23 * time.Hour))
	require.NoError(t, s.env.Srv.Admin.Suspend(ctx, ops, s.salon.ID, "Contrôle"))
	s.sweep()
	require.Zero(t, s.reminders(past, message.Email), "held while the salon is suspended")

	s.env.Clock.Set(morning.Add(2 * time.Hour))
	require.NoError(t, s.env.Srv.Admin.Reactivate(ctx, ops, s.salon.ID))
	s.sweep()
	require.Zero(t, s.reminders(past, message.Email), "a visit already past is never reminded late")
	require.Equal(t, 1, s.reminders(ahead, message.Email), "a visit still ahead gets the reminder it was owed")
}
