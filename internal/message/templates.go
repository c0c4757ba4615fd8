package message

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/urls"
)

// Template is one wording a salon sends: its own, or Carnet's default.
type Template struct {
	Kind    string
	Lang    i18n.Lang
	Channel string
	Text              // what is sent
	Default Text      // Carnet's wording, to compare and reset to
	Custom  bool      // the salon reworded it
	Updated time.Time // when the salon last saved it
}

// TemplateInput is a template form as typed.
type TemplateInput struct {
	Kind          string
	Lang          i18n.Lang
	Channel       string
	Subject, Body string
}

// key checks the kind, language and channel of a template: anything else is
// simply not found.
func (in TemplateInput) key() (string, i18n.Lang, string, error) {
	lang, ok := i18n.Parse(string(in.Lang))
	if !ok || !slices.Contains(Kinds, in.Kind) || !slices.Contains(Channels, in.Channel) {
		return "", "", "", apperr.ErrNotFound
	}
	return in.Kind, lang, in.Channel, nil
}

func templateOf(kind string, lang i18n.Lang, channel string, row *dbq.MessageTemplate) Template {
	def, _ := Default(kind, lang, channel)
	t := Template{Kind: kind, Lang: lang, Channel: channel, Text: def, Default: def}
	if row != nil {
		t.Text, t.Custom, t.Updated = Text{Subject: row.Subject, Body: row.Body}, true, row.UpdatedAt
	}
	return t
}

// Templates lists every template of a language, in Kinds × Channels order.
func (o *Outbox) Templates(ctx context.Context, salonID uuid.UUID, lang i18n.Lang) ([]Template, error) {
	var rows []dbq.MessageTemplate
	err := o.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		rows, err = tx.MessageTemplatesOf(ctx, dbq.MessageTemplatesOfParams{TenantID: salonID, Lang: string(lang)})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("message: templates: %w", err)
	}
	var out []Template
	for _, kind := range Kinds {
		for _, ch := range Channels {
			var own *dbq.MessageTemplate
			if i := slices.IndexFunc(rows, func(r dbq.MessageTemplate) bool { return r.Kind == kind && r.Channel == ch }); i >= 0 {
				own = &rows[i]
			}
			out = append(out, templateOf(kind, lang, ch, own))
		}
	}
	return out, nil
}

// Template returns one template.
func (o *Outbox) Template(ctx context.Context, salonID uuid.UUID, in TemplateInput) (Template, error) {
	kind, lang, ch, err := in.key()
	if err != nil {
		return Template{}, err
	}
	var t Template
	err = o.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		row, err := tx.MessageTemplateGet(ctx, dbq.MessageTemplateGetParams{TenantID: salonID, Kind: kind, Lang: string(lang), Channel: ch})
		switch {
		case store.IsNotFound(err):
			t = templateOf(kind, lang, ch, nil)
			return nil
		case err != nil:
			return err
		}
		t = templateOf(kind, lang, ch, &row)
		return nil
	})
	return t, err
}

// SaveTemplate keeps the salon's wording of a template. A placeholder the
// message cannot fill is refused, beside its field (subject, body).
func (o *Outbox) SaveTemplate(ctx context.Context, salonID uuid.UUID, in TemplateInput) error {
	kind, lang, ch, err := in.key()
	if err != nil {
		return err
	}
	t := Text{Subject: strings.TrimSpace(in.Subject), Body: strings.TrimSpace(strings.ReplaceAll(in.Body, "\r\n", "\n"))}
	if ch == SMS {
		t.Subject = ""
	}
	f := apperr.Fields{}
	check(kind, ch, t, f)
	if err := f.Err(); err != nil {
		return err
	}
	return o.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		return tx.MessageTemplateSave(ctx, dbq.MessageTemplateSaveParams{TenantID: salonID, Kind: kind, Lang: string(lang),
			Channel: ch, Subject: t.Subject, Body: t.Body})
	})
}

// ResetTemplate goes back to Carnet's wording.
func (o *Outbox) ResetTemplate(ctx context.Context, salonID uuid.UUID, in TemplateInput) error {
	kind, lang, ch, err := in.key()
	if err != nil {
		return err
	}
	return o.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		return tx.MessageTemplateDelete(ctx, dbq.MessageTemplateDeleteParams{TenantID: salonID, Kind: kind, Lang: string(lang), Channel: ch})
	})
}

// Sample is what a preview fills the placeholders with: the salon's own
// name and address, a made-up client and visit.
type Sample struct {
	Salon, Address, Slug string
	Now                  time.Time // in the salon's zone
}

// Preview is a template rendered with sample values.
type Preview struct {
	Text
	Length  int  // characters of the body
	TooLong bool // an SMS past SMSLength characters goes as several
	// Missing are the placeholders, as typed, that would be sent empty
	// (the salon has no address): the preview names them.
	Missing []string
}

// Preview renders a wording (as typed, unsaved) the way a client would read it.
func (o *Outbox) Preview(in TemplateInput, s Sample) Preview {
	lang := langOf(string(in.Lang))
	visit := time.Date(s.Now.Year(), s.Now.Month(), s.Now.Day(), 14, 30, 0, 0, s.Now.Location()).AddDate(0, 0, 7)
	link := o.BaseURL + urls.Manage(s.Slug, "…")
	if in.Kind == KindPortalAccess || in.Kind == KindPortalLogin {
		link = o.BaseURL + urls.Portal(s.Slug) + "/…"
	}
	staff, service := "Nora", i18n.Tr(lang, "message.sample.service")
	v := vars{VarFirstName: "Léa", VarLastName: "Martin", VarSalon: s.Salon, VarAddress: s.Address, VarLink: link,
		VarDate: day(lang, visit), VarTime: clockTime(visit), VarService: service, VarStaff: staff}
	allowed := Placeholders(in.Kind)
	for name := range v {
		if !slices.Contains(allowed, name) {
			delete(v, name)
		}
	}
	p := Preview{Text: Text{Body: render(in.Body, v)}, Missing: missing(in.Body, v)}
	if in.Channel == Email {
		p.Subject = render(in.Subject, v)
		p.Missing = missing(in.Subject+"\n"+in.Body, v)
	}
	p.Length = utf8.RuneCountInString(p.Body)
	p.TooLong = in.Channel == SMS && p.Length > SMSLength
	return p
}
