// Package config turns the environment into a typed, validated Config.
// A missing or malformed setting stops start-up with one line naming it.
package config

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net"
	netmail "net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Config is everything the binary reads from its environment.
type Config struct {
	DatabaseURL   string // owner connection: creates the database, roles, runs migrations
	AppDBPassword string // password given to the carnet_app and carnet_platform roles ("" = none, trust/peer auth)
	RedisURL      string
	RedisPrefix   string // prepended to every Redis key, so several deployments or test packages share one Redis
	Port          int
	BaseURL       *url.URL
	SMTPURL       *url.URL // nil: emails are written to the log instead of sent
	MailFrom      string
	// PlatformContact is the platform team's address, given to a suspended
	// salon's staff so a suspension can be talked through.
	PlatformContact string
	SMSURL          *url.URL // the SMS gateway; nil: text messages are written to the log (links masked)
	SMSKey          string   // the gateway's bearer key
	SMSFrom         string   // the sender name clients see when the salon has set none
	// SMSInboundSecret authenticates the gateway's inbound webhook (STOP
	// replies); "" turns the webhook off.
	SMSInboundSecret string
	// AppSecret signs links that work without a session (unsubscribing);
	// derived from SecretKey.
	AppSecret      []byte
	TrustedProxies []string
	SessionIdle    time.Duration
	// RedisTimeout is the budget of each Redis call on a request's path
	// (sessions, rate limits): past it Redis counts as down.
	RedisTimeout time.Duration
	MetricsToken string
	LogFormat    string // json (default) or text
	// DrainDelay is how long a stopping server keeps serving with /readyz
	// failing, so the load balancer stops sending before the listener closes.
	DrainDelay time.Duration

	// SecretKey encrypts secrets stored in the database (admins' TOTP
	// secrets): 32 bytes, SECRET_KEY as 64 hex digits.
	SecretKey []byte

	// JournalKey is the till journal's Ed25519 seed (JOURNAL_KEY, base64);
	// nil: the key is read from JournalKeyFile, created there at first start.
	JournalKey     []byte
	JournalKeyFile string

	StripeSecretKey            string
	StripeWebhookSecret        string
	StripeConnectWebhookSecret string
	StripeAPIBase              string // stripe-mock in tests; empty for the real API

	Ops
}

