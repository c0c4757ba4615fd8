package web

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/salon"
	bookingview "github.com/carnet-salon/carnet/views/booking"
	"github.com/carnet-salon/carnet/views/layout"
	"github.com/carnet-salon/carnet/views/ui"
)

const localPublic = "carnet.public_salon"

// publicSalon finds the salon of a /b/{slug} page. A suspended salon's
// pages say it is unavailable; an unknown slug is not found.
func (s *Server) publicSalon(c *fiber.Ctx) error {
	sal, err := s.Salons.BySlug(ctx(c), c.Params("slug"))
	if err != nil {
		return err
	}
	req(c).Public = &layout.Salon{Name: sal.Name, Slug: sal.Slug}
	if sal.Suspended() {
		c.Status(fiber.StatusServiceUnavailable)
		return s.render(c, bookingview.Unavailable(sal.Name), nil)
	}
	c.Locals(localPublic, sal)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Next()
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
	id, err := uuid.Parse(c.Params("service"))
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

// PublicDays is how many days the date strip shows.
const PublicDays = 14

// window is the days the pick-a-time step works out: a 14-day strip starting
// at ?from= (or today), or for the times fragment only the chosen day, which
// shows no strip: computing the other thirteen days would be most of the
// request's work for nothing.
type window struct {
	from  time.Time
	n     int
	date  time.Time // the ?date= asked for, when dated
	dated bool
}

func (s *Server) window(c *fiber.Ctx, loc *time.Location, timesOnly bool) window {
	now := s.Clock.Now().In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	date, derr := time.ParseInLocation(time.DateOnly, c.Query("date"), loc)
	w := window{from: today, n: PublicDays, date: date, dated: derr == nil}
	if w.dated && date.After(today.AddDate(0, 0, PublicDays-1)) {
		w.from = date
	}
	if timesOnly && w.dated && !date.Before(today) {
		w.from, w.n = date, 1
	}
	return w
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
	slug, sid := o.Salon.Slug, off.ID.String()
	q := func(d time.Time) string {
		v := "?date=" + d.Format(time.DateOnly)
		if ch.Staff != "" {
			v += "&staff=" + ch.Staff
		}
		return v
	}
	ch.DayLink = func(d time.Time) string { return "/b/" + slug + "/s/" + sid + q(d) }
	ch.Slots = func(d time.Time) string { return "/b/" + slug + "/s/" + sid + "/slots" + q(d) }
	ch.Action = func(t time.Time) string {
		v := "/b/" + slug + "/s/" + sid + "/book?start=" + urlEscape(t.Format(time.RFC3339))
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
	if err := s.allowOpen(c, limitSlotsIP, s.limitKey(c)); err != nil {
		return err
	}
	ch, err := s.pickTime(c, true)
	if err != nil {
		return err
	}
	return s.render(c, bookingview.Times(ch), bookingview.Times(ch))
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
	d.Rule, _ = o.Policy.Effective(off.Rule)
	d.Policy = booking.PolicyText(i18n.LangFrom(ctx(c)), o.Policy, d.Rule, o.Salon.Currency, off.PriceCents)
	return d, nil
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
	d, err := s.details(c, o, off, f)
	if err != nil {
		return err
	}
	return s.render(c, bookingview.DetailsPage(d), nil)
}

var bookingFields = []string{"start", "staff", "first_name", "last_name", "email", "phone", "note", "accept_terms", "save_card", "policy_hash"}

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
	f := formFrom(c, bookingFields...)
	if err := s.bookingLimits(c, f); err != nil {
		return err
	}
	res, err := s.Booking.Book(ctx(c), o.Salon, off, booking.Input{ServiceID: off.ID, StaffID: chosenStaffID(f.Get("staff"), off),
		Start: f.Get("start"), FirstName: f.Get("first_name"), LastName: f.Get("last_name"), Email: f.Get("email"),
		Phone: f.Get("phone"), Note: f.Get("note"), AcceptTerms: f.Get("accept_terms") != "", SaveCard: f.Get("save_card") != "",
		PolicyHash: f.Get("policy_hash"),
		IP:         s.clientIP(c), Lang: i18n.LangFrom(ctx(c))})
	if errors.Is(err, booking.ErrSlotGone) {
		return s.slotGone(c, o, off)
	}
	var changed *booking.PolicyChanged
	if errors.As(err, &changed) {
		return s.policyChanged(c, o, off, f, changed)
	}
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		d, derr := s.details(c, o, off, f)
		if derr != nil {
			return derr
		}
		return s.render(c, bookingview.DetailsPage(d), nil)
	}
	return s.redirect(c, res.RedirectURL)
}

// slotGone sends the client back to the times, saying why.
func (s *Server) slotGone(c *fiber.Ctx, o booking.Offer, off booking.Offered) error {
	ch, err := s.choose(c, o, off, chosenStaffID(c.FormValue("staff"), off))
	if err != nil {
		return err
	}
	ch.Error = "booking.slot_gone"
	c.Status(fiber.StatusConflict)
	return s.render(c, bookingview.ServicePage(ch), nil)
}
