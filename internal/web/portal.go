package web

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/portal"
	"github.com/carnet-salon/carnet/internal/ratelimit"
	sessionstore "github.com/carnet-salon/carnet/internal/session"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/urls"
	portalview "github.com/carnet-salon/carnet/views/portal"
	"github.com/carnet-salon/carnet/views/ui"
)

// The client portal: /b/{slug}/account. Its session is a client's, in its
// own cookie scoped to the salon's pages, never the staff session.
const (
	clientCookie = "carnet_client"
	localClient  = "carnet.client"
)

// Asking for a sign-in link emails someone: limited per address and per
// email, failing closed (no Redis, no email sent).
var (
	limitPortalIP    = ratelimit.Rule{Name: "portal-ip", Limit: 10, Window: 15 * time.Minute}
	limitPortalEmail = ratelimit.Rule{Name: "portal-email", Limit: 5, Window: time.Hour}
)

// clientCookiePath scopes a client's cookie to one salon's pages: a browser
// signed in at two salons holds two sessions and sends each only to its salon.
func clientCookiePath(slug string) string { return urls.Salon(slug) + "/" }

func (s *Server) setClientCookie(c *fiber.Ctx, slug, id string) {
	c.Cookie(&fiber.Cookie{Name: clientCookie, Value: id, Path: clientCookiePath(slug), HTTPOnly: true,
		Secure: s.cfg.Secure(), SameSite: fiber.CookieSameSiteLaxMode})
}

func (s *Server) clearClientCookie(c *fiber.Ctx, slug string) {
	c.Cookie(&fiber.Cookie{Name: clientCookie, Value: "", Path: clientCookiePath(slug), MaxAge: -1, HTTPOnly: true,
		Secure: s.cfg.Secure(), SameSite: fiber.CookieSameSiteLaxMode})
}

