package booking

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Input is the public booking form as typed.
type Input struct {
	ServiceID   uuid.UUID
	StaffID     uuid.UUID // uuid.Nil: anyone
	Start       string    // RFC 3339, as the slot button carried it
	FirstName   string
	LastName    string
	Email       string
	Phone       string
	Note        string
	AcceptTerms bool   // the cancellation policy, shown in plain words
	PolicyHash  string // the hash of the policy text the client read and accepted
	SaveCard    bool   // separate, unticked consent to keep the card (CNIL)
	IP          string
	Lang        i18n.Lang
}

// Result says where the client goes next.
type Result struct {
	BookingID   uuid.UUID
	ManageToken string
	RedirectURL string // Stripe Checkout, or the booking's own page
}

// ErrSlotGone is shown when someone else took the time meanwhile.
var ErrSlotGone = apperr.New(apperr.Conflict, "booking.slot_gone")

// ErrByPhone: this service needs a payment the salon cannot take online yet.
var ErrByPhone = apperr.New(apperr.Conflict, "booking.by_phone")

// ErrPaymentUnavailable: Stripe could not be reached; nothing is kept.
var ErrPaymentUnavailable = apperr.New(apperr.Unavailable, "booking.payment_unavailable")

type checked struct {
	start   time.Time
	phone   string
	email   string
	first   string
	last    string
	note    string
	profile customer.OnlineInput
}

func (in Input) check(sal salon.Salon) (checked, error) {
	f := apperr.Fields{}
	c := checked{first: strings.TrimSpace(in.FirstName), last: strings.TrimSpace(in.LastName),
		email: account.NormalizeEmail(in.Email), note: strings.TrimSpace(in.Note)}
	if c.first == "" {
		f.Add("first_name", "field.required")
	}
	if c.last == "" {
		f.Add("last_name", "field.required")
	}
	if k := account.CheckEmail(c.email); k != "" {
		f.Add("email", k)
	}
	phone, ok := customer.NormalizePhone(in.Phone, customer.RegionOf(sal.TimeZone))
	if !ok || phone == "" {
		f.Add("phone", "phone.invalid")
	}
	c.phone = phone
	if len([]rune(c.note)) > 500 || len([]rune(c.first)) > 60 || len([]rune(c.last)) > 60 {
		f.Add("note", "text.long")
	}
	if !in.AcceptTerms {
		f.Add("accept_terms", "booking.accept_required")
	}
	var err error
	if c.start, err = time.Parse(time.RFC3339, in.Start); err != nil {
		return c, apperr.ErrNotFound
	}
	c.profile = customer.OnlineInput{FirstName: c.first, LastName: c.last, Email: c.email, Phone: c.phone}
	return c, f.Err()
}

// Book reserves the slot for the client. With a payment or card imprint to
// take, the slot is held (pending) for HoldTime and the client is sent to
// Stripe; otherwise the visit is booked at once. The slot is checked again
// here and the database refuses any overlap, so two clients racing for a
// time cannot both get it.
func (b *Booking) Book(ctx context.Context, sal salon.Salon, off Offered, in Input) (Result, error) {
	c, err := in.check(sal)
	if err != nil {
		return Result{}, err
	}
	if off.ByPhone {
		return Result{}, ErrByPhone
	}
	raw, hash := secret.NewToken()
	res := Result{ManageToken: raw}
	var pend pending
	err = b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		var err error
		pend, err = b.hold(ctx, tx, sal, off, in, c, hash)
		res.BookingID = pend.bookingID
		return err
	})
	if err != nil {
		return Result{}, fmt.Errorf("booking: book: %w", err)
	}
	manage := b.manageURL(sal, raw)
	if !pend.rule.NeedsStripe() {
		res.RedirectURL = manage + "?new=1"
		return res, nil
	}
	url, err := b.checkout(ctx, sal, off, pend, manage)
	if err != nil {
		b.abandon(ctx, sal.ID, pend)
		return Result{}, fmt.Errorf("%w (%w)", ErrPaymentUnavailable, err)
	}
	res.RedirectURL = url
	return res, nil
}

// pending is what the hold transaction created, for the Stripe step.
type pending struct {
	bookingID, appointmentID, paymentID, customerID uuid.UUID
	rule                                            payment.Rule
	due, fee                                        int64
	account                                         string
	email, name                                     string
	saveCard                                        bool
	lang                                            i18n.Lang
	expires                                         time.Time
	windowHours                                     int32  // the cancellation window the client accepted
	onCancel                                        string // and what a cancellation in time does with the money
	noShowFee                                       int64  // and the fee a missed visit may cost
}

