package message

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// SMSProvider sends a text message to a phone number (E.164), under the
// salon's sender name (from; "" = the platform's default).
type SMSProvider interface {
	SendSMS(ctx context.Context, from, to, text string) error
}

// HTTPSMS sends through an SMS gateway's HTTP API: a JSON POST of
// {"from","to","text"} with a bearer key. Any answer but 2xx is a failure,
// reported with the gateway's own message.
type HTTPSMS struct {
	url    string
	key    string
	from   string
	client *http.Client
}

// NewHTTPSMS returns a provider for the gateway at u (SMS_URL), with its key
// (SMS_KEY) and the sender name clients see when the salon set none (SMS_FROM).
func NewHTTPSMS(u *url.URL, key, from string) *HTTPSMS {
	return &HTTPSMS{url: u.String(), key: key, from: from, client: &http.Client{Timeout: 20 * time.Second}}
}

// SendSMS posts the message to the gateway.
func (p *HTTPSMS) SendSMS(ctx context.Context, from, to, text string) error {
	if from == "" {
		from = p.from
	}
	payload, err := json.Marshal(map[string]string{"from": from, "to": to, "text": text})
	if err != nil {
		return fmt.Errorf("sms: encode: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(payload))
	if err != nil {
		return fmt.Errorf("sms: request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+p.key)
	resp, err := p.client.Do(req)
	if err != nil {
		// The URL is the operator's setting, not a secret; the error names it.
		return fmt.Errorf("sms: gateway unreachable: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("sms: gateway answered %d: %s", resp.StatusCode, gatewayMessage(body))
	}
	return nil
}

// gatewayMessage is the reason a gateway gives: the "message" or "error" of
// a JSON answer, else the start of its text.
func gatewayMessage(body []byte) string {
	var v struct {
		Message string `json:"message"`
		Error   any    `json:"error"`
	}
	if json.Unmarshal(body, &v) == nil {
		if v.Message != "" {
			return v.Message
		}
		switch e := v.Error.(type) {
		case string:
			return e
		case map[string]any:
			if m, ok := e["message"].(string); ok {
				return m
			}
		}
	}
	s := strings.TrimSpace(string(body))
	if len([]rune(s)) > 200 {
		s = string([]rune(s)[:200]) + "…"
	}
	if s == "" {
		s = "no message"
	}
	return s
}

// LogSMS writes text messages to the log instead of sending them, when no
// gateway is configured (development). Unlike emails, links are masked:
// an SMS may carry a client's sign-in link, and logs are read by more people
// than the client.
type LogSMS struct{ Logger *slog.Logger }

var anyLink = regexp.MustCompile(`https?://\S+`)

// SendSMS logs the message.
func (l LogSMS) SendSMS(_ context.Context, from, to, text string) error {
	l.Logger.Info("sms (not sent: SMS_URL is not set)", "from", from, "to", to, "text", anyLink.ReplaceAllString(text, "[link]"))
	return nil
}
