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
	"github.com/carnet-salon/carnet/internal/urls"
)

// Input is the public booking form as typed.
type Input struct {
	ServiceID   uuid.UUID
	StaffID     uuid.UUID // uuid.Nil: anyone
	Start       time.Time // one of the offered times
	FirstName   string
	LastName    string
	Email       string
	Phone       string
	Note        string
	AcceptTerms bool      // the cancellation policy, shown in plain words
	PolicyHash  string    // the hash of the policy text the client read and accepted
	SaveCard    bool      // separate, unticked consent to keep the card (CNIL)
	RequestKey  string    // the form's key: the same form sent twice for the same person books once
	SignedIn    uuid.UUID // the client signed in to the salon's portal, uuid.Nil for nobody
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

// ErrStaffNotOffered: the form names someone who does not do the service;
// booking it with someone else would not be what the client asked for.
var ErrStaffNotOffered = apperr.New(apperr.Conflict, "public.staff_not_offered")

// ErrSlotPast: the time asked for has passed (a page left open, a link
// followed late): "passée", never "prise".
var ErrSlotPast = apperr.New(apperr.Conflict, "booking.slot_past")

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
	request []byte // the hash of the form's one-time key; nil without one
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
	phone, ok := customer.NormalizePhone(in.Phone, sal.Country)
	switch {
	case strings.TrimSpace(in.Phone) == "":
		f.Add("phone", "field.required")
	case !ok || phone == "":
		f.Add("phone", "phone.invalid")
	}
	c.phone = phone
	if len([]rune(c.note)) > 500 || len([]rune(c.first)) > 60 || len([]rune(c.last)) > 60 {
		f.Add("note", "text.long")
	}
	if !in.AcceptTerms {
		f.Add("accept_terms", "booking.accept_required")
	}
	c.start = in.Start
	c.profile = customer.OnlineInput{FirstName: c.first, LastName: c.last, Email: c.email, Phone: c.phone, SignedIn: in.SignedIn,
		Lang: string(in.Lang)}
	if k := strings.TrimSpace(in.RequestKey); k != "" && len(k) <= 100 {
		// The same form for the same person: someone else booked from the
		// same form (another email, another phone) is another booking.
		c.request = secret.Hash(k + "|" + c.email + "|" + c.phone)
	}
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
	if in.StaffID != uuid.Nil && !off.Does(in.StaffID) {
		return Result{}, ErrStaffNotOffered
	}
	if off.ByPhone {
		return Result{}, ErrByPhone
	}
	raw, hash := secret.NewToken()
	res := Result{ManageToken: raw}
	var pend pending
	var first *dbq.Booking
	err = b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		var err error
		if first, err = b.sentBefore(ctx, tx, sal.ID, c.request, hash); err != nil || first != nil {
			return err
		}
		if err := salon.TakesBookingsTx(ctx, tx, sal.ID); err != nil {
			return err
		}
		pend, err = b.hold(ctx, tx, sal, off, in, c, hash)
		res.BookingID = pend.bookingID
		return err
	})
	if err != nil {
		return Result{}, fmt.Errorf("booking: book: %w", err)
	}
	manage := b.manageURL(sal, raw)
	if first != nil {
		return again(*first, res, manage), nil
	}
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

// sentBefore finds the booking this form already made, when it was sent
// before: a double tap, back and resubmit, a second tab. Submissions of one
// form wait for each other here, so however many arrive at once, and
// whoever "anyone" would pick for each, one booking is made. The booking
// found gets a new manage link (only its hash is kept, so the first one
// cannot be given again). A booking that is no more (its payment never
// went through, or the client cancelled it) frees the form: sent again, it
// books anew.
func (b *Booking) sentBefore(ctx context.Context, tx store.Tx, salonID uuid.UUID, request, linkHash []byte) (*dbq.Booking, error) {
	if request == nil {
		return nil, nil
	}
	if err := tx.BookingLockRequest(ctx, dbq.BookingLockRequestParams{TenantID: salonID.String(), RequestKey: request}); err != nil {
		return nil, err
	}
	bk, err := tx.BookingByRequest(ctx, dbq.BookingByRequestParams{TenantID: salonID, RequestKey: request})
	if store.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if bk.Status != "awaiting_payment" && bk.Status != "confirmed" {
		return nil, tx.BookingForgetRequest(ctx, dbq.BookingForgetRequestParams{TenantID: salonID, ID: bk.ID})
	}
	if err := tx.BookingLinkAdd(ctx, dbq.BookingLinkAddParams{TokenHash: linkHash, TenantID: salonID, BookingID: bk.ID}); err != nil {
		return nil, err
	}
	return &bk, nil
}

