package message

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Channels and purposes.
const (
	Email         = "email"
	SMS           = "sms"
	Transactional = "transactional"
	Marketing     = "marketing"
)

// Draft is a message to put in the outbox.
type Draft struct {
	SalonID       uuid.UUID
	CustomerID    *uuid.UUID // nil for a message to no client record (rare)
	AppointmentID *uuid.UUID
	Channel       string // Email or SMS
	Kind          string // confirmation, reminder, cancellation, portal_access, portal_login, manual…
	Purpose       string // Transactional or Marketing
	To            string // email address or E.164 phone
	Subject       string
	Body          string // plain text
	CreatedBy     *uuid.UUID
	Lang          i18n.Lang // the email's language ("" = French)
	// Attachments go with an email (the visit's .ics). They are not stored:
	// the job that sends the message receives them in its arguments.
	Attachments []mail.Attachment
}

// Consent is what a client agreed to receive.
type Consent struct {
	EmailTransactional, EmailMarketing, SMSTransactional, SMSMarketing bool
}

// Allows reports whether the client accepts this channel for this purpose.
func (c Consent) Allows(channel, purpose string) bool {
	switch {
	case channel == Email && purpose == Transactional:
		return c.EmailTransactional
	case channel == Email:
		return c.EmailMarketing
	case channel == SMS && purpose == Transactional:
		return c.SMSTransactional
	}
	return c.SMSMarketing
}

// EnqueueTx puts a message in the outbox within the caller's transaction and
// queues its sending, so it goes out only if the change it follows commits.
// A message the client's preferences refuse, or with no address, or from the
// demo salon (whose clients are made up), is kept in the history as skipped,
// with the reason, and never sent: no job is queued for it.
func EnqueueTx(ctx context.Context, tx store.Tx, d Draft, consent Consent) (uuid.UUID, error) {
	demo, err := tx.TenantIsDemo(ctx, d.SalonID)
	if err != nil {
		return uuid.Nil, fmt.Errorf("message: enqueue: %w", err)
	}
	status, reason := "queued", ""
	switch {
	case demo:
		status, reason = "skipped", SkipDemo
	case d.To == "":
		status, reason = "skipped", SkipNoAddress
	case !consent.Allows(d.Channel, d.Purpose):
		status, reason = "skipped", SkipOptedOut
	}
	if d.Lang == i18n.EN {
		d.Subject, d.Body = englishPunctuation(d.Subject), englishPunctuation(d.Body)
	}
	if d.Channel == SMS && d.Purpose == Marketing {
		d.Body = withStop(d.Body, d.Lang)
	}
	if status == "skipped" {
		d.Body = maskLinks(dbq.Message{Kind: d.Kind, Body: d.Body}) // never sent: no working sign-in link kept
	}
	row, err := tx.MessageCreate(ctx, dbq.MessageCreateParams{TenantID: d.SalonID, CustomerID: d.CustomerID, AppointmentID: d.AppointmentID,
		Channel: d.Channel, Kind: d.Kind, Purpose: d.Purpose, ToAddress: d.To, Subject: d.Subject, Body: d.Body, Status: status,
		SkipReason: reason, CreatedBy: d.CreatedBy})
	if err != nil {
		return uuid.Nil, fmt.Errorf("message: enqueue: %w", err)
	}
	if status == "queued" {
		if err := tx.Enqueue(ctx, SendArgs{SalonID: d.SalonID, MessageID: row.ID, Attachments: d.Attachments, Lang: string(d.Lang)}, nil); err != nil {
			return uuid.Nil, err
		}
	}
	return row.ID, nil
}

// SendArgs is the job that sends one outbox message.
type SendArgs struct {
	SalonID     uuid.UUID         `json:"salon_id"`
	MessageID   uuid.UUID         `json:"message_id"`
	Attachments []mail.Attachment `json:"attachments,omitempty"`
	Lang        string            `json:"lang,omitempty"`
}

// Kind names the job.
func (SendArgs) Kind() string { return "message_send" }

// InsertOpts: messages share the email queue (a slow provider delays only them).
func (SendArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: mail.Queue, MaxAttempts: 8}
}

// withStop ends an offer by SMS with how to stop them (LCEN art. L34-5): the
// client replies STOP, which the gateway reports (InboundStop).
func withStop(body string, lang i18n.Lang) string {
	notice := i18n.Tr(lang, "message.sms.stop")
	if strings.HasSuffix(body, notice) {
		return body
	}
	return strings.TrimRight(body, " \n") + "\n" + notice
}
