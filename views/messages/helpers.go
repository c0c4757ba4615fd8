// Package messages holds the screens about what the salon says to its
// clients: a client's message history and the form to write to them (both
// placed on the client record), and the templates and reminders settings.
package messages

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/ui"
)

// TemplatesView is the list of templates of one language, and the reminders form.
type TemplatesView struct {
	Lang      i18n.Lang
	Templates []message.Template
	Reminders ui.Form // reminder_hours, reminder_sms
	CanManage bool
}

// TemplateView is one template's editor: f holds what is typed (subject,
// body), Preview renders it.
type TemplateView struct {
	Template  message.Template
	Preview   message.Preview
	CanManage bool
}

// TemplateURL is the editor of a template.
func TemplateURL(kind string, lang i18n.Lang, channel string) string {
	q := url.Values{"kind": {kind}, "language": {string(lang)}, "channel": {channel}}
	return urls.MessageTemplateEdit() + "?" + q.Encode()
}

// WriteURL is where the form to write to a client posts.
func WriteURL(customerID string) string { return urls.Clients() + "/" + customerID + "/messages" }

func kindName(ctx context.Context, kind string) string { return i18n.T(ctx, "message.kind."+kind) }

func channelName(ctx context.Context, channel string) string {
	return i18n.T(ctx, "message.channel."+channel)
}

// preview shows a body with its links as words: staff see a link was sent.
func preview(ctx context.Context, s string) string {
	return strings.ReplaceAll(s, "{"+message.VarLink+"}", i18n.T(ctx, "message.link"))
}

// skipReason says in plain words why a message was not sent.
func skipReason(ctx context.Context, m message.HistoryItem) string {
	switch m.SkipReason {
	case message.SkipNoAddress, message.SkipOptedOut, message.SkipDemo:
		return i18n.T(ctx, "message.skip."+m.Channel+"."+m.SkipReason)
	}
	return m.SkipReason
}

func badgeClass(status string) string {
	switch status {
	case message.StatusSent:
		return "badge ok"
	case message.StatusFailed:
		return "badge bad"
	case message.StatusSkipped:
		return "badge warn"
	}
	return "badge"
}

func channelOptions(ctx context.Context) []ui.Option {
	return []ui.Option{{Value: message.Email, Label: channelName(ctx, message.Email)}, {Value: message.SMS, Label: channelName(ctx, message.SMS)}}
}

func purposeOptions(ctx context.Context) []ui.Option {
	return []ui.Option{{Value: message.Transactional, Label: i18n.T(ctx, "message.write.purpose.transactional")},
		{Value: message.Marketing, Label: i18n.T(ctx, "message.write.purpose.marketing")}}
}

func rowsAttr(n int) string { return strconv.Itoa(n) }

func unknown(kind, text string) []string { return message.UnknownPlaceholders(kind, text) }

func varName(v string) string { return "{" + v + "}" }

func checked(f ui.Form, name string) bool { return f.Get(name) != "" }

func ariaCurrent(b bool) string {
	if b {
		return "page"
	}
	return "false"
}

func invalid(f ui.Form, name string) string {
	if f.Err(name) != "" {
		return "true"
	}
	return "false"
}

func bodyRows(channel string) int {
	if channel == message.SMS {
		return 4
	}
	return 12
}

// paragraphs splits a text into paragraphs of lines.
func paragraphs(text string) [][]string {
	var out [][]string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.Trim(p, "\n"); p != "" {
			out = append(out, strings.Split(p, "\n"))
		}
	}
	return out
}