// again is the answer to a form sent a second time: where the first sending
// led, the payment page while it is open, else the booking's own page.
func again(bk dbq.Booking, res Result, manage string) Result {
	res.BookingID = bk.ID
	switch {
	case bk.Status == "awaiting_payment" && bk.CheckoutUrl != "":
		res.RedirectURL = bk.CheckoutUrl
	case bk.Status == "confirmed":
		res.RedirectURL = manage + "?new=1"
	default:
		res.RedirectURL = manage
	}
	return res
}

// pending is what the hold transaction created, for the Stripe step.
type pending struct {
	bookingID, appointmentID, paymentID, customerID uuid.UUID
	discount                                        int32 // the client's category discount, in basis points
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
	depositName                                     string // and what the advance is called: arrhes are owed double if the salon cancels
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
	who, err := customer.IdentifyOnlineTx(ctx, tx, sal.ID, c.profile)
	if err != nil {
		return pending{}, err
	}
	cust := who.Customer
	rule, rec, err := ruleFor(ctx, tx, sal.ID, who, off, pol)
	if err != nil {
		return pending{}, err
	}
	rule, ok := pol.Effective(rule)
	if !ok {
		return pending{}, ErrByPhone
	}
	off.PriceCents = customer.Discounted(off.PriceCents, rec.DiscountBP)
	p := pending{customerID: cust.ID, discount: rec.DiscountBP, rule: rule, due: rule.Due(off.PriceCents), email: c.email, name: c.first + " " + c.last,
		saveCard: in.SaveCard || rule.Mode == payment.ModeCardImprint, lang: in.Lang, expires: now.Add(HoldTime),
		windowHours: int32(pol.Settings.CancellationWindow / time.Hour), onCancel: pol.CancelRefund,
		noShowFee: pol.Settings.NoShowFeeCents, depositName: pol.DepositName}
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
	policy := PolicyText(in.Lang, pol, rule, sal.Currency, off.PriceCents, pol.Late(c.start, now))
	if PolicyHash(policy) != in.PolicyHash {
		// Known now, the terms of this booking (the client's, or a rule that
		// follows their email or phone) differ from what they read: they must
		// read and accept these instead.
		return pending{}, &PolicyChanged{Rule: rule, Text: policy, PriceCents: off.PriceCents}
	}
	return p, b.insertBooking(ctx, tx, sal, in, c, tokenHash, policy, &p)
}

// ruleFor is the payment rule of a booking: the client's own mode, then
// their category's, then the service's, then the salon's (a new record has
// only its default category). Then the rule of every record with the same
// email or phone applies when it asks for more: a restriction follows a
// phone or an email, a privilege only a proven client. It returns the
// booking client's record too.
func ruleFor(ctx context.Context, tx store.Tx, salonID uuid.UUID, who customer.Online, off Offered, pol Policy) (payment.Rule, customer.Record, error) {
	resolve := func(rec customer.Record) payment.Rule {
		return payment.Resolve(rec.PaymentMode, rec.CategoryMode, off.Service.Rule, pol.Settings.DefaultRule)
	}
	own, err := customer.RecordTx(ctx, tx, salonID, who.ID)
	if err != nil {
		return payment.Rule{}, customer.Record{}, err
	}
	rule := resolve(own)
	for _, id := range who.Lookalikes {
		rec, err := customer.RecordTx(ctx, tx, salonID, id)
		if err != nil {
			return payment.Rule{}, customer.Record{}, err
		}
		rule = payment.Stricter(rule, resolve(rec), off.PriceCents)
	}
	return rule, own, nil
}

// pickStaff re-checks the chosen time against the free times now, and picks
// who does it when the client said "anyone".
func (b *Booking) pickStaff(ctx context.Context, tx store.Tx, sal salon.Salon, off Offered, want uuid.UUID, start, now time.Time) (uuid.UUID, error) {
	if !start.After(now) {
		return uuid.Nil, ErrSlotPast
	}
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
		PriceCents: off.PriceCents, DiscountBp: p.discount})
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
		NoShowFeeCents: &p.noShowFee, RequestKey: c.request, DepositName: &p.depositName})
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
		SaveCard: p.saveCard, SuccessURL: manage + "?paid=1", CancelURL: manage + "?gaveup=1",
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
// Stripe often fails because the request ran out of time, so the release
// must not share the request's deadline: every statement runs detached.
func (b *Booking) abandon(ctx context.Context, salonID uuid.UUID, p pending) {
	ctx = context.WithoutCancel(ctx)
	_ = b.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		return releaseTx(ctx, tx, salonID, p.bookingID, p.appointmentID)
	})
}

func (b *Booking) manageURL(sal salon.Salon, token string) string {
	return b.BaseURL + urls.Manage(sal.Slug, token)
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
