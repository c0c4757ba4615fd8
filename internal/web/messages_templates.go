package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/views/messages"
	"github.com/carnet-salon/carnet/views/ui"
)

// templateLang is the language of the templates shown: asked for, else the salon's.
func templateLang(c *fiber.Ctx, value string) i18n.Lang {
	if l, ok := i18n.Parse(value); ok {
		return l
	}
	if l, ok := i18n.Parse(currentSalon(c).Locale); ok {
		return l
	}
	return i18n.Default
}

func (s *Server) handleMessageTemplates(c *fiber.Ctx) error { return s.templatesPage(c, nil) }

// templatesPage lists the templates; rf is the reminders form as typed, nil for what is saved.
func (s *Server) templatesPage(c *fiber.Ctx, rf *ui.Form) error {
	sal := currentSalon(c)
	v := messages.TemplatesView{Lang: templateLang(c, c.Query("language")), CanManage: canSetUp(c)}
	var err error
	if v.Templates, err = s.Messages.Templates(ctx(c), sal.ID, v.Lang); err != nil {
		return err
	}
	if rf == nil {
		r, err := s.Messages.Reminders(ctx(c), sal.ID)
		if err != nil {
			return err
		}
		f := ui.NewForm()
		f.Values["reminder_hours"] = strconv.Itoa(r.Hours)
		if r.SMS {
			f.Values["reminder_sms"] = "on"
		}
		rf = &f
	}
	v.Reminders = *rf
	return s.render(c, messages.TemplatesPage(v), nil)
}

func templateInput(f ui.Form) message.TemplateInput {
	return message.TemplateInput{Kind: f.Get("kind"), Lang: f.Get("language"), Channel: f.Get("channel"),
		Subject: f.Get("subject"), Body: f.Get("body")}
}

var templateFields = []string{"kind", "language", "channel", "subject", "body"}

func (s *Server) handleMessageTemplate(c *fiber.Ctx) error {
	f := ui.NewForm()
	for _, k := range []string{"kind", "language", "channel"} {
		f.Values[k] = c.Query(k)
	}
	t, err := s.Messages.Template(ctx(c), currentSalon(c).ID, templateInput(f))
	if err != nil {
		return err
	}
	f.Values["subject"], f.Values["body"] = t.Subject, t.Body
	return s.templatePage(c, t, f)
}

// templatePage shows a template's editor with f as typed, previewed.
func (s *Server) templatePage(c *fiber.Ctx, t message.Template, f ui.Form) error {
	sal := currentSalon(c)
	set, err := s.Salons.Settings(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	in := templateInput(f)
	in.Kind, in.Lang, in.Channel = t.Kind, string(t.Lang), t.Channel
	p := s.Messages.Preview(in, message.Sample{Salon: sal.Name, Address: set.Address, Slug: sal.Slug,
		Now: s.Clock.Now().In(sal.Location())})
	return s.render(c, messages.TemplatePage(messages.TemplateView{Template: t, Preview: p, CanManage: canSetUp(c)}, f), nil)
}

// postedTemplate reads a template form, for owners and managers only.
func (s *Server) postedTemplate(c *fiber.Ctx) (ui.Form, message.Template, error) {
	if err := requireSetUp(c); err != nil {
		return ui.Form{}, message.Template{}, err
	}
	f := formFrom(c, templateFields...)
	t, err := s.Messages.Template(ctx(c), currentSalon(c).ID, templateInput(f))
	return f, t, err
}

func (s *Server) handleMessageTemplateSave(c *fiber.Ctx) error {
	f, t, err := s.postedTemplate(c)
	if err != nil {
		return err
	}
	if err := s.Messages.SaveTemplate(ctx(c), currentSalon(c).ID, templateInput(f)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.templatePage(c, t, f)
	}
	s.flash(c, "flash.template_saved")
	return s.redirect(c, messages.TemplateURL(t.Kind, t.Lang, t.Channel))
}

// handleMessageTemplatePreview shows the typed text rendered, saving nothing.
func (s *Server) handleMessageTemplatePreview(c *fiber.Ctx) error {
	f, t, err := s.postedTemplate(c)
	if err != nil {
		return err
	}
	return s.templatePage(c, t, f)
}

func (s *Server) handleMessageTemplateReset(c *fiber.Ctx) error {
	f, t, err := s.postedTemplate(c)
	if err != nil {
		return err
	}
	if err := s.Messages.ResetTemplate(ctx(c), currentSalon(c).ID, templateInput(f)); err != nil {
		return err
	}
	s.flash(c, "flash.template_reset")
	return s.redirect(c, messages.TemplateURL(t.Kind, t.Lang, t.Channel))
}

func (s *Server) handleMessageReminders(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	f := formFrom(c, "reminder_hours", "reminder_sms")
	if err := s.Messages.SetReminders(ctx(c), currentSalon(c).ID, f.Get("reminder_hours"), f.Get("reminder_sms") != ""); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.templatesPage(c, &f)
	}
	s.flash(c, "flash.reminders_saved")
	return s.redirect(c, "/app/messages/templates#reminders")
}
