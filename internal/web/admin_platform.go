package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/urls"
	adminview "github.com/carnet-salon/carnet/views/admin"
	"github.com/carnet-salon/carnet/views/ui"
)

var feeFields = []string{"fee_percent", "fee_fixed"}

func (s *Server) handleAdminPlatform(c *fiber.Ctx) error { return s.adminPlatformPage(c, nil) }

// adminPlatformPage shows the platform fee; a nil form is filled from what
// is saved, a given one comes back as it was typed.
func (s *Server) adminPlatformPage(c *fiber.Ctx, f *ui.Form) error {
	fee, err := s.Payments.Fee(ctx(c))
	if err != nil {
		return err
	}
	if f == nil {
		form := ui.NewForm()
		lang := i18n.LangFrom(ctx(c))
		form.Values["fee_percent"] = ui.PercentPlain(lang, fee.PercentBP)
		form.Values["fee_fixed"] = money.New(fee.FixedCents, "").Plain(lang)
		f = &form
	}
	return s.render(c, adminview.PlatformPage(fee, s.Payments.Stripe != nil, *f), nil)
}

func (s *Server) handleAdminPlatformUpdate(c *fiber.Ctx) error {
	f := formFrom(c, feeFields...)
	if err := s.Payments.SetFee(ctx(c), payment.Actor(s.adminActor(c)), f.Get("fee_percent"), f.Get("fee_fixed")); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.adminPlatformPage(c, &f)
	}
	s.flash(c, "flash.fee_saved")
	return s.redirect(c, urls.AdminPlatform())
}
