package web

import (
	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/views/ui"
)

// render writes the whole page, or only the fragment when htmx asked for a
// piece of the page (not for a boosted navigation or a history restore,
// which need the whole document). Status is whatever the handler set.
func (s *Server) render(c *fiber.Ctx, page, fragment templ.Component) error {
	c.Vary("HX-Request")
	comp := page
	if fragment != nil && wantsFragment(c) {
		comp = fragment
	}
	c.Type("html", "utf-8")
	return comp.Render(c.UserContext(), c.Response().BodyWriter())
}

func wantsFragment(c *fiber.Ctx) bool {
	return c.Get("HX-Request") == "true" && c.Get("HX-Boosted") != "true" && c.Get("HX-History-Restore-Request") != "true"
}

// redirect sends the browser on after a successful POST: 303 for a plain
// form, HX-Redirect for htmx (which would otherwise swap the next page in
// under the old URL).
func (s *Server) redirect(c *fiber.Ctx, to string) error {
	if c.Get("HX-Request") == "true" {
		c.Set("HX-Redirect", to)
		return c.SendStatus(fiber.StatusOK)
	}
	return c.Redirect(to, fiber.StatusSeeOther)
}

// refused puts a user-facing error into the form and sets the status that goes
// with it. It returns false for errors that are not the user's to fix
// (those go to the error handler).
func refused(c *fiber.Ctx, f *ui.Form, err error) bool {
	e, ok := apperr.As(err)
	if !ok {
		return false
	}
	switch e.Code {
	case apperr.Invalid:
		f.Errors = e.Fields
		c.Status(fiber.StatusUnprocessableEntity)
	case apperr.Unauthorized, apperr.Forbidden, apperr.Conflict:
		f.Error, f.Args = e.Key, e.Args
		c.Status(statusOf(e.Code))
	default:
		return false
	}
	return true
}

// formFrom reads the named fields of a posted form, trimmed of nothing: the
// form comes back exactly as typed.
func formFrom(c *fiber.Ctx, names ...string) ui.Form {
	f := ui.NewForm()
	f.Names = names
	for _, n := range names {
		f.Values[n] = c.FormValue(n)
	}
	return f
}

const flashCookie = "carnet_flash"

// flash leaves a one-time confirmation (an i18n key) for the next page.
func (s *Server) flash(c *fiber.Ctx, key string) {
	c.Cookie(&fiber.Cookie{Name: flashCookie, Value: key, Path: "/", MaxAge: 60, HTTPOnly: true,
		Secure: s.cfg.Secure(), SameSite: fiber.CookieSameSiteLaxMode})
}

// takeFlash shows the pending confirmation once.
func (s *Server) takeFlash(c *fiber.Ctx) error {
	if key := c.Cookies(flashCookie); key != "" && c.Method() == fiber.MethodGet {
		if flashKeys[key] {
			req(c).Flash = key
		}
		// Cleared with the Path it was set with, or the browser keeps the original.
		c.Cookie(&fiber.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1, HTTPOnly: true,
			Secure: s.cfg.Secure(), SameSite: fiber.CookieSameSiteLaxMode})
	}
	return c.Next()
}

// flashKeys: only these messages may come from the cookie.
var flashKeys = map[string]bool{
	"flash.appointment_cancelled_arrhes": true,
	"flash.invited":                      true, "flash.invitation_revoked": true, "flash.member_removed": true,
	"flash.salon_suspended": true, "flash.salon_reactivated": true, "flash.welcome": true,
	"flash.email_verified": true, "flash.verify_sent": true,
	"flash.joined": true, "flash.password_reset": true, "flash.salon_switched": true, "flash.salon_opened": true,
	"flash.service_created": true, "flash.service_saved": true, "flash.service_archived": true,
	"flash.category_created": true, "flash.category_renamed": true, "flash.category_deleted": true,
	"flash.product_created": true, "flash.product_saved": true, "flash.product_archived": true,
	"flash.staff_created": true, "flash.staff_saved": true, "flash.absence_added": true, "flash.absence_deleted": true,
	"flash.settings_saved": true, "flash.hours_saved": true, "flash.closure_added": true, "flash.closure_deleted": true, "flash.journal_closed": true,
	"flash.appointment_created": true, "flash.appointment_updated": true, "flash.appointment_cancelled_refunded": true,
	"flash.fee_charged": true, "flash.fee_link_sent": true, "flash.fee_declined": true,
	"flash.client_created": true, "flash.client_saved": true, "flash.ledger_added": true, "flash.sheet_saved": true,
	"flash.sheet_deleted": true, "flash.client_category_saved": true, "flash.client_category_deleted": true,
	"flash.message_queued": true, "flash.template_saved": true, "flash.template_reset": true, "flash.reminders_saved": true,
	"flash.portal_opened": true, "flash.portal_blocked": true,
	"flash.stripe_ready": true, "flash.stripe_pending": true, "flash.fee_saved": true,
	"flash.client_erased": true, "flash.clients_merged": true,
	"flash.span_cancelled": true, "flash.span_kept": true,
	"flash.notifications_saved": true,
}
