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
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/team"
)

// Booking runs online booking.
type Booking struct {
	DB      *store.DB
	Clock   clock.Clock
	Stripe  *payment.Stripe // nil: the platform takes no payments online
	BaseURL string
	Sender  string // the address booking emails come from: the organiser of their calendar files

	offers offerCache
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
	var r policyReads
	batch := &store.Batch{}
	r.queue(ctx, batch, salonID)
	if err := tx.Send(ctx, batch); err != nil {
		return Policy{}, err
	}
	return r.policy(stripeOn), nil
}

// policyReads is what a Policy is made of, as reads of a batch.
type policyReads struct {
	settings dbq.SalonSetting
	stripe   *dbq.SalonStripe // nil: no Stripe account yet
	fee      dbq.PlatformFeeGetRow
}

func (r *policyReads) queue(ctx context.Context, b *store.Batch, salonID uuid.UUID) {
	b.Queue(func(q *dbq.Queries) (err error) { r.settings, err = q.SalonSettingsGet(ctx, salonID); return err })
	b.Queue(func(q *dbq.Queries) error {
		acct, err := q.SalonStripeGet(ctx, salonID)
		r.stripe = &acct
		if store.IsNotFound(err) {
			r.stripe, err = nil, nil
		}
		return err
	})
	b.Queue(func(q *dbq.Queries) (err error) { r.fee, err = q.PlatformFeeGet(ctx); return err })
}

func (r *policyReads) policy(stripeOn bool) Policy {
	row := r.settings
	return Policy{Settings: salon.Settings{Address: row.Address, Phone: row.Phone,
		SlotStep: time.Duration(row.SlotStepMinutes) * time.Minute, MinNotice: time.Duration(row.MinNoticeMinutes) * time.Minute,
		MaxHorizonDays: int(row.MaxHorizonDays), CancellationWindow: time.Duration(row.CancellationWindowHours) * time.Hour,
		NoShowFeeCents: row.NoShowFeeCents,
		DefaultRule:    payment.Rule{Mode: row.PaymentRule, DepositKind: row.DepositKind, DepositValue: row.DepositValue}},
		BookWithoutPayment: row.BookWithoutPayment, CancelRefund: row.CancelRefund, DepositName: row.DepositName, Extra: row.PolicyText,
		CanCharge:    stripeOn && r.stripe != nil && r.stripe.ChargesEnabled,
		FeePercentBP: r.fee.FeePercentBp, FeeFixedCents: r.fee.FeeFixedCents}
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

// Does says whether a staff member does this service online.
func (o Offered) Does(staffID uuid.UUID) bool {
	for _, p := range o.Staff {
		if p.ID == staffID {
			return true
		}
	}
	return false
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

// Offer lists what the salon sells online, by category. It is read in a
// single round trip: the public page is the busiest page there is.
func (b *Booking) Offer(ctx context.Context, sal salon.Salon) (Offer, error) {
	r, err := b.readOffer(ctx, sal.ID, nil)
	if err != nil {
		return Offer{}, fmt.Errorf("booking: offer: %w", err)
	}
	return r.offer(sal, b.Stripe != nil, r.members.Members()), nil
}

// offerReads is what an Offer is made of, as reads of a batch.
type offerReads struct {
	policy   policyReads
	hours    []dbq.OpeningHour
	cats     []catalog.Category
	services []catalog.Service
	members  team.MemberReads
}

func (r *offerReads) queue(ctx context.Context, b *store.Batch, salonID uuid.UUID) {
	r.policy.queue(ctx, b, salonID)
	queueHours(ctx, b, salonID, &r.hours)
	catalog.QueueCategories(ctx, b, salonID, &r.cats)
	catalog.QueueServices(ctx, b, salonID, &r.services)
	r.members.Queue(ctx, b, salonID)
}

// offer is the page once the batch has been sent; members are the reads'
// Members, which the caller may need too.
func (r *offerReads) offer(sal salon.Salon, stripeOn bool, members []team.Member) Offer {
	o := Offer{Salon: sal, Policy: r.policy.policy(stripeOn), Hours: weekOf(r.hours)}
	o.groupServices(r.cats, r.services, members)
	return o
}

func (o *Offer) groupServices(cats []catalog.Category, services []catalog.Service, members []team.Member) {
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