func (b *Booking) hold(ctx context.Context, tx store.Tx, sal salon.Salon, off Offered, in Input, c checked, tokenHash []byte) (pending, error) {
	now := b.Clock.Now()
	pol, err := policyTx(ctx, tx, sal.ID, b.Stripe != nil)
	if err != nil {
		return pending{}, err
	}
	staffID, err := b.pickStaff(ctx, tx, sal, off, in.StaffID, c.start, now)
	if err != nil {
		return pending{}, err
	}
	cust, _, err := customer.FindOrCreateOnlineTx(ctx, tx, sal.ID, c.profile)
	if err != nil {
		return pending{}, err
	}
	rec, err := customer.RecordTx(ctx, tx, sal.ID, cust.ID)
	if err != nil {
		return pending{}, err
	}
	// The client's own mode, then their category's, then the service's, then the salon's.
	rule, ok := pol.Effective(payment.Resolve(rec.PaymentMode, rec.CategoryMode, off.Service.Rule, pol.Settings.DefaultRule))
	if !ok {
		return pending{}, ErrByPhone
	}
	off.PriceCents = discounted(off.PriceCents, rec.Discount)
	p := pending{customerID: cust.ID, rule: rule, due: rule.Due(off.PriceCents), email: c.email, name: c.first + " " + c.last,
		saveCard: in.SaveCard || rule.Mode == payment.ModeCardImprint, lang: in.Lang, expires: now.Add(HoldTime),
		windowHours: int32(pol.Settings.CancellationWindow / time.Hour), onCancel: pol.CancelRefund,
		noShowFee: pol.Settings.NoShowFeeCents}
	if rule.Mode == payment.ModeCardImprint && !in.SaveCard {
		return pending{}, apperr.Fields{"save_card": "booking.card_consent_required"}.Err()
	}
	p.fee = payment.Fee(p.due, pol.FeePercentBP, pol.FeeFixedCents)
	if rule.NeedsStripe() {
		acct, err := tx.SalonStripeGet(ctx, sal.ID)
		if err != nil {
			return pending{}, err
		}
		p.account = acct.AccountID
	}
	if err := b.insertVisit(ctx, tx, sal, off, staffID, c, &p); err != nil {
		return pending{}, err
	}
	policy := PolicyText(in.Lang, pol, rule, sal.Currency, off.PriceCents)
	if PolicyHash(policy) != in.PolicyHash {
		// Known now, the client's own terms (their mode, their category) differ
		// from what they read: they must read and accept these instead.
		return pending{}, &PolicyChanged{Rule: rule, Text: policy, PriceCents: off.PriceCents}
	}
	return p, b.insertBooking(ctx, tx, sal, in, c, tokenHash, policy, &p)
}

// pickStaff re-checks the chosen time against the free times now, and picks
// who does it when the client said "anyone".
func (b *Booking) pickStaff(ctx context.Context, tx store.Tx, sal salon.Salon, off Offered, want uuid.UUID, start, now time.Time) (uuid.UUID, error) {
	loc := sal.Location()
	day := time.Date(start.In(loc).Year(), start.In(loc).Month(), start.In(loc).Day(), 0, 0, 0, 0, loc)
	slots, err := findTx(ctx, tx, sal, off, want, day, day.AddDate(0, 0, 1), uuid.Nil, now, b.Stripe != nil)
	if err != nil {
		return uuid.Nil, err
	}
	i := slices.IndexFunc(slots, func(s availability.Slot) bool { return s.Start.Equal(start) })
	if i < 0 {
		return uuid.Nil, ErrSlotGone
	}
	return slots[i].Staff[0], nil
}

func (b *Booking) insertVisit(ctx context.Context, tx store.Tx, sal salon.Salon, off Offered, staffID uuid.UUID, c checked, p *pending) error {
	if err := tx.AppointmentLockStaff(ctx, staffID.String()); err != nil {
		return err
	}
	status := "booked"
	var hold *time.Time
	if p.rule.NeedsStripe() {
		status, hold = "pending", &p.expires
	}
	end := c.start.Add(off.Duration)
	appt, err := tx.AppointmentCreate(ctx, dbq.AppointmentCreateParams{TenantID: sal.ID, StaffID: staffID, CustomerID: p.customerID,
		StartsAt: c.start, EndsAt: end, BusyUntil: end.Add(off.Buffer), Status: status, Source: "online", Note: c.note, HoldExpiresAt: hold})
	if store.IsSlotTaken(err) {
		return ErrSlotGone
	}
	if err != nil {
		return err
	}
	p.appointmentID = appt.ID
	return tx.AppointmentServiceAdd(ctx, dbq.AppointmentServiceAddParams{TenantID: sal.ID, AppointmentID: appt.ID, ServiceID: off.ID,
		Position: 0, Name: off.Name, DurationMinutes: int32(off.Duration / time.Minute), BufferMinutes: int32(off.Buffer / time.Minute),
		PriceCents: off.PriceCents})
}

