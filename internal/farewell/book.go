package farewell

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
)

// BookInput is the next visit as tapped: a free time, and who is free then
// (used only when nobody in particular did the services).
type BookInput struct {
	Start   time.Time
	StaffID uuid.UUID
}

// Refusals of a next visit that the farewell page does not offer.
var (
	ErrNoClient  = apperr.New(apperr.Conflict, "farewell.no_client")
	ErrNoService = apperr.New(apperr.Conflict, "farewell.no_service")
)

// Book books the client's next visit: the services of the sale with the
// same staff member, at the time tapped, through the agenda (its rules,
// its refusal of overlaps, the client's confirmation). It is idempotent per
// sale: once the client has a visit to come, that visit is returned and
// nothing more is booked — a second tap, or a tap on an older page, lands
// on the visit the first one booked.
func (f *Farewell) Book(ctx context.Context, sal salon.Salon, ticketID, actor uuid.UUID, in BookInput) (uuid.UUID, error) {
	s, err := f.sale(ctx, sal, ticketID)
	if err != nil {
		return uuid.Nil, err
	}
	if s.ticket.CustomerID == uuid.Nil {
		return uuid.Nil, ErrNoClient
	}
	if next := s.next(f.Clock.Now()); next != nil {
		return next.ID, nil
	}
	if len(s.services) == 0 {
		return uuid.Nil, ErrNoService
	}
	staff, _ := s.staff()
	if staff == uuid.Nil {
		staff = in.StaffID
	}
	id, err := f.Agenda.Create(ctx, sal, actor, agenda.Input{StaffID: staff, Start: in.Start, ServiceIDs: s.services,
		Customer: customer.QuickInput{ID: s.ticket.CustomerID}})
	if err == nil {
		return id, nil
	}
	// Two taps at once: the agenda let one through and refused the other's
	// overlap. The one that lost lands on the visit the other booked.
	visits, again := f.Agenda.ClientVisits(ctx, sal, s.ticket.CustomerID)
	if again != nil {
		return uuid.Nil, fmt.Errorf("farewell: book: %w", again)
	}
	s.visits = visits
	if next := s.next(f.Clock.Now()); next != nil {
		return next.ID, nil
	}
	return uuid.Nil, fmt.Errorf("farewell: book: %w", err)
}
