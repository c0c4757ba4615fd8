package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/urls"
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

// templateForm is a template's form as typed: which template (kind,
// language, channel), and its wording. Its fields are message.TemplateInput's.
type templateForm struct {
	Kind     string `form:"kind"`
	Language string `form:"language" field:"Lang"`
	Channel  string `form:"channel"`
	Subject  string `form:"subject"`
	Body     string `form:"body"`
}

func (f templateForm) input() message.TemplateInput {
	return message.TemplateInput{Kind: f.Kind, Lang: i18n.Lang(f.Language), Channel: f.Channel, Subject: f.Subject, Body: f.Body}
}

func (s *Server) handleMessageTemplate(c *fiber.Ctx) error {
	tf := templateForm{Kind: c.Query("kind"), Language: c.Query("language"), Channel: c.Query("channel")}
	t, err := s.Messages.Template(ctx(c), currentSalon(c).ID, tf.input())
	if err != nil {
		return err
	}
	tf.Subject, tf.Body = t.Subject, t.Body
	return s.templatePage(c, t, tf, formView(tf))
}

// templatePage shows a template's editor with tf as typed, previewed; f is
// the form shown (tf's values, and the problems of a refused save).
func (s *Server) templatePage(c *fiber.Ctx, t message.Template, tf templateForm, f ui.Form) error {
	sal := currentSalon(c)
	set, err := s.Salons.Settings(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	in := tf.input()
	in.Kind, in.Lang, in.Channel = t.Kind, t.Lang, t.Channel
	p := s.Messages.Preview(in, message.Sample{Salon: sal.Name, Address: set.Address, Slug: sal.Slug,
		Now: s.Clock.Now().In(sal.Location())})
	return s.render(c, messages.TemplatePage(messages.TemplateView{Template: t, Preview: p, CanManage: canSetUp(c)}, f), nil)
}

// postedTemplate reads a template form, for owners and managers only.
func (s *Server) postedTemplate(c *fiber.Ctx) (templateForm, message.Template, error) {
	var tf templateForm
	if err := decodeForm(c, &tf); err != nil {
		return tf, message.Template{}, err
	}
	t, err := s.Messages.Template(ctx(c), currentSalon(c).ID, tf.input())
	return tf, t, err
}

func (s *Server) handleMessageTemplateSave(c *fiber.Ctx) error {
	tf, t, err := s.postedTemplate(c)
	if err != nil {
		return err
	}
	if err := s.Messages.SaveTemplate(ctx(c), currentSalon(c).ID, tf.input()); err != nil {
		var f ui.Form
		if !refusedForm(c, &f, tf, err) {
			return err
		}
		return s.templatePage(c, t, tf, f)
	}
	s.flash(c, "flash.template_saved")
	return s.redirect(c, messages.TemplateURL(t.Kind, t.Lang, t.Channel))
}

// handleMessageTemplatePreview shows the typed text rendered, saving nothing.
func (s *Server) handleMessageTemplatePreview(c *fiber.Ctx) error {
	tf, t, err := s.postedTemplate(c)
	if err != nil {
		return err
	}
	return s.templatePage(c, t, tf, formView(tf))
}

func (s *Server) handleMessageTemplateReset(c *fiber.Ctx) error {
	tf, t, err := s.postedTemplate(c)
	if err != nil {
		return err
	}
	if err := s.Messages.ResetTemplate(ctx(c), currentSalon(c).ID, tf.input()); err != nil {
		return err
	}
	s.flash(c, "flash.template_reset")
	return s.redirect(c, messages.TemplateURL(t.Kind, t.Lang, t.Channel))
}

func (s *Server) handleMessageReminders(c *fiber.Ctx) error {
	f := formFrom(c, "reminder_hours", "reminder_sms")
	if err := s.Messages.SetReminders(ctx(c), currentSalon(c).ID, f.Get("reminder_hours"), f.Get("reminder_sms") != ""); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.templatesPage(c, &f)
	}
	s.flash(c, "flash.reminders_saved")
	return s.redirect(c, urls.MessageTemplates()+"#reminders")
}
