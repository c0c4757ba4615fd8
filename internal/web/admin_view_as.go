package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/urls"
)

// errReadOnly refuses whatever would change a salon during an admin's
// support session.
var errReadOnly = apperr.New(apperr.Forbidden, "operator.view_as.read_only")

// handleAdminViewAs opens the salon's back office as its owner sees it,
// through the admin's own session: the normal /app pages render, nothing
// can be changed, and it is in the audit log.
func (s *Server) handleAdminViewAs(c *fiber.Ctx) error {
	id, err := uuid.Parse(c.Params("id"))
	if err != nil {
		return apperr.ErrNotFound
	}
	owner, err := s.Admin.ViewAs(ctx(c), s.adminActor(c), id)
	if err != nil {
		return err
	}
	sess := session(c)
	sess.SalonID, sess.ViewAs = id, owner
	if err := s.sessions.Update(ctx(c), *sess); err != nil {
		return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	return s.redirect(c, urls.App())
}

// handleAdminViewAsEnd closes the support session and goes back to the
// salon's admin page.
func (s *Server) handleAdminViewAsEnd(c *fiber.Ctx) error {
	sess := session(c)
	id := sess.SalonID
	if !sess.viewingAs() {
		return s.redirect(c, urls.Admin())
	}
	sess.SalonID, sess.ViewAs = uuid.Nil, uuid.Nil
	if err := s.sessions.Update(ctx(c), *sess); err != nil {
		return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(err)
	}
	if err := s.Admin.EndViewAs(ctx(c), s.adminActor(c), id); err != nil {
		return err
	}
	return s.redirect(c, urls.AdminSalon(id))
}

// viewAsMember runs an /app page of a support session: still an admin, in
// the salon as its owner, with the banner. A suspended salon opens too:
// support is often about the suspension.
func (s *Server) viewAsMember(c *fiber.Ctx, sess *Session) error {
	if _, err := s.platformAdmin(c); err != nil {
		return err
	}
	if !sess.SecondFactor {
		return apperr.ErrNotFound // only /admin, behind the second factor, starts one
	}
	m, sal, err := s.Accounts.Member(ctx(c), sess.SalonID, sess.ViewAs)
	if err != nil {
		return err
	}
	s.setMember(c, m, sal)
	req(c).ViewingAs = true
	s.log.InfoContext(ctx(c), "admin views as owner", "admin", sess.UserID, "path", c.Path())
	return c.Next()
}

// changesState marks a GET route that changes something (Stripe's return
// and refresh links): refused in a support session like any POST.
func (s *Server) changesState(c *fiber.Ctx) error {
	if session(c).viewingAs() {
		return errReadOnly
	}
	return c.Next()
}
