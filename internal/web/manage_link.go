package web

import (
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/urls"
	bookingview "github.com/carnet-salon/carnet/views/booking"
	"github.com/carnet-salon/carnet/views/ui"
)

func urlEscape(s string) string { return url.QueryEscape(s) }

// bookingLimits bounds booking submissions per address, email and phone.
func (s *Server) bookingLimits(c *fiber.Ctx, f ui.Form) error {
	if err := s.allowOpen(c, limitBookIP, s.limitKey(c)); err != nil {
		return err
	}
	for _, contact := range []string{account.NormalizeEmail(f.Get("email")), strings.TrimSpace(f.Get("phone"))} {
		if contact == "" {
			continue
		}
		if err := s.allowOpen(c, limitBookContact, contact); err != nil {
			return err
		}
	}
	return nil
}

func (s *Server) manage(c *fiber.Ctx, notice string) (bookingview.Manage, error) {
	sal := publicSalonOf(c)
	v, err := s.Booking.Visit(ctx(c), sal, c.Params("token"))
	return bookingview.Manage{Slug: sal.Slug, Token: c.Params("token"), Visit: v, Notice: notice, Suspended: sal.Suspended()}, err
}

func (s *Server) handleManage(c *fiber.Ctx) error {
	notice := ""
	switch c.Query("cancelled") {
	case "late":
		notice = "manage.cancelled_late"
	case "refunded":
		notice = "manage.cancelled_refunded"
	case "credited":
		notice = "manage.cancelled_credited"
	case "free":
		notice = "manage.cancelled_free"
	}
	if c.Query("moved") == "1" {
		notice = "manage.moved"
	}
	if c.Query("gaveup") == "1" {
		// Back from Stripe's page without paying: the time is released now,
		// not when the hold runs out.
		if _, err := s.Booking.GiveUp(ctx(c), publicSalonOf(c), c.Params("token")); err != nil {
			return err
		}
		notice = "manage.gave_up"
	}
	m, err := s.manage(c, notice)
	if err != nil {
		return err
	}
	c.Set("Referrer-Policy", "no-referrer") // the URL is the client's key
	return s.render(c, bookingview.ManagePage(m), nil)
}

// handleManageStatus is the banner alone, polled while a payment is confirmed.
func (s *Server) handleManageStatus(c *fiber.Ctx) error {
	m, err := s.manage(c, "")
	if err != nil {
		return err
	}
	return s.render(c, bookingview.ManageStatus(m), bookingview.ManageStatus(m))
}

func (s *Server) handleManageCancel(c *fiber.Ctx) error {
	sal := publicSalonOf(c)
	res, err := s.Booking.CancelByClient(ctx(c), sal, c.Params("token"))
	if err != nil {
		return err
	}
	how := "free"
	switch {
	case res.Late:
		how = "late"
	case res.Credited > 0:
		how = "credited"
	case res.Refunded > 0:
		how = "refunded"
	}
	return s.redirect(c, urls.Manage(sal.Slug, c.Params("token"))+"?cancelled="+how)
}

func (s *Server) rescheduleChoice(c *fiber.Ctx) (bookingview.Choose, error) {
	m, err := s.manage(c, "")
	if err != nil {
		return bookingview.Choose{}, err
	}
	o, err := s.Booking.Offer(ctx(c), publicSalonOf(c))
	if err != nil {
		return bookingview.Choose{}, err
	}
	var off booking.Offered
	if len(m.Visit.Appointment.Lines) > 0 {
		off, _ = o.Find(m.Visit.Appointment.Lines[0].ServiceID)
	}
	ch, err := s.choose(c, o, off, uuid.Nil)
	base := urls.ManageReschedule(m.Slug, m.Token)
	ch.Current = &m.Visit
	ch.Action = func(t time.Time) string {
		return urls.ManageRescheduleConfirm(m.Slug, m.Token) + "?start=" + urlEscape(t.Format(time.RFC3339))
	}
	ch.DayLink = func(d time.Time) string { return base + "?date=" + d.Format(time.DateOnly) }
	ch.Slots = func(d time.Time) string {
		return urls.ManageRescheduleSlots(m.Slug, m.Token) + "?date=" + d.Format(time.DateOnly)
	}
	return ch, err
}

// handleManageRescheduleConfirm asks the client to confirm the time they
// picked: nothing moves until they do.
func (s *Server) handleManageRescheduleConfirm(c *fiber.Ctx) error {
	m, err := s.manage(c, "")
	if err != nil {
		return err
	}
	start, err := time.Parse(time.RFC3339, c.Query("start"))
	if err != nil {
		return apperr.ErrNotFound
	}
	if !m.Visit.InTime() {
		return apperr.New(apperr.Conflict, "manage.too_late")
	}
	c.Set("Referrer-Policy", "no-referrer")
	return s.render(c, bookingview.RescheduleConfirmPage(bookingview.RescheduleConfirm{Manage: m,
		Start: start.In(publicSalonOf(c).Location())}), nil)
}

func (s *Server) handleManageReschedule(c *fiber.Ctx) error {
	ch, err := s.rescheduleChoice(c)
	if err != nil {
		return err
	}
	return s.render(c, bookingview.ServicePage(ch), nil)
}

func (s *Server) handleManageRescheduleSlots(c *fiber.Ctx) error {
	ch, err := s.rescheduleChoice(c)
	if err != nil {
		return err
	}
	return s.render(c, bookingview.Times(ch), bookingview.TimesChanged(ch))
}

func (s *Server) handleManageRescheduleSubmit(c *fiber.Ctx) error {
	sal := publicSalonOf(c)
	err := s.Booking.Reschedule(ctx(c), sal, c.Params("token"), c.FormValue("start"))
	if errors.Is(err, salon.ErrSuspended) {
		return s.unavailable(c, sal)
	}
	if errors.Is(err, booking.ErrSlotGone) || errors.Is(err, booking.ErrSlotPast) {
		ch, cerr := s.rescheduleChoice(c)
		if cerr != nil {
			return cerr
		}
		ch.Error = keyOf(err)
		c.Status(fiber.StatusConflict)
		return s.render(c, bookingview.ServicePage(ch), nil)
	}
	if err != nil {
		return err
	}
	return s.redirect(c, urls.Manage(sal.Slug, c.Params("token"))+"?moved=1")
}