func (b *Booking) insertBooking(ctx context.Context, tx store.Tx, sal salon.Salon, in Input, c checked, tokenHash []byte, policy string, p *pending) error {
	status := "confirmed"
	var acct *string
	if p.rule.NeedsStripe() {
		status, acct = "awaiting_payment", &p.account
	}
	bk, err := tx.BookingCreate(ctx, dbq.BookingCreateParams{TenantID: sal.ID, AppointmentID: p.appointmentID, CustomerID: p.customerID,
		Lang: string(in.Lang), Email: c.email, PaymentMode: p.rule.Mode, AmountDueCents: p.due,
		Currency: sal.Currency, Status: status, StripeAccountID: acct, PolicyText: policy, PolicyHash: PolicyHash(policy),
		CardConsent: p.saveCard, ConsentAt: b.Clock.Now(), ConsentIp: in.IP, CancelWindowHours: &p.windowHours, CancelRefund: &p.onCancel,
		NoShowFeeCents: &p.noShowFee})
	if err != nil {
		return err
	}
	p.bookingID = bk.ID
	if err := tx.BookingLinkAdd(ctx, dbq.BookingLinkAddParams{TokenHash: tokenHash, TenantID: sal.ID, BookingID: bk.ID}); err != nil {
		return err
	}
	if !p.rule.NeedsStripe() {
		return b.notifyTx(ctx, tx, confirmation(sal.ID, bk.ID))
	}
	kind := p.rule.Mode // deposit, prepayment, card_imprint
	pay, err := tx.PaymentCreate(ctx, dbq.PaymentCreateParams{TenantID: sal.ID, AppointmentID: p.appointmentID, BookingID: &bk.ID,
		Kind: kind, AmountCents: p.due, FeeCents: p.fee, Currency: sal.Currency, Status: "pending"})
	p.paymentID = pay.ID
	return err
}

// checkout opens the Stripe Checkout Session on the salon's account.
func (b *Booking) checkout(ctx context.Context, sal salon.Salon, off Offered, p pending, manage string) (string, error) {
	cus, err := b.stripeCustomer(ctx, sal, p)
	if err != nil {
		return "", err
	}
	meta := map[string]string{"salon_id": sal.ID.String(), "booking_id": p.bookingID.String(), "payment_id": p.paymentID.String()}
	sess, err := b.Stripe.Checkout(ctx, payment.CheckoutInput{Account: p.account, Setup: p.rule.Mode == payment.ModeCardImprint,
		Customer: cus, AmountCents: p.due, FeeCents: p.fee, Currency: sal.Currency, Description: sal.Name + " · " + off.Name,
		SaveCard: p.saveCard, SuccessURL: manage + "?paid=1", CancelURL: manage + "?cancelled=1",
		ExpiresAt: p.expires.Add(15 * time.Minute), // Stripe's minimum is 30 minutes; the hold itself is released at 15
		Metadata:  meta, Idempotency: "checkout-" + p.bookingID.String(), Locale: string(p.lang)})
	if err != nil {
		return "", err
	}
	err = b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		if err := tx.BookingSetSession(ctx, dbq.BookingSetSessionParams{TenantID: sal.ID, ID: p.bookingID, CheckoutSessionID: &sess.ID, CheckoutUrl: sess.URL}); err != nil {
			return err
		}
		return tx.PaymentSetSession(ctx, dbq.PaymentSetSessionParams{TenantID: sal.ID, ID: p.paymentID, CheckoutSessionID: &sess.ID})
	})
	return sess.URL, err
}

// stripeCustomer is the client on the salon's Stripe account, created once.
func (b *Booking) stripeCustomer(ctx context.Context, sal salon.Salon, p pending) (string, error) {
	var existing string
	err := b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		row, err := tx.CustomerStripeGet(ctx, dbq.CustomerStripeGetParams{TenantID: sal.ID, CustomerID: p.customerID})
		if store.IsNotFound(err) {
			return nil
		}
		existing = row.StripeCustomerID
		return err
	})
	if err != nil || existing != "" {
		return existing, err
	}
	id, err := b.Stripe.CreateCustomer(ctx, p.account, p.email, p.name, "customer-"+p.customerID.String())
	if err != nil {
		return "", err
	}
	return id, b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		return tx.CustomerStripeSave(ctx, dbq.CustomerStripeSaveParams{TenantID: sal.ID, CustomerID: p.customerID, StripeCustomerID: id})
	})
}

// abandon releases a hold at once when Stripe could not even open the page.
func (b *Booking) abandon(ctx context.Context, salonID uuid.UUID, p pending) {
	_ = b.DB.WithTenant(context.WithoutCancel(ctx), salonID, func(tx store.Tx) error {
		return releaseTx(ctx, tx, salonID, p.bookingID, p.appointmentID)
	})
}

func (b *Booking) manageURL(sal salon.Salon, token string) string {
	return b.BaseURL + "/b/" + sal.Slug + "/m/" + token
}

// discounted applies a category's discount (employees' prices), rounded to the cent.
func discounted(price int64, percent int) int64 {
	if percent <= 0 {
		return price
	}
	return (price*int64(100-percent) + 50) / 100
}

// PolicyHash identifies a policy text: what was shown is what is accepted.
func PolicyHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// PolicyChanged says the terms that apply to this client differ from the ones
// they accepted; nothing was booked.
type PolicyChanged struct {
	Rule       payment.Rule
	Text       string
	PriceCents int64
}

func (e *PolicyChanged) Error() string {
	return "booking: the client's terms differ from the ones shown"
}
