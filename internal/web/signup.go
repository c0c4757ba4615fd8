package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/views/auth"
	"github.com/carnet-salon/carnet/views/ui"
)

var signupFields = []string{"salon_name", "slug", "owner_name", "email", "password"}

func (s *Server) publicPrefix() string { return s.cfg.BaseURL.Host + "/b/" }

func (s *Server) handleSignupForm(c *fiber.Ctx) error {
	return s.render(c, auth.SignupPage(ui.NewForm(), s.publicPrefix()), nil)
}

func (s *Server) handleSignup(c *fiber.Ctx) error {
	if err := s.allow(c, limitSignupIP, s.limitKey(c)); err != nil {
		return err
	}
	f := formFrom(c, signupFields...)
	in := account.SignupInput{SalonName: f.Get("salon_name"), Slug: f.Get("slug"), OwnerName: f.Get("owner_name"),
		Email: f.Get("email"), Password: f.Get("password"), Locale: string(i18n.LangFrom(ctx(c)))}
	res, err := s.Accounts.Signup(ctx(c), in)
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		if f.Err("password") != "" {
			delete(f.Values, "password")
		}
		return s.render(c, auth.SignupPage(f, s.publicPrefix()), auth.SignupForm(f, s.publicPrefix()))
	}
	if err := s.startSession(c, Session{UserID: res.UserID, SalonID: res.SalonID, SalonCount: 1}); err != nil {
		return err
	}
	s.flash(c, "flash.welcome")
	return s.redirect(c, "/app")
}

// handleSignupSlugCheck tells, as the owner types, whether a slug is usable.
func (s *Server) handleSignupSlugCheck(c *fiber.Ctx) error {
	if err := s.allow(c, limitSlugCheckIP, s.limitKey(c)); err != nil {
		return err
	}
	problem, err := s.Accounts.SlugProblem(ctx(c), c.FormValue("slug"))
	if err != nil {
		return err
	}
	return s.render(c, auth.SlugCheck(problem), auth.SlugCheck(problem))
}
