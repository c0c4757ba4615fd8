package booking_test

import (
	"context"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/customer"
)

// An employee's visit costs the same whether she books it on the salon's
// page or staff book it from the agenda: her category's 20 % comes off the
// 50 € service both ways, and both visits keep the discount they were given.
func TestAnEmployeePaysTheSamePriceOnlineAndFromTheAgenda(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "prepayment"})
	ctx := context.Background()
	email := "emma-" + s.salon.Slug + "@example.com"
	s.clientWith(email, "default", "Employé")

	p := s.book(s.at("12:00"), email, nil)
	require.Equal(t, 409, p.Status, "her terms show her price first")
	form := bookForm(s.at("12:00"), email)
	form.Set("policy_hash", p.Value("input[name=policy_hash]"))
	require.Equal(t, 303, s.web.NewClient().Post(s.servicePath()+"/book", form).Status)
	online, err := s.env.Srv.Agenda.Get(ctx, s.sal, s.bookingByEmail(email).AppointmentID)
	require.NoError(t, err)

	staffBooked, err := s.env.Srv.Agenda.Create(ctx, s.sal, s.salon.OwnerID, agenda.Input{StaffID: s.staff,
		Start: s.at("15:00"), ServiceIDs: []uuid.UUID{s.service},
		Customer: customer.QuickInput{ID: online.Customer.ID}})
	require.NoError(t, err)
	fromAgenda, err := s.env.Srv.Agenda.Get(ctx, s.sal, staffBooked)
	require.NoError(t, err)

	require.Equal(t, int64(4000), online.PriceCents(), "online: 50 € less 20 %")
	require.Equal(t, online.PriceCents(), fromAgenda.PriceCents(), "the agenda gives the same price")
	require.EqualValues(t, 2000, online.Lines[0].DiscountBP)
	require.EqualValues(t, 2000, fromAgenda.Lines[0].DiscountBP)
}
