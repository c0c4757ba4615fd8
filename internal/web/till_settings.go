package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/till"
	"github.com/carnet-salon/carnet/internal/urls"
	tillview "github.com/carnet-salon/carnet/views/till"
	"github.com/carnet-salon/carnet/views/ui"
)

// tillSettingsForm is what a receipt needs to say about the salon.
type tillSettingsForm struct {
	SIRET     string `form:"siret" field:"SIRET"`
	VATNumber string `form:"vat_number" field:"VATNumber"`
	VATExempt string `form:"vat_exempt" field:"VATExempt"`
	LowStock  string `form:"low_stock" field:"LowStock"`
}

// registerForm names a register.
type registerForm struct {
	Name string `form:"name"`
}

func (s *Server) tillSettingsPage(c *fiber.Ctx, v tillview.SettingsView) error {
	sal := currentSalon(c)
	var err error
	if v.Registers, err = s.Till.Registers(ctx(c), sal.ID); err != nil {
		return err
	}
	if v.F.Values == nil {
		set, err := s.Till.Settings(ctx(c), sal.ID)
		if err != nil {
			return err
		}
		tf := tillSettingsForm{SIRET: set.SIRET, VATNumber: set.VATNumber, LowStock: strconv.Itoa(int(set.LowStock))}
		if set.VATExempt {
			tf.VATExempt = "on"
		}
		v.F = formView(tf)
	}
	if v.RegF.Values == nil {
		v.RegF = ui.NewForm()
	}
	return s.render(c, tillview.SettingsPage(v), nil)
}

func (s *Server) handleTillSettings(c *fiber.Ctx) error {
	return s.tillSettingsPage(c, tillview.SettingsView{})
}

func (s *Server) handleTillSettingsSave(c *fiber.Ctx) error {
	var tf tillSettingsForm
	if err := decodeForm(c, &tf); err != nil {
		return err
	}
	edge := apperr.Fields{}
	in := till.SettingsInput{SIRET: tf.SIRET, VATNumber: tf.VATNumber, VATExempt: tf.VATExempt != ""}
	if strings.TrimSpace(tf.LowStock) != "" {
		in.LowStock = int32(intField(edge, "low_stock", tf.LowStock))
	}
	err := submit(edge, noCheck, func() error { return s.Till.SaveSettings(ctx(c), currentSalon(c).ID, in) })
	if err != nil {
		var f ui.Form
		if !refusedForm(c, &f, tf, err) {
			return err
		}
		return s.tillSettingsPage(c, tillview.SettingsView{F: f})
	}
	return s.redirect(c, urls.TillSettings())
}

func (s *Server) handleRegisterCreate(c *fiber.Ctx) error {
	var rf registerForm
	if err := decodeForm(c, &rf); err != nil {
		return err
	}
	if _, err := s.Till.CreateRegister(ctx(c), currentSalon(c).ID, rf.Name); err != nil {
		var f ui.Form
		if !refusedForm(c, &f, rf, err) {
			return err
		}
		return s.tillSettingsPage(c, tillview.SettingsView{RegF: f})
	}
	return s.redirect(c, urls.TillSettings())
}

func (s *Server) handleRegisterRename(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var rf registerForm
	if err := decodeForm(c, &rf); err != nil {
		return err
	}
	if err := s.Till.RenameRegister(ctx(c), currentSalon(c).ID, id, rf.Name); err != nil {
		var f ui.Form
		if !refusedForm(c, &f, rf, err) {
			return err
		}
		return s.tillSettingsPage(c, tillview.SettingsView{RegF: f})
	}
	return s.redirect(c, urls.TillSettings())
}
