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
	link := ""
	err := o.DB.WithTenant(ctx, a.SalonID, func(tx store.Tx) error {
		var err error
		if m, err = tx.MessageGet(ctx, dbq.MessageGetParams{TenantID: a.SalonID, ID: a.MessageID}); err != nil {
			return err
		}
		if m.Status != StatusQueued && m.Status != StatusFailed {
			return nil
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
	sendErr := o.send(ctx, m, body, langOf(a.Lang), a.Attachments)
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

func (o *Outbox) send(ctx context.Context, m dbq.Message, body string, lang i18n.Lang, atts []mail.Attachment) error {
	switch m.Channel {
	case Email:
		return o.Mail.Send(ctx, emailOf(lang, m.ToAddress, m.Subject, body, atts))
	case SMS:
		return o.SMS.SendSMS(ctx, m.ToAddress, body)
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
// part lays it out (first paragraph as greeting), the paragraph holding a
// link becoming the button, labelled with that paragraph's words.
func emailOf(lang i18n.Lang, to, subject, body string, atts []mail.Attachment) mail.Message {
	c := mail.Content{Subject: subject}
	link := anyLink.FindString(body)
	for i, p := range strings.Split(body, "\n\n") {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case link != "" && c.Link == "" && strings.Contains(p, link):
			c.Link = link
			c.Action = strings.TrimRight(strings.TrimSpace(strings.Replace(p, link, "", 1)), " :")
			if c.Action == "" {
				c.Action = i18n.Tr(lang, "message.email.open")
			}
		case i == 0:
			c.Greeting = p
		default:
			c.Lines = append(c.Lines, p)
		}
	}
	html := mail.Compose(lang, to, c).HTML
	return mail.Message{To: to, Subject: subject, Text: body, HTML: html, Attachments: atts}
}
