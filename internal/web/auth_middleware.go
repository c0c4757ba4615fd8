package web

import (
	"errors"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/logx"
	"github.com/carnet-salon/carnet/internal/salon"
	sessionstore "github.com/carnet-salon/carnet/internal/session"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/auth"
	"github.com/carnet-salon/carnet/views/layout"
)

const sessionCookie = "carnet_session"

// loadSession finds the visitor's session, if any. Redis being down is
// remembered rather than fatal: public pages keep working, and pages that
// need a session answer 503 instead of pretending the user is logged out.
func (s *Server) loadSession(c *fiber.Ctx) error {
	id := c.Cookies(sessionCookie)
	if id == "" {
		return c.Next()
	}
	sess, err := s.sessions.Get(ctx(c), id)
	switch {
	case errors.Is(err, sessionstore.ErrNotFound):
		s.clearSessionCookie(c)
	case err != nil:
		c.Locals(localSessErr, err)
	default:
		c.Locals(localSession, &sess)
		req(c).User = &layout.User{}
		req(c).IsAdmin = sess.IsAdmin
		req(c).Salons = sess.SalonCount
	}
	return c.Next()
}

func session(c *fiber.Ctx) *Session {
	sess, _ := c.Locals(localSession).(*Session)
	return sess
}

// requireUser lets only logged-in users through; others go to the login page
// and come back afterwards.
func (s *Server) requireUser(c *fiber.Ctx) error {
	if err, ok := c.Locals(localSessErr).(error); ok {
		return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	sess := session(c)
	if sess == nil {
		return s.redirect(c, urls.Login()+"?next="+url.QueryEscape(c.OriginalURL()))
	}
	if sess.viewingAs() && c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
		return errReadOnly
	}
	return c.Next()
}

// requireMember runs /app pages: the session's salon must exist, still count
// the user as a member, and not be suspended.
func (s *Server) requireMember(c *fiber.Ctx) error {
	sess := session(c)
	if sess.SalonID == uuid.Nil {
		if sess.IsAdmin {
			return s.redirect(c, urls.Admin())
		}
		return s.redirect(c, urls.Salons())
	}
	if sess.viewingAs() {
		return s.viewAsMember(c, sess)
	}
	m, sal, err := s.Accounts.Member(ctx(c), sess.SalonID, sess.UserID)
	if store.IsNotFound(err) {
		sess.SalonID = uuid.Nil // removed from this salon meanwhile
		if err := s.sessions.Update(ctx(c), *sess); err != nil {
			return err
		}
		return s.redirect(c, urls.Salons())
	}
	if err != nil {
		return err
	}
	if sal.Suspended() {
		reason, err := s.Salons.SuspensionReason(ctx(c), sal.ID)
		if err != nil {
			return err
		}
		c.Status(fiber.StatusForbidden)
		return s.render(c, auth.SuspendedPage(sal.Name, reason, s.cfg.PlatformContact), nil)
	}
	s.setMember(c, m, sal)
	return c.Next()
}

func (s *Server) setMember(c *fiber.Ctx, m account.Member, sal salon.Salon) {
	c.Locals(localMember, m)
	c.Locals(localSalon, sal)
	r := req(c)
	r.User = &layout.User{Name: m.Name, Email: m.Email}
	r.Salon = &layout.Salon{Name: sal.Name, Slug: sal.Slug, Role: m.Role}
	c.SetUserContext(logx.WithSalon(c.UserContext(), sal.ID))
}

func member(c *fiber.Ctx) account.Member { m, _ := c.Locals(localMember).(account.Member); return m }

func currentSalon(c *fiber.Ctx) salon.Salon { s, _ := c.Locals(localSalon).(salon.Salon); return s }

// requireAdmin hides the platform admin from everyone else (404), and
// sends an admin who has not proven their second factor to that step.
func (s *Server) requireAdmin(c *fiber.Ctx) error {
	sess, err := s.platformAdmin(c)
	if err != nil {
		return err
	}
	if !sess.SecondFactor {
		return s.toSecondFactor(c, sess)
	}
	id, err := s.Accounts.User(ctx(c), sess.UserID)
	if err != nil {
		return err
	}
	req(c).User = &layout.User{Name: id.Name, Email: id.Email}
	c.Locals("carnet.admin", id)
	return c.Next()
}

// safeNext accepts only a path on this site as a place to return to.
// Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil.com"
// would become "//evil.com": any control character or backslash is refused.
func safeNext(next, fallback string) string {
	for _, r := range next {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return fallback
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return fallback
	}
	return next
}
