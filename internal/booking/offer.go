package booking

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/team"
)

// Booking runs online booking.
type Booking struct {
	DB      *store.DB
	Clock   clock.Clock
	Stripe  *payment.Stripe // nil: the platform takes no payments online
	BaseURL string
}

// HoldTime is how long a slot being paid for stays reserved.
const HoldTime = 15 * time.Minute

// Policy is the salon's booking policy, as the public page and the manage
// link apply it.
type Policy struct {
	Settings           salon.Settings
	BookWithoutPayment bool
	CancelRefund       string // refund | credit
	DepositName        string // acompte | arrhes
	Extra              string // the salon's own words
	CanCharge          bool   // Stripe is connected and can take payments
	FeePercentBP       int32
	FeeFixedCents      int64
}

func policyTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, stripeOn bool) (Policy, error) {
	row, err := tx.SalonSettingsGet(ctx, salonID)
	if err != nil {
		return Policy{}, err
	}
	p := Policy{Settings: salon.Settings{Address: row.Address, Phone: row.Phone,
		SlotStep: time.Duration(row.SlotStepMinutes) * time.Minute, MinNotice: time.Duration(row.MinNoticeMinutes) * time.Minute,
		MaxHorizonDays: int(row.MaxHorizonDays), CancellationWindow: time.Duration(row.CancellationWindowHours) * time.Hour,
		NoShowFeeCents: row.NoShowFeeCents,
		DefaultRule:    payment.Rule{Mode: row.PaymentRule, DepositKind: row.DepositKind, DepositValue: row.DepositValue}},
		BookWithoutPayment: row.BookWithoutPayment, CancelRefund: row.CancelRefund, DepositName: row.DepositName, Extra: row.PolicyText}
	if acct, err := tx.SalonStripeGet(ctx, salonID); err == nil {
		p.CanCharge = stripeOn && acct.ChargesEnabled
	} else if !store.IsNotFound(err) {
		return Policy{}, err
	}
	fee, err := tx.PlatformFeeGet(ctx)
	if err != nil {
		return Policy{}, err
	}
	p.FeePercentBP, p.FeeFixedCents = fee.FeePercentBp, fee.FeeFixedCents
	return p, nil
}

// Effective is the rule a booking follows once the salon's Stripe state is
// known: a rule needing a payment falls back to "none" when the salon takes
// bookings without payment until Stripe is ready; ok=false means "book by phone".
func (p Policy) Effective(r payment.Rule) (payment.Rule, bool) {
	if !r.NeedsStripe() || p.CanCharge {
		return r, true
	}
	if p.BookWithoutPayment {
		return payment.Rule{Mode: payment.ModeNone}, true
	}
	return r, false
}

// Offered is one service on the public page.
type Offered struct {
	catalog.Service
	Rule    payment.Rule // before the client is known
	ByPhone bool         // needs a payment the salon cannot take yet
	Staff   []Person
}

// Person is a staff member as clients see them: a first name.
type Person struct {
	ID   uuid.UUID
	Name string
}

// Group is a category of services.
type Group struct {
	Name     string
	Services []Offered
}

// Offer is the salon's public page.
type Offer struct {
	Salon  salon.Salon
	Policy Policy
	Hours  availability.Week
	Groups []Group
}

// Offer lists what the salon sells online, by category.
func (b *Booking) Offer(ctx context.Context, sal salon.Salon) (Offer, error) {
	o := Offer{Salon: sal}
	err := b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		var err error
		if o.Policy, err = policyTx(ctx, tx, sal.ID, b.Stripe != nil); err != nil {
			return err
		}
		hours, err := tx.OpeningHoursList(ctx, sal.ID)
		if err != nil {
			return err
		}
		for _, h := range hours {
			o.Hours[h.Weekday] = append(o.Hours[h.Weekday], availability.Range{From: salon.MinutesOf(h.Opens), To: salon.MinutesOf(h.Closes)})
		}
		return o.groupServices(ctx, tx)
	})
	if err != nil {
		return Offer{}, fmt.Errorf("booking: offer: %w", err)
	}
	return o, nil
}

func (o *Offer) groupServices(ctx context.Context, tx store.Tx) error {
	cats, err := catalog.CategoriesTx(ctx, tx, o.Salon.ID)
	if err != nil {
		return err
	}
	services, err := catalog.ServicesTx(ctx, tx, o.Salon.ID)
	if err != nil {
		return err
	}
	members, err := team.MembersTx(ctx, tx, o.Salon.ID)
	if err != nil {
		return err
	}
	byCat := map[uuid.UUID][]Offered{}
	var none []Offered
	for _, s := range services {
		if !s.OnlineBookable {
			continue
		}
		off := Offered{Service: s, Rule: payment.Resolve("", "", s.Rule, o.Policy.Settings.DefaultRule)}
		_, ok := o.Policy.Effective(off.Rule)
		off.ByPhone = !ok
		for _, m := range members {
			if m.Active && m.Services[s.ID] {
				off.Staff = append(off.Staff, Person{ID: m.ID, Name: m.Name})
			}
		}
		if len(off.Staff) == 0 {
			continue // nobody performs it: nothing to book
		}
		if s.CategoryID == nil {
			none = append(none, off)
		} else {
			byCat[*s.CategoryID] = append(byCat[*s.CategoryID], off)
		}
	}
	for _, c := range cats {
		if len(byCat[c.ID]) > 0 {
			o.Groups = append(o.Groups, Group{Name: c.Name, Services: byCat[c.ID]})
		}
	}
	if len(none) > 0 {
		o.Groups = append(o.Groups, Group{Services: none})
	}
	return nil
}

// Find returns an offered service by id.
func (o Offer) Find(id uuid.UUID) (Offered, bool) {
	for _, g := range o.Groups {
		for _, s := range g.Services {
			if s.ID == id {
				return s, true
			}
		}
	}
	return Offered{}, false
}
