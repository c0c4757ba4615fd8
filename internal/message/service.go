package message

import (
	"context"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/store"
)

// Outbox is the salon's messages: writing to a client, the templates, the
// history, the reminders, and the job that sends what the outbox holds.
type Outbox struct {
	DB      *store.DB
	Clock   clock.Clock
	Mail    mail.Sender
	SMS     SMSProvider
	BaseURL string
	// Secret signs the unsubscribe links of offers (derived from SECRET_KEY).
	Secret []byte
	// SMSFrom is the sender of the SMS of salons that set none: a STOP
	// sent to it concerns them.
	SMSFrom string
	// ManageLink mints, when a message about a visit is sent, the client's
	// link to manage it ("" for a visit not booked online). The booking area
	// owns those links; the server wires its function in.
	ManageLink func(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID) (string, error)
}
