package message

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/urls"
)

// Message statuses.
const (
	StatusQueued  = "queued"
	StatusSent    = "sent"
	StatusFailed  = "failed"
	StatusSkipped = "skipped"
)

// SendWorker sends outbox messages. A failure is recorded on the message
// (status failed, the error, one more attempt) and returned, so River tries
// again with backoff; a message already sent is never sent again.
type SendWorker struct {
	river.WorkerDefaults[SendArgs]
	Outbox *Outbox
}

// Timeout bounds one attempt (a slow SMTP server or SMS gateway).
func (w *SendWorker) Timeout(*river.Job[SendArgs]) time.Duration { return 45 * time.Second }

// Work sends the message.
func (w *SendWorker) Work(ctx context.Context, job *river.Job[SendArgs]) error {
	return w.Outbox.deliver(ctx, job.Args)
}

// deliver sends one message. Sending happens outside any transaction: a slow
// provider holds no database connection. The only window for a duplicate is
// a crash between the provider's acceptance and the status update.
func (o *Outbox) deliver(ctx context.Context, a SendArgs) error {
	var m dbq.Message
	var sal dbq.MessageSenderRow
	link := ""
	err := o.DB.WithTenant(ctx, a.SalonID, func(tx store.Tx) error {
		var err error
		if m, err = tx.MessageGet(ctx, dbq.MessageGetParams{TenantID: a.SalonID, ID: a.MessageID}); err != nil {
			return err
		}
		if m.Status != StatusQueued && m.Status != StatusFailed {
			return nil
		}
		if sal, err = tx.MessageSender(ctx, a.SalonID); err != nil {
			return err
		}
		if strings.Contains(m.Body, linkMarker) && m.AppointmentID != nil && o.ManageLink != nil {
			link, err = o.ManageLink(ctx, tx, a.SalonID, *m.AppointmentID)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("message: load %s: %w", a.MessageID, err)
	}
	if m.Status != StatusQueued && m.Status != StatusFailed {
		return nil // sent already (a retry after success), or skipped
	}
	body := fillLink(m.Body, link)
	sendErr := o.send(ctx, m, body, langOf(a.Lang), a.Attachments, sal)
	// Record the outcome even if the job's time ran out meanwhile.
	rctx := context.WithoutCancel(ctx)
	err = o.DB.WithTenant(rctx, a.SalonID, func(tx store.Tx) error {
		if sendErr != nil {
			return tx.MessageFailed(rctx, dbq.MessageFailedParams{TenantID: a.SalonID, ID: m.ID, LastError: failure(sendErr)})
		}
		if err := tx.MessageSent(rctx, dbq.MessageSentParams{TenantID: a.SalonID, ID: m.ID, SentAt: o.Clock.Now()}); err != nil {
			return err
		}
		if masked := maskLinks(m); masked != m.Body {
			return tx.MessageScrub(rctx, dbq.MessageScrubParams{TenantID: a.SalonID, ID: m.ID, Body: masked})
		}
		return nil
	})
	if sendErr != nil {
		return errors.Join(fmt.Errorf("message: send %s %s: %w", m.Channel, m.ID, sendErr), err)
	}
	if err != nil {
		return fmt.Errorf("message: mark %s sent: %w", m.ID, err)
	}
	return nil
}

// footer closes every email a salon sends its clients.
type footer struct{ text, link string }

// portalFooter points every email to the salon's client portal, where the
// client finds their visits, whatever the email was about.
func (o *Outbox) portalFooter(sal dbq.MessageSenderRow, lang i18n.Lang) footer {
	if sal.Slug == "" {
		return footer{}
	}
	return footer{text: i18n.Tr(lang, "message.email.portal_footer", sal.Name), link: o.BaseURL + urls.Portal(sal.Slug)}
}

// envelope is how an email of the salon's presents it: under its name, with
// its contact details, and on an offer the link to stop them.
func (o *Outbox) envelope(m dbq.Message, sal dbq.MessageSenderRow, lang i18n.Lang) mail.Content {
	foot := o.portalFooter(sal, lang)
	c := mail.Content{Subject: m.Subject, Footer: foot.text, FooterLink: foot.link,
		Salon: &mail.Salon{Name: sal.Name, Email: sal.Email, Phone: sal.Phone, Address: sal.Address}}
	if m.Purpose == Marketing && m.CustomerID != nil {
		c.Unsubscribe = o.UnsubscribeURL(m.TenantID, *m.CustomerID)
	}
	return c
}

func (o *Outbox) send(ctx context.Context, m dbq.Message, body string, lang i18n.Lang, atts []mail.Attachment, sal dbq.MessageSenderRow) error {
	switch m.Channel {
	case Email:
		return o.Mail.Send(ctx, emailOf(lang, m.ToAddress, body, atts, o.envelope(m, sal, lang)))
	case SMS:
		return o.SMS.SendSMS(ctx, sal.SmsSender, m.ToAddress, body)
	}
	return fmt.Errorf("unknown channel %q", m.Channel)
}

// failure is the error kept on the message for the salon to see: short, and
// without the message's content.
func failure(err error) string {
	s := err.Error()
	if r := []rune(s); len(r) > 500 {
		s = string(r[:500]) + "…"
	}
	return s
}

// maskLinks puts the marker back where a sign-in link the caller minted was
// written into a portal message, so the outbox keeps no working link once
// the message is gone.
func maskLinks(m dbq.Message) string {
	if m.Kind != KindPortalAccess && m.Kind != KindPortalLogin {
		return m.Body
	}
	return anyLink.ReplaceAllString(m.Body, linkMarker)
}

// emailOf makes the email: the text part is the body as written; the HTML
// part is the same paragraphs, lines and links in the same places, a
// paragraph that is a label and a link ("Gérer mon rendez-vous : https://…")
// becoming a button with the label's words. c brings the subject and what
// closes it (portal, salon, unsubscribe link).
func emailOf(lang i18n.Lang, to, body string, atts []mail.Attachment, c mail.Content) mail.Message {
	for _, p := range strings.Split(body, "\n\n") {
		if p = strings.Trim(p, "\n"); strings.TrimSpace(p) != "" {
			c.Paragraphs = append(c.Paragraphs, paragraphOf(lang, p))
		}
	}
	msg := mail.Compose(lang, to, c)
	msg.Text = strings.TrimRight(body, "\n") + "\n\n-- \n"
	if c.Footer != "" {
		msg.Text += c.Footer + " " + c.FooterLink + "\n"
	}
	msg.Text += mail.Signature(lang, c)
	msg.Attachments = atts
	return msg
}

// paragraphOf lays out one paragraph of a message for the HTML part.
func paragraphOf(lang i18n.Lang, p string) mail.Paragraph {
	if !strings.Contains(p, "\n") {
		if loc := anyLink.FindStringIndex(p); loc != nil && loc[1] == len(strings.TrimRight(p, " ")) && len(anyLink.FindAllString(p, 2)) == 1 {
			action := strings.TrimRight(p[:loc[0]], " :\u00a0\t")
			if action == "" {
				action = i18n.Tr(lang, "message.email.open")
			}
			return mail.Paragraph{Action: action, Link: p[loc[0]:loc[1]]}
		}
	}
	var out mail.Paragraph
	for _, line := range strings.Split(p, "\n") {
		var spans []mail.Span
		at := 0
		for _, loc := range anyLink.FindAllStringIndex(line, -1) {
			if loc[0] > at {
				spans = append(spans, mail.Span{Text: line[at:loc[0]]})
			}
			spans = append(spans, mail.Span{Text: line[loc[0]:loc[1]], Href: line[loc[0]:loc[1]]})
			at = loc[1]
		}
		if at < len(line) {
			spans = append(spans, mail.Span{Text: line[at:]})
		}
		out.Lines = append(out.Lines, spans)
	}
	return out
}
