package testkit

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"encoding/base64"

	"github.com/emersion/go-smtp"
)

// Mail is one message the sink received, decoded.
type Mail struct {
	Header            mail.Header // as sent: From, Reply-To, List-Unsubscribe…
	From, To, Subject string
	Text, HTML        string
	Attachments       map[string][]byte // file name → content
}

// Link returns the first URL in the text part that contains fragment.
func (m Mail) Link(t testing.TB, fragment string) string {
	t.Helper()
	for _, u := range regexp.MustCompile(`https?://[^\s<>"]+`).FindAllString(m.Text, -1) {
		if strings.Contains(u, fragment) {
			return u
		}
	}
	t.Fatalf("no link containing %q in mail %q:\n%s", fragment, m.Subject, m.Text)
	return ""
}

// MailSink is a real SMTP server that keeps what it receives.
type MailSink struct {
	server *smtp.Server
	Addr   string
	mu     sync.Mutex
	mails  []Mail
	wake   chan struct{}
}

// StartMailSink listens on a free local port.
func StartMailSink() (*MailSink, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &MailSink{Addr: ln.Addr().String(), wake: make(chan struct{})}
	s.server = smtp.NewServer(s)
	s.server.Domain = "localhost"
	s.server.AllowInsecureAuth = true
	go func() { _ = s.server.Serve(ln) }()
	return s, nil
}

// Close stops the server.
func (s *MailSink) Close() { _ = s.server.Close() }

// NewSession implements smtp.Backend.
func (s *MailSink) NewSession(*smtp.Conn) (smtp.Session, error) { return &sinkSession{sink: s}, nil }

func (s *MailSink) add(m Mail) {
	s.mu.Lock()
	s.mails = append(s.mails, m)
	close(s.wake)
	s.wake = make(chan struct{})
	s.mu.Unlock()
}

// To returns the messages received so far for an address.
func (s *MailSink) To(addr string) []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Mail
	for _, m := range s.mails {
		if strings.EqualFold(m.To, addr) {
			out = append(out, m)
		}
	}
	return out
}

// Wait returns the n-th (from 1) message to addr, waiting for the background
// job that sends it. It fails the test if it does not come within 15 s.
func (s *MailSink) Wait(t testing.TB, addr string, n int) Mail {
	t.Helper()
	deadline := time.After(15 * time.Second)
	for {
		s.mu.Lock()
		wake := s.wake
		s.mu.Unlock()
		if got := s.To(addr); len(got) >= n {
			return got[n-1]
		}
		select {
		case <-wake:
		case <-deadline:
			t.Fatalf("no mail #%d to %s within 15s (got %d)", n, addr, len(s.To(addr)))
		}
	}
}

// WaitSubject returns the first message to addr whose subject contains text,
// waiting for it (jobs deliver in no particular order).
func (s *MailSink) WaitSubject(t testing.TB, addr, text string) Mail {
	t.Helper()
	return s.WaitSubjectN(t, addr, text, 1)
}

// WaitSubjectN returns the nth message to addr whose subject contains text,
// waiting for it: other emails (a salon's notifications) may come between.
func (s *MailSink) WaitSubjectN(t testing.TB, addr, text string, n int) Mail {
	t.Helper()
	deadline := time.After(15 * time.Second)
	for {
		s.mu.Lock()
		wake := s.wake
		s.mu.Unlock()
		seen := 0
		for _, m := range s.To(addr) {
			if strings.Contains(m.Subject, text) {
				if seen++; seen == n {
					return m
				}
			}
		}
		select {
		case <-wake:
		case <-deadline:
			t.Fatalf("no mail #%d to %s about %q within 15s", n, addr, text)
		}
	}
}

type sinkSession struct {
	sink     *MailSink
	from, to string
}

func (s *sinkSession) Reset()                                      {}
func (s *sinkSession) Logout() error                               { return nil }
func (s *sinkSession) Mail(from string, _ *smtp.MailOptions) error { s.from = from; return nil }
func (s *sinkSession) Rcpt(to string, _ *smtp.RcptOptions) error   { s.to = to; return nil }

func (s *sinkSession) Data(r io.Reader) error {
	msg, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	dec := new(mime.WordDecoder)
	subject, _ := dec.DecodeHeader(msg.Header.Get("Subject"))
	m := Mail{Header: msg.Header, From: s.from, To: s.to, Subject: subject, Attachments: map[string][]byte{}}
	if err := readPart(&m, msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), "", msg.Body); err != nil {
		return fmt.Errorf("sink: %w", err)
	}
	s.sink.add(m)
	return nil
}

func readPart(m *Mail, contentType, encoding, disposition string, body io.Reader) error {
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mediaType = "text/plain"
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if err := readPart(m, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p.Header.Get("Content-Disposition"), p); err != nil {
				return err
			}
		}
	}
	var r io.Reader = body
	switch strings.ToLower(encoding) {
	case "quoted-printable":
		r = quotedprintable.NewReader(body)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, body)
	}
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, r); err != nil {
		return err
	}
	if _, dparams, err := mime.ParseMediaType(disposition); err == nil && dparams["filename"] != "" {
		m.Attachments[dparams["filename"]] = buf.Bytes()
		return nil
	}
	switch mediaType {
	case "text/plain":
		m.Text += buf.String()
	case "text/html":
		m.HTML += buf.String()
	}
	return nil
}

// All returns every message the sink received so far, to anyone.
func (s *MailSink) All() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Mail(nil), s.mails...)
}
