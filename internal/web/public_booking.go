package web

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/urls"
	bookingview "github.com/carnet-salon/carnet/views/booking"
	"github.com/carnet-salon/carnet/views/layout"
	"github.com/carnet-salon/carnet/views/ui"
)

const localPublic = "carnet.public_salon"

// publicSalon finds the salon of a /b/{slug} page; an unknown slug is not
// found. A suspended salon takes no bookings: its pages say how to reach it.
func (s *Server) publicSalon(c *fiber.Ctx) error { return s.findPublicSalon(c, false) }

// publicSalonKept is publicSalon for what a client already has: a suspended
// salon's clients still open their visit's page and may cancel it.
func (s *Server) publicSalonKept(c *fiber.Ctx) error { return s.findPublicSalon(c, true) }

func (s *Server) findPublicSalon(c *fiber.Ctx, keptWhenSuspended bool) error {
	sal, err := s.Salons.BySlug(ctx(c), c.Params("slug"))
	if err != nil {
		return err
	}
	req(c).Public = &layout.Salon{Name: sal.Name, Slug: sal.Slug}
	if sal.Suspended() && !keptWhenSuspended {
		return s.unavailable(c, sal)
	}
	c.Locals(localPublic, sal)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Next()
}

// unavailable is a suspended salon's page: it takes no bookings, and says how
// to reach it. A booking or a move refused because the suspension came while
// the visitor was on the page ends here too (salon.ErrSuspended).
func (s *Server) unavailable(c *fiber.Ctx, sal salon.Salon) error {
	set, err := s.Salons.Settings(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	c.Status(fiber.StatusServiceUnavailable)
	return s.render(c, bookingview.Unavailable(sal.Name, set.Address, set.Phone), nil)
}

func publicSalonOf(c *fiber.Ctx) salon.Salon {
	sal, _ := c.Locals(localPublic).(salon.Salon)
	return sal
}

func (s *Server) handlePublicSalon(c *fiber.Ctx) error {
	o, err := s.Booking.Offer(ctx(c), publicSalonOf(c))
	if err != nil {
		return err
	}
	return s.render(c, bookingview.SalonPage(o), nil)
}

// offered reads the :service of the URL among what the salon offers online.
func (s *Server) offered(c *fiber.Ctx) (booking.Offer, booking.Offered, error) {
	o, err := s.Booking.Offer(ctx(c), publicSalonOf(c))
	if err != nil {
		return o, booking.Offered{}, err
	}
	off, err := offeredIn(c, o)
	return o, off, err
}

// offeredIn finds the :service of the URL in the offer; a service booked by
// phone only has no page.
func offeredIn(c *fiber.Ctx, o booking.Offer) (booking.Offered, error) {
	id, err := pathID(c, "service")
	if err != nil {
		return booking.Offered{}, apperr.ErrNotFound
	}
	off, ok := o.Find(id)
	if !ok || off.ByPhone {
		return booking.Offered{}, apperr.ErrNotFound
	}
	return off, nil
}

// chosenStaff is the ?staff= of the URL when that person does the service.
func chosenStaff(c *fiber.Ctx, off booking.Offered) uuid.UUID {
	id, err := uuid.Parse(c.Query("staff"))
	if err != nil {
		return uuid.Nil
	}
	for _, p := range off.Staff {
		if p.ID == id {
			return id
		}
	}
	return uuid.Nil
}

// pickTime builds the pick-a-time step of the :service of the URL. The offer
// and the free times are read together: this and the times fragment are the
// busiest pages after the salon's own.
func (s *Server) pickTime(c *fiber.Ctx, timesOnly bool) (bookingview.Choose, error) {
	sal := publicSalonOf(c)
	w := s.window(c, sal.Location(), timesOnly)
	o, times, err := s.Booking.OfferTimes(ctx(c), sal, w.from, w.n)
	if err != nil {
		return bookingview.Choose{}, err
	}
	off, err := offeredIn(c, o)
	if err != nil {
		return bookingview.Choose{}, err
	}
	staff := chosenStaff(c, off)
	return choice(o, off, staff, w, times.Days(off, staff)), nil
}

// choose builds the pick-a-time step for an offer already read.
func (s *Server) choose(c *fiber.Ctx, o booking.Offer, off booking.Offered, staff uuid.UUID) (bookingview.Choose, error) {
	w := s.window(c, o.Salon.Location(), false)
	days, err := s.Booking.Days(ctx(c), o.Salon, off, staff, w.from, w.n)
	if err != nil {
		return bookingview.Choose{}, err
	}
	return choice(o, off, staff, w, days), nil
}

// choice shows the times of ?date= (or of the first day with any).
func choice(o booking.Offer, off booking.Offered, staff uuid.UUID, w window, days []booking.Day) bookingview.Choose {
	ch := bookingview.Choose{Offer: o, Service: off, Days: days, Day: days[0]}
	if staff != uuid.Nil {
		ch.Staff = staff.String()
	}
	for _, d := range days {
		if (w.dated && d.Date.Equal(w.date)) || (!w.dated && len(d.Slots) > 0 && len(ch.Day.Slots) == 0) {
			ch.Day = d
		}
	}
	slug := o.Salon.Slug
	q := func(d time.Time) string {
		v := "?date=" + d.Format(time.DateOnly)
		if ch.Staff != "" {
			v += "&staff=" + ch.Staff
		}
		return v
	}
	ch.DayLink = func(d time.Time) string { return urls.PublicService(slug, off.ID) + q(d) }
	ch.Earlier, ch.Later = pages(w, o.Policy.Settings.MaxHorizonDays)
	ch.Slots = func(d time.Time) string { return urls.PublicSlots(slug, off.ID) + q(d) }
	ch.Action = func(t time.Time) string {
		v := urls.PublicBook(slug, off.ID) + "?start=" + urlEscape(t.Format(time.RFC3339))
		if ch.Staff != "" {
			v += "&staff=" + ch.Staff
		}
		return v
	}
	return ch
}

func (s *Server) handlePublicService(c *fiber.Ctx) error {
	ch, err := s.pickTime(c, false)
	if err != nil {
		return err
	}
	return s.render(c, bookingview.ServicePage(ch), nil)
}

// handlePublicSlots is the times of one day, for the date strip (htmx).
func (s *Server) handlePublicSlots(c *fiber.Ctx) error {
	ch, err := s.pickTime(c, true)
	if err != nil {
		return err
	}
	return s.render(c, bookingview.Times(ch), bookingview.TimesChanged(ch))
}

func (s *Server) details(c *fiber.Ctx, o booking.Offer, off booking.Offered, f ui.Form) (bookingview.Details, error) {
	start, err := time.Parse(time.RFC3339, f.Get("start"))
	if err != nil {
		return bookingview.Details{}, apperr.ErrNotFound
	}
	d := bookingview.Details{Offer: o, Service: off, Start: start.In(o.Salon.Location()), F: f}
	staff := chosenStaffID(f.Get("staff"), off)
	for _, p := range off.Staff {
		if p.ID == staff {
			d.Staff, d.Who = p.ID.String(), p.Name
		}
	}
	if f.Get("request_key") == "" {
		f.Values["request_key"] = formKey(req(c).CSRF, off.ID, start, d.Staff)
	}
	d.Rule, _ = o.Policy.Effective(off.Rule)
	d.Policy = booking.PolicyText(i18n.LangFrom(ctx(c)), o.Policy, d.Rule, o.Salon.Currency, off.PriceCents, o.Policy.Late(start, s.Clock.Now()))
	return d, nil
}

// requestedStaff is the staff member a form names: "" is anyone; anything
// else is passed on as typed, for the booking to refuse when that person does
// not do the service.
func requestedStaff(raw string) uuid.UUID {
	if raw == "" {
		return uuid.Nil
	}
	id, err := uuid.Parse(raw)
	if err != nil {
		return uuid.Max // nobody: refused like a staff member who does not do it
	}
	return id
}

// formKey is the booking form's one-time key, carried through refusals. It
// is the same in every copy of the form this browser opens for this time
// (a double tap, back and resubmit, two tabs), so one booking is made
// however often it is sent. The booking keeps it with the email and phone
// typed: booking the same time for someone else from the same phone is a
// booking of its own. It is derived from the browser's secret CSRF token,
// which it does not reveal.
func formKey(browser string, service uuid.UUID, start time.Time, staff string) string {
	sum := sha256.Sum256([]byte("booking-form|" + browser + "|" + service.String() + "|" + start.UTC().Format(time.RFC3339) + "|" + staff))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func chosenStaffID(raw string, off booking.Offered) uuid.UUID {
	id, err := uuid.Parse(raw)
	if err != nil {
		return uuid.Nil
	}
	for _, p := range off.Staff {
		if p.ID == id {
			return id
		}
	}
	return uuid.Nil
}

func (s *Server) handlePublicDetails(c *fiber.Ctx) error {
	o, off, err := s.offered(c)
	if err != nil {
		return err
	}
	f := ui.NewForm()
	f.Values["start"], f.Values["staff"] = c.Query("start"), c.Query("staff")
	if id := requestedStaff(f.Get("staff")); id != uuid.Nil && !off.Does(id) {
		return apperr.ErrNotFound
	}
	d, err := s.details(c, o, off, f)
	if err != nil {
		return err
	}
	if !d.Start.After(s.Clock.Now()) {
		return s.slotRefused(c, o, off, f, "booking.slot_past")
	}
	return s.render(c, bookingview.DetailsPage(d), nil)
}

// bookingForm is the public booking form as typed. The booking area's field
// names are the form's.
type bookingForm struct {
	Start       string `form:"start"` // RFC 3339, as the slot button carried it
	Staff       string `form:"staff"`
	FirstName   string `form:"first_name"`
	LastName    string `form:"last_name"`
	Email       string `form:"email"`
	Phone       string `form:"phone"`
	Note        string `form:"note"`
	AcceptTerms bool   `form:"accept_terms"`
	SaveCard    bool   `form:"save_card"`
	PolicyHash  string `form:"policy_hash"`
	RequestKey  string `form:"request_key"`
}

// input parses the form; a start that is not a time was never offered.
func (f bookingForm) input() (booking.Input, error) {
	start, err := time.Parse(time.RFC3339, f.Start)
	if err != nil {
		return booking.Input{}, apperr.ErrNotFound
	}
	return booking.Input{StaffID: requestedStaff(f.Staff), Start: start, FirstName: f.FirstName, LastName: f.LastName,
		Email: f.Email, Phone: f.Phone, Note: f.Note, AcceptTerms: f.AcceptTerms, SaveCard: f.SaveCard,
		PolicyHash: f.PolicyHash, RequestKey: f.RequestKey}, nil
}

// policyChanged shows the client the terms that apply to them, to accept
// again: what they read must be what they agree to.
func (s *Server) policyChanged(c *fiber.Ctx, o booking.Offer, off booking.Offered, f ui.Form, ch *booking.PolicyChanged) error {
	delete(f.Values, "accept_terms")
	d, err := s.details(c, o, off, f)
	if err != nil {
		return err
	}
	d.Rule, d.Policy, d.Changed = ch.Rule, ch.Text, true
	d.Service.PriceCents = ch.PriceCents
	c.Status(fiber.StatusConflict)
	return s.render(c, bookingview.DetailsPage(d), nil)
}

func (s *Server) handlePublicBook(c *fiber.Ctx) error {
	o, off, err := s.offered(c)
	if err != nil {
		return err
	}
	var typed bookingForm
	if err := decodeForm(c, &typed); err != nil {
		return err
	}
	f := formView(typed)
	if err := s.bookingLimits(c, f); err != nil {
		return s.bookRefused(c, o, off, f, err)
	}
	// Signed in to the portal, the client is who they say: their booking
	// joins their record. Without Redis, nobody is signed in: booking goes on.
	cl, signedIn, err := s.signedInClient(c)
	if err != nil || !signedIn {
		cl.ID = uuid.Nil
	}
	in, err := typed.input()
	if err != nil {
		return err
	}
	in.SignedIn, in.ServiceID, in.IP, in.Lang = cl.ID, off.ID, s.clientIP(c), i18n.LangFrom(ctx(c))
	res, err := s.Booking.Book(ctx(c), o.Salon, off, in)
	if errors.Is(err, salon.ErrSuspended) {
		return s.unavailable(c, o.Salon)
	}
	if errors.Is(err, booking.ErrSlotGone) || errors.Is(err, booking.ErrSlotPast) {
		return s.slotRefused(c, o, off, f, keyOf(err))
	}
	if errors.Is(err, booking.ErrStaffNotOffered) {
		return s.backToTimes(c, o, off, uuid.Nil, "public.staff_not_offered")
	}
	var changed *booking.PolicyChanged
	if errors.As(err, &changed) {
		return s.policyChanged(c, o, off, f, changed)
	}
	if err != nil {
		if !refused(c, &f, err) {
			return s.bookRefused(c, o, off, f, err)
		}
		d, derr := s.details(c, o, off, f)
		if derr != nil {
			return derr
		}
		return s.render(c, bookingview.DetailsPage(d), nil)
	}
	return s.redirect(c, res.RedirectURL)
}

// backToTimes sends the client back to the times, saying why (an i18n key).
func (s *Server) backToTimes(c *fiber.Ctx, o booking.Offer, off booking.Offered, staff uuid.UUID, why string) error {
	ch, err := s.choose(c, o, off, staff)
	if err != nil {
		return err
	}
	ch.Error = why
	c.Status(fiber.StatusConflict)
	return s.render(c, bookingview.ServicePage(ch), nil)
}

// slotRefused shows the details form again, as typed, saying why its time
// cannot be booked (taken meanwhile, or passed), with the other free times
// of that day to pick from.
func (s *Server) slotRefused(c *fiber.Ctx, o booking.Offer, off booking.Offered, f ui.Form, key string) error {
	d, err := s.details(c, o, off, f)
	if err != nil {
		return err
	}
	loc := o.Salon.Location()
	day := time.Date(d.Start.Year(), d.Start.Month(), d.Start.Day(), 0, 0, 0, 0, loc)
	if today := s.Clock.Now().In(loc); day.Before(today) {
		day = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, loc)
	}
	days, err := s.Booking.Days(ctx(c), o.Salon, off, chosenStaffID(f.Get("staff"), off), day, 1)
	if err != nil {
		return err
	}
	for _, d1 := range days {
		for _, sl := range d1.Slots {
			d.Alternatives = append(d.Alternatives, sl.Start.In(loc))
		}
	}
	d.F.Error, d.TimeRefused = key, true
	c.Status(fiber.StatusConflict)
	return s.render(c, bookingview.DetailsPage(d), nil)
}

// bookRefused shows the details form again, as typed, when the booking
// could not go through for now (too many tries, payments down): the client
// tries again without typing everything again.
func (s *Server) bookRefused(c *fiber.Ctx, o booking.Offer, off booking.Offered, f ui.Form, err error) error {
	e, ok := apperr.As(err)
	if !ok || (e.Code != apperr.RateLimited && e.Code != apperr.Unavailable) {
		return err
	}
	if e.Code == apperr.RateLimited {
		c.Set(fiber.HeaderRetryAfter, "60")
	}
	d, derr := s.details(c, o, off, f)
	if derr != nil {
		return derr
	}
	d.F.Error, d.F.Args = e.Key, e.Args
	c.Status(statusOf(e.Code))
	return s.render(c, bookingview.DetailsPage(d), nil)
}

// keyOf is the message key of a coded error.
func keyOf(err error) string {
	if e, ok := apperr.As(err); ok {
		return e.Key
	}
	return "error.internal"
}
