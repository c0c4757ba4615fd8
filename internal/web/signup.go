package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/auth"
	"github.com/carnet-salon/carnet/views/ui"
)

// signupForm is the sign-up form as typed; its fields are the sign-up's own.
type signupForm struct {
	SalonName string `form:"salon_name"`
	Slug      string `form:"slug"`
	Country   string `form:"country"`
	OwnerName string `form:"owner_name"`
	Email     string `form:"email"`
	Password  string `form:"password"`
}

func (s *Server) publicPrefix() string { return s.cfg.BaseURL.Host + urls.Salon("") }

func (s *Server) handleSignupForm(c *fiber.Ctx) error {
	f := ui.NewForm()
	f.Values["country"] = salon.DefaultCountry
	return s.render(c, auth.SignupPage(f, s.publicPrefix()), nil)
}

func (s *Server) handleSignup(c *fiber.Ctx) error {
	var typed signupForm
	if err := decodeForm(c, &typed); err != nil {
		return err
	}
	f := formView(typed)
	res, err := s.Accounts.Signup(ctx(c), account.SignupInput{SalonName: typed.SalonName, Slug: typed.Slug, OwnerName: typed.OwnerName,
		Email: typed.Email, Password: typed.Password, Lang: i18n.LangFrom(ctx(c)), Country: typed.Country})
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
	return s.redirect(c, urls.App())
}

// handleSignupSlugCheck tells, as the owner types, whether a slug is usable.
func (s *Server) handleSignupSlugCheck(c *fiber.Ctx) error {
	problem, err := s.Accounts.SlugProblem(ctx(c), c.FormValue("slug"))
	if err != nil {
		return err
	}
	return s.render(c, auth.SlugCheck(problem), auth.SlugCheck(problem))
}
