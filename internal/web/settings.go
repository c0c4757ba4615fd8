package web

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/views/settings"
	"github.com/carnet-salon/carnet/views/ui"
)

// canSetUp: owners and managers change the salon's set-up (services, prices,
// staff, hours, rules); other staff see it read-only.
func canSetUp(c *fiber.Ctx) bool { return account.CanManageTeam(member(c).Role) }

func requireSetUp(c *fiber.Ctx) error {
	if !canSetUp(c) {
		return apperr.New(apperr.Forbidden, "settings.forbidden")
	}
	return nil
}

// setupID reads the :id of a set-up URL; anything but a UUID is simply not found.
func setupID(c *fiber.Ctx) (uuid.UUID, error) {
	id, err := uuid.Parse(c.Params("id"))
	if err != nil {
		return uuid.Nil, apperr.ErrNotFound
	}
	return id, nil
}

// setupToday is the salon's current date, as stored dates are (midnight UTC).
func (s *Server) setupToday(c *fiber.Ctx) time.Time {
	n := s.Clock.Now().In(currentSalon(c).Location())
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

var (
	settingsFields = []string{"name", "time_zone", "currency", "locale", "address", "phone", "slot_step", "min_notice",
		"max_horizon_days", "cancellation_window_hours", "no_show_fee", "payment_mode", "deposit_kind", "deposit_value",
		"book_without_payment", "cancel_refund", "deposit_name", "policy_text"}
	dayFields  = []string{"day0", "day1", "day2", "day3", "day4", "day5", "day6"}
	spanFields = []string{"from", "to", "reason"}
)

func weekDays(f ui.Form) (days [7]string) {
	for d := range days {
		days[d] = f.Get(dayFields[d])
	}
	return days
}

func spanInput(f ui.Form) salon.DateSpanInput {
	return salon.DateSpanInput{From: f.Get("from"), To: f.Get("to"), Reason: f.Get("reason")}
}

// settingsPage shows the three settings forms; a nil form is filled from
// what is saved, a given one comes back as it was typed.
func (s *Server) settingsPage(c *fiber.Ctx, f, hf, cf *ui.Form) error {
	sal := currentSalon(c)
	v := settings.SettingsView{Currency: sal.Currency, CanManage: canSetUp(c)}
	var err error
	if v.Closures, err = s.Salons.Closures(ctx(c), sal.ID, s.setupToday(c)); err != nil {
		return err
	}
	if f == nil {
		set, err := s.Salons.Settings(ctx(c), sal.ID)
		if err != nil {
			return err
		}
		f = settingsForm(c, sal, set)
	}
	if hf == nil {
		week, err := s.Salons.Hours(ctx(c), sal.ID)
		if err != nil {
			return err
		}
		form := ui.NewForm()
		settings.WeekValues(form, week)
		hf = &form
	}
	if cf == nil {
		form := ui.NewForm()
		cf = &form
	}
	return s.render(c, settings.SettingsPage(v, *f, *hf, *cf), nil)
}

func settingsForm(c *fiber.Ctx, sal salon.Salon, set salon.Settings) *ui.Form {
	f := ui.NewForm()
	lang := i18n.LangFrom(ctx(c))
	for k, v := range map[string]string{"name": sal.Name, "time_zone": sal.TimeZone, "currency": sal.Currency,
		"locale": sal.Locale, "address": set.Address, "phone": set.Phone,
		"slot_step":                 strconv.Itoa(int(set.SlotStep / time.Minute)),
		"min_notice":                strconv.Itoa(int(set.MinNotice / time.Minute)),
		"max_horizon_days":          strconv.Itoa(set.MaxHorizonDays),
		"cancellation_window_hours": strconv.Itoa(int(set.CancellationWindow / time.Hour)),
		"cancel_refund":             set.CancelRefund,
		"deposit_name":              set.DepositName,
		"policy_text":               set.PolicyText,
	} {
		f.Values[k] = v
	}
	if set.BookWithoutPayment {
		f.Values["book_without_payment"] = "on"
	}
	if set.NoShowFeeCents > 0 {
		f.Values["no_show_fee"] = money.New(set.NoShowFeeCents, sal.Currency).Plain(lang)
	}
	settings.RuleValues(ctx(c), f, set.DefaultRule, sal.Currency)
	return &f
}

func (s *Server) handleSettings(c *fiber.Ctx) error { return s.settingsPage(c, nil, nil, nil) }

func (s *Server) handleSettingsUpdate(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	f := formFrom(c, settingsFields...)
	err := s.Salons.UpdateSettings(ctx(c), currentSalon(c).ID, salon.SettingsInput{Name: f.Get("name"),
		TimeZone: f.Get("time_zone"), Currency: f.Get("currency"), Locale: f.Get("locale"), Address: f.Get("address"),
		Phone: f.Get("phone"), SlotStep: f.Get("slot_step"), MinNotice: f.Get("min_notice"),
		MaxHorizonDays: f.Get("max_horizon_days"), CancellationWindowHours: f.Get("cancellation_window_hours"),
		NoShowFee: f.Get("no_show_fee"), PaymentMode: f.Get("payment_mode"), DepositKind: f.Get("deposit_kind"),
		DepositValue: f.Get("deposit_value"), BookWithoutPayment: f.Get("book_without_payment") != "",
		CancelRefund: f.Get("cancel_refund"), DepositName: f.Get("deposit_name"), PolicyText: f.Get("policy_text")})
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.settingsPage(c, &f, nil, nil)
	}
	s.flash(c, "flash.settings_saved")
	return s.redirect(c, "/app/settings")
}

func (s *Server) handleHoursUpdate(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	f := formFrom(c, dayFields...)
	if err := s.Salons.SetHours(ctx(c), currentSalon(c).ID, weekDays(f)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.settingsPage(c, nil, &f, nil)
	}
	s.flash(c, "flash.hours_saved")
	return s.redirect(c, "/app/settings#hours")
}

func (s *Server) handleClosureCreate(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	f := formFrom(c, spanFields...)
	if err := s.Salons.AddClosure(ctx(c), currentSalon(c).ID, spanInput(f)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.settingsPage(c, nil, nil, &f)
	}
	s.flash(c, "flash.closure_added")
	return s.redirect(c, "/app/settings#closures")
}

func (s *Server) handleClosureDelete(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	id, err := setupID(c)
	if err != nil {
		return err
	}
	if err := s.Salons.DeleteClosure(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.closure_deleted")
	return s.redirect(c, "/app/settings#closures")
}