// smsSender: operators accept an alphanumeric sender of at most 11
// characters, or a phone number.
var smsSender = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9 ]{0,10}|\+[0-9]{6,15})$`)

// Secure reports whether cookies must carry the Secure flag.
func (c Config) Secure() bool { return c.BaseURL.Scheme == "https" }

// Error names the setting that is wrong.
type Error struct {
	Name, Problem string
}

func (e *Error) Error() string { return fmt.Sprintf("config: %s %s", e.Name, e.Problem) }

// Load reads the configuration through getenv (os.Getenv in production, a map in tests).
func Load(getenv func(string) string) (Config, error) {
	get := func(name, def string) string {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return v
		}
		return def
	}
	var c Config
	var err error

	c.DatabaseURL = get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/carnet?sslmode=disable")
	if u, perr := url.Parse(c.DatabaseURL); perr != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || strings.Trim(u.Path, "/") == "" {
		return c, &Error{"DATABASE_URL", "must be a postgres:// URL naming a database"}
	}
	c.AppDBPassword = getenv("DATABASE_APP_PASSWORD")

	c.RedisURL = get("REDIS_URL", "redis://127.0.0.1:6379/0")
	if u, perr := url.Parse(c.RedisURL); perr != nil || (u.Scheme != "redis" && u.Scheme != "rediss") {
		return c, &Error{"REDIS_URL", "must be a redis:// or rediss:// URL"}
	}
	c.RedisPrefix = get("REDIS_PREFIX", "")
	redisURL, _ := url.Parse(c.RedisURL)
	if c.Ops, err = loadOps(get, strings.Trim(redisURL.Path, "/")); err != nil {
		return c, err
	}

	if c.Port, err = strconv.Atoi(get("PORT", "8080")); err != nil || c.Port < 1 || c.Port > 65535 {
		return c, &Error{"PORT", "must be a port number between 1 and 65535"}
	}

	base := get("BASE_URL", fmt.Sprintf("http://localhost:%d", c.Port))
	if c.BaseURL, err = url.Parse(strings.TrimRight(base, "/")); err != nil || (c.BaseURL.Scheme != "http" && c.BaseURL.Scheme != "https") || c.BaseURL.Host == "" {
		return c, &Error{"BASE_URL", "must be an absolute http(s) URL such as https://carnet.example.com"}
	}

	if raw := get("SMTP_URL", ""); raw != "" {
		if c.SMTPURL, err = url.Parse(raw); err != nil || (c.SMTPURL.Scheme != "smtp" && c.SMTPURL.Scheme != "smtps") || c.SMTPURL.Hostname() == "" {
			return c, &Error{"SMTP_URL", "must look like smtp://user:password@host:587 or smtps://host:465"}
		}
	}
	if c.SMTPURL == nil && c.BaseURL.Scheme == "https" {
		// The log sender writes links (password resets, invitations) to the
		// log: fine on a laptop, never in production.
		return c, &Error{"SMTP_URL", "is required when BASE_URL is https"}
	}
	c.MailFrom = get("MAIL_FROM", "Carnet <no-reply@"+c.BaseURL.Hostname()+">")
	if !strings.Contains(c.MailFrom, "@") {
		return c, &Error{"MAIL_FROM", "must contain an email address"}
	}

	c.PlatformContact = get("PLATFORM_CONTACT", "support@"+c.BaseURL.Hostname())
	if _, perr := netmail.ParseAddress(c.PlatformContact); perr != nil {
		return c, &Error{"PLATFORM_CONTACT", "must be an email address, such as support@carnet.example.com"}
	}

	if raw := get("SMS_URL", ""); raw != "" {
		if c.SMSURL, err = url.Parse(raw); err != nil || (c.SMSURL.Scheme != "http" && c.SMSURL.Scheme != "https") || c.SMSURL.Host == "" {
			return c, &Error{"SMS_URL", "must be the absolute http(s) URL of the SMS gateway's send endpoint"}
		}
		if c.SMSKey = get("SMS_KEY", ""); c.SMSKey == "" {
			return c, &Error{"SMS_KEY", "is required when SMS_URL is set"}
		}
	}
	if c.SMSFrom = get("SMS_FROM", "Carnet"); !smsSender.MatchString(c.SMSFrom) {
		return c, &Error{"SMS_FROM", "must be 1 to 11 letters or digits (a sender name) or a phone number such as +33612345678"}
	}

	for _, p := range strings.Split(get("TRUSTED_PROXIES", ""), ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if net.ParseIP(p) == nil {
			if _, _, cerr := net.ParseCIDR(p); cerr != nil {
				return c, &Error{"TRUSTED_PROXIES", "must be a comma-separated list of IPs or CIDR ranges"}
			}
		}
		c.TrustedProxies = append(c.TrustedProxies, p)
	}

	if c.SessionIdle, err = time.ParseDuration(get("SESSION_IDLE", "12h")); err != nil || c.SessionIdle < time.Minute {
		return c, &Error{"SESSION_IDLE", "must be a duration of at least 1m, such as 12h"}
	}
	if c.RedisTimeout, err = time.ParseDuration(get("REDIS_TIMEOUT", "100ms")); err != nil || c.RedisTimeout < 10*time.Millisecond || c.RedisTimeout > 10*time.Second {
		return c, &Error{"REDIS_TIMEOUT", "must be a duration between 10ms and 10s, such as 100ms"}
	}
	c.SMSInboundSecret = get("SMS_INBOUND_SECRET", "")
	if c.SMSInboundSecret != "" && len(c.SMSInboundSecret) < 16 {
		return c, &Error{"SMS_INBOUND_SECRET", "must be at least 16 characters"}
	}
	if c.DrainDelay, err = time.ParseDuration(get("DRAIN_DELAY", "5s")); err != nil || c.DrainDelay < 0 || c.DrainDelay > 5*time.Minute {
		return c, &Error{"DRAIN_DELAY", "must be a duration between 0s and 5m, such as 5s"}
	}
	c.MetricsToken = get("METRICS_TOKEN", "")
	if c.LogFormat = get("LOG_FORMAT", "json"); c.LogFormat != "json" && c.LogFormat != "text" {
		return c, &Error{"LOG_FORMAT", "must be json or text"}
	}

	if raw := get("SECRET_KEY", ""); raw != "" {
		if c.SecretKey, err = hex.DecodeString(raw); err != nil || len(c.SecretKey) != 32 {
			return c, &Error{"SECRET_KEY", "must be 64 hex digits (32 random bytes: openssl rand -hex 32)"}
		}
	} else if c.BaseURL.Scheme == "https" {
		return c, &Error{"SECRET_KEY", "is required when BASE_URL is https (openssl rand -hex 32)"}
	} else if !onThisMachine(c.BaseURL.Hostname()) {
		// A staging server on plain http is still reachable by others:
		// sealing and signing with a key everyone knows protects nothing.
		return c, &Error{"SECRET_KEY", "is required unless BASE_URL is this machine (localhost) (openssl rand -hex 32)"}
	} else {
		// A laptop's key, known to all: fine for http://localhost only.
		sum := sha256.Sum256([]byte("carnet development key, not secret"))
		c.SecretKey = sum[:]
	}
	// One secret to keep, not two: the links' signing key is derived from it,
	// so it is the same on every instance and survives restarts.
	mac := hmac.New(sha256.New, c.SecretKey)
	mac.Write([]byte("carnet signed links v1"))
	c.AppSecret = mac.Sum(nil)

	if raw := get("JOURNAL_KEY", ""); raw != "" {
		if c.JournalKey, err = base64.StdEncoding.DecodeString(raw); err != nil || len(c.JournalKey) != 32 {
			return c, &Error{"JOURNAL_KEY", "must be 32 random bytes in base64 (openssl rand -base64 32)"}
		}
	}
	c.JournalKeyFile = get("JOURNAL_KEY_FILE", "carnet-journal.key")

	c.StripeSecretKey = get("STRIPE_SECRET_KEY", "")
	c.StripeWebhookSecret = get("STRIPE_WEBHOOK_SECRET", "")
	c.StripeConnectWebhookSecret = get("STRIPE_CONNECT_WEBHOOK_SECRET", "")
	c.StripeAPIBase = get("STRIPE_API_BASE", "")
	if c.StripeAPIBase != "" {
		if u, perr := url.Parse(c.StripeAPIBase); perr != nil || u.Host == "" {
			return c, &Error{"STRIPE_API_BASE", "must be an absolute URL"}
		}
	}
	return c, nil
}

// onThisMachine reports whether a host name can only be reached from here.
func onThisMachine(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
