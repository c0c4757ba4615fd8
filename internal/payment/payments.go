package payment

import (
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/store"
)

// Payments runs the salon side of Stripe: connecting the salon's account,
// its status, and the platform's application fee.
type Payments struct {
	DB      *store.DB
	Stripe  *Stripe // nil: the platform has no Stripe key, online payments are off
	Clock   clock.Clock
	BaseURL string
}
