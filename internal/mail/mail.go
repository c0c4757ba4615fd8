package mail

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	netmail "net/mail"
	"net/url"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Message is one email, already rendered in the recipient's language.
type Message struct {
	To          string       `json:"to"`
	Subject     string       `json:"subject"`
	Text        string       `json:"text"`
	HTML        string       `json:"html,omitempty"`
	Attachments []Attachment `json:"attachments,omitempty"`
	// FromName is the salon that writes: shown as the sender, on the
	// platform's own address so SPF, DKIM and DMARC still hold.
	FromName string `json:"from_name,omitempty"`
	ReplyTo  string `json:"reply_to,omitempty"` // the salon's own email: answers reach the salon
	// Unsubscribe, on an offer, is the one-click link of the
	// List-Unsubscribe headers (RFC 8058).
	Unsubscribe string `json:"unsubscribe,omitempty"`
}

// Attachment is a file sent with a message (an .ics invitation, a receipt).
type Attachment struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Data        []byte `json:"data"`
}

// Sender delivers a message.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// SMTP sends through an SMTP server.
type SMTP struct {
	from   string
	host   string
	port   int
	ssl    bool
	user   string
	pass   string
	hasPwd bool
}

// NewSMTP returns a sender for smtp://user:pass@host:port (STARTTLS when
// offered) or smtps://host:465 (implicit TLS).
func NewSMTP(u *url.URL, from string) *SMTP {
	s := &SMTP{from: from, host: u.Hostname(), ssl: u.Scheme == "smtps"}
	s.port, _ = strconv.Atoi(u.Port())
	if s.port == 0 {
		s.port = 587
		if s.ssl {
			s.port = 465
		}
	}
	if u.User != nil {
		s.user = u.User.Username()
		s.pass, s.hasPwd = u.User.Password()
	}
	return s
}

// Send delivers m, giving up after 30 seconds so a stuck server cannot hold a worker.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	msg, err := build(s.from, m)
	if err != nil {
		return err
	}
	opts := []gomail.Option{gomail.WithPort(s.port), gomail.WithTimeout(30 * time.Second)}
	if s.ssl {
		opts = append(opts, gomail.WithSSL())
	} else {
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	}
	if s.user != "" && s.hasPwd {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover), gomail.WithUsername(s.user), gomail.WithPassword(s.pass))
	}
	client, err := gomail.NewClient(s.host, opts...)
	if err != nil {
		return fmt.Errorf("mail: smtp client: %w", err)
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("mail: send to %s: %w", s.host, err)
	}
	return nil
}

func build(from string, m Message) (*gomail.Msg, error) {
	msg := gomail.NewMsg()
	if err := msg.From(from); err != nil {
		return nil, fmt.Errorf("mail: from %q: %w", from, err)
	}
	if m.FromName != "" {
		if err := msg.FromFormat(m.FromName, Address(from)); err != nil {
			return nil, fmt.Errorf("mail: from %q: %w", m.FromName, err)
		}
	}
	if m.ReplyTo != "" {
		if err := msg.ReplyTo(m.ReplyTo); err != nil {
			return nil, fmt.Errorf("mail: reply-to: %w", err)
		}
	}
	if m.Unsubscribe != "" {
		// One POST to the link unsubscribes: mail apps show their own
		// "unsubscribe" button, and no prefetch can trigger it (RFC 8058).
		msg.SetGenHeaderPreformatted(gomail.HeaderListUnsubscribe, "<"+m.Unsubscribe+">")
		msg.SetGenHeaderPreformatted(gomail.HeaderListUnsubscribePost, "List-Unsubscribe=One-Click")
	}
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("mail: recipient: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageID()
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	for _, a := range m.Attachments {
		if err := msg.AttachReader(a.Name, bytes.NewReader(a.Data), gomail.WithFileContentType(gomail.ContentType(a.ContentType))); err != nil {
			return nil, fmt.Errorf("mail: attach %s: %w", a.Name, err)
		}
	}
	return msg, nil
}

// Log writes messages to the log instead of sending them (development).
type Log struct{ Logger *slog.Logger }

// Send logs the message, links included, so a developer can follow them.
func (l Log) Send(_ context.Context, m Message) error {
	l.Logger.Info("email (not sent: SMTP_URL is not set)", "to", m.To, "subject", m.Subject, "text", m.Text)
	return nil
}

// Address is the bare email address of a sender written "Name <addr>"
// (a calendar file names its organiser by address alone).
func Address(from string) string {
	if a, err := netmail.ParseAddress(from); err == nil {
		return a.Address
	}
	return from
}