// signedInClient is the client signed in to this salon's portal, if any. A
// session is only good on the salon it was opened on (another salon's
// session shows nothing here), and for a client whose portal is still open:
// the record is re-read on every request. Redis down: 503, not "signed out".
func (s *Server) signedInClient(c *fiber.Ctx) (portal.Client, bool, error) {
	sal := publicSalonOf(c)
	id := c.Cookies(clientCookie)
	if id == "" {
		return portal.Client{}, false, nil
	}
	sessions := s.clients
	cs, err := sessions.Get(ctx(c), id)
	if errors.Is(err, sessionstore.ErrNotFound) {
		s.clearClientCookie(c, sal.Slug)
		return portal.Client{}, false, nil
	}
	if err != nil {
		return portal.Client{}, false, apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	if cs.SalonID != sal.ID {
		s.clearClientCookie(c, sal.Slug)
		return portal.Client{}, false, nil
	}
	cl, err := s.Portal.Client(ctx(c), sal.ID, cs.CustomerID)
	if errors.Is(err, portal.ErrBlocked) || store.IsNotFound(err) {
		_ = sessions.Delete(ctx(c), id)
		s.clearClientCookie(c, sal.Slug)
		if store.IsNotFound(err) {
			return portal.Client{}, false, nil
		}
	}
	if err != nil {
		return portal.Client{}, false, err
	}
	return cl, true, nil
}

// requireClient runs the portal's actions: signed in to this salon, or
// back to its sign-in page.
func (s *Server) requireClient(c *fiber.Ctx) error {
	cl, ok, err := s.signedInClient(c)
	if errors.Is(err, portal.ErrBlocked) {
		return s.portalBlocked(c)
	}
	if err != nil {
		return err
	}
	if !ok {
		return s.redirect(c, urls.Portal(publicSalonOf(c).Slug))
	}
	c.Locals(localClient, cl)
	return c.Next()
}

func portalClientOf(c *fiber.Ctx) portal.Client {
	cl, _ := c.Locals(localClient).(portal.Client)
	return cl
}

func (s *Server) portalBlocked(c *fiber.Ctx) error {
	sal := publicSalonOf(c)
	set, err := s.Salons.Settings(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	c.Status(fiber.StatusForbidden)
	return s.render(c, portalview.BlockedPage(sal.Slug, sal.Name, set.Phone), nil)
}

func (s *Server) portalLogin(c *fiber.Ctx, f ui.Form, notice, problem string) error {
	sal := publicSalonOf(c)
	return s.render(c, portalview.LoginPage(portalview.Login{Slug: sal.Slug, Salon: sal.Name, F: f, Notice: notice, Problem: problem}), nil)
}

// handlePortal is the client's page when signed in, else the sign-in form
// (or, after asking for a link, the answer every address gets).
func (s *Server) handlePortal(c *fiber.Ctx) error {
	cl, ok, err := s.signedInClient(c)
	if errors.Is(err, portal.ErrBlocked) {
		return s.portalBlocked(c)
	}
	if err != nil {
		return err
	}
	sal := publicSalonOf(c)
	if !ok {
		if c.Query("sent") != "" {
			return s.render(c, portalview.SentPage(sal.Slug, sal.Name), nil)
		}
		notice := ""
		if c.Query("out") != "" {
			notice = "portal.signed_out"
		}
		return s.portalLogin(c, ui.NewForm(), notice, "")
	}
	h, err := s.Portal.Home(ctx(c), sal, cl)
	if err != nil {
		return err
	}
	set, err := s.Salons.Settings(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	notice := ""
	if c.Query("card") == "removed" {
		notice = "portal.card_removed"
	}
	return s.render(c, portalview.HomePage(portalview.HomeView{Slug: sal.Slug, Home: h, Phone: set.Phone, Notice: notice}), nil)
}

// handlePortalRequestLink emails a sign-in link to the salon's client with
// that address, if there is one, and answers the same page either way.
func (s *Server) handlePortalRequestLink(c *fiber.Ctx) error {
	f := formFrom(c, "email")
	sal := publicSalonOf(c)
	if err := s.Portal.RequestLink(ctx(c), sal, f.Get("email")); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.portalLogin(c, f, "", "")
	}
	return s.redirect(c, urls.Portal(sal.Slug)+"?sent=1")
}

// handlePortalLinkPage shows what a sign-in link opens: a button the client
// presses. Mail scanners (Outlook Safe Links and the like) open every link
// they see; were the link used on GET, they would use it up before the client.
func (s *Server) handlePortalLinkPage(c *fiber.Ctx) error {
	c.Set("Referrer-Policy", "no-referrer")
	c.Set("Cache-Control", "no-store")
	if c.Method() == fiber.MethodHead {
		return c.SendStatus(fiber.StatusOK)
	}
	sal := publicSalonOf(c)
	return s.render(c, portalview.ConfirmPage(sal.Slug, sal.Name, c.Params("token")), nil)
}

// handlePortalLogin uses a sign-in link once and opens a client session
// under a new id.
func (s *Server) handlePortalLogin(c *fiber.Ctx) error {
	c.Set("Referrer-Policy", "no-referrer")
	sal := publicSalonOf(c)
	id, err := s.Portal.Redeem(ctx(c), sal, c.Params("token"))
	switch {
	case errors.Is(err, portal.ErrBlocked):
		return s.portalBlocked(c)
	case portal.IsLinkProblem(err):
		e, _ := apperr.As(err)
		c.Status(fiber.StatusGone)
		return s.portalLogin(c, ui.NewForm(), "", e.Key)
	case err != nil:
		return err
	}
	sessions := s.clients
	if old := c.Cookies(clientCookie); old != "" {
		_ = sessions.Delete(ctx(c), old)
	}
	sid, err := sessions.Create(ctx(c), clientSession{SalonID: sal.ID, CustomerID: id})
	if err != nil {
		return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	s.setClientCookie(c, sal.Slug, sid)
	s.setCSRFCookie(c)
	return s.redirect(c, urls.Portal(sal.Slug))
}

func (s *Server) handlePortalLogout(c *fiber.Ctx) error {
	sal := publicSalonOf(c)
	if id := c.Cookies(clientCookie); id != "" {
		if err := s.clients.Delete(ctx(c), id); err != nil {
			return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
		}
	}
	s.clearClientCookie(c, sal.Slug)
	return s.redirect(c, urls.Portal(sal.Slug)+"?out=1")
}
