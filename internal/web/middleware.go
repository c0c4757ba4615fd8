package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/netip"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/logx"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/views/layout"
)

const langCookie = "carnet_lang"

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

// begin sets up each request: id, deadline, language, the view's request
// facts; after the handler it renders any error, then logs and measures.
func (s *Server) begin(c *fiber.Ctx) (err error) {
	start := time.Now()
	id := c.Get("X-Request-ID")
	remote, _ := netip.AddrFromSlice(c.Context().RemoteIP())
	if !s.trusted(remote) || !requestIDPattern.MatchString(id) {
		id = newRequestID()
	}
	c.Set("X-Request-ID", id)
	if s.Draining.Load() {
		// A kept-alive connection would keep bringing requests to a server
		// about to stop: the client reconnects, through the load balancer.
		c.Context().SetConnectionClose()
	}
	ctx, cancel := context.WithTimeout(logx.WithRequestID(context.Background(), id), RequestTimeout)
	defer cancel()
	ctx = store.WithBudget(ctx, DBBudget)

	lang := s.language(c)
	ctx = i18n.WithLang(ctx, lang)
	r := &layout.Request{Path: c.Path(), Query: stripLang(string(c.Request().URI().QueryString()))}
	c.Locals(localRequest, r)
	c.SetUserContext(layout.With(ctx, r))

	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
			_ = s.errorHandler(c, err)
			err = nil
		}
		s.finish(c, start)
	}()
	if err := c.Next(); err != nil {
		return s.errorHandler(c, err)
	}
	return nil
}

func (s *Server) finish(c *fiber.Ctx, start time.Time) {
	took := time.Since(start)
	route := c.Route().Path
	s.metrics.observe(c, route, took)
	level := slog.LevelInfo
	if c.Response().StatusCode() >= 500 {
		level = slog.LevelError
	}
	// LogAttrs: typed attributes, no boxing of each value, on every request.
	s.log.LogAttrs(c.UserContext(), level, "request", slog.String("method", c.Method()), slog.String("route", route),
		slog.Int("status", c.Response().StatusCode()), slog.Float64("duration_ms", float64(took.Microseconds())/1000),
		slog.String("ip", s.clientIP(c)))
}

func newRequestID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// language: an explicit ?lang= choice (remembered in a cookie), else the
// cookie, else the browser's preference, else French.
func (s *Server) language(c *fiber.Ctx) i18n.Lang {
	if l, ok := i18n.Parse(c.Query("lang")); ok {
		c.Cookie(&fiber.Cookie{Name: langCookie, Value: string(l), Path: "/", MaxAge: 365 * 24 * 3600,
			HTTPOnly: true, Secure: s.cfg.Secure(), SameSite: fiber.CookieSameSiteLaxMode})
		return l
	}
	if l, ok := i18n.Parse(c.Cookies(langCookie)); ok {
		return l
	}
	return i18n.FromAcceptLanguage(c.Get(fiber.HeaderAcceptLanguage))
}

var langParam = regexp.MustCompile(`(^|&)lang=[^&]*`)

func stripLang(q string) string {
	if !strings.Contains(q, "lang=") {
		return q // most requests: no regexp to run
	}
	q = langParam.ReplaceAllString(q, "")
	for len(q) > 0 && q[0] == '&' {
		q = q[1:]
	}
	return q
}

// securityHeaders: a strict CSP (htmx and CSS come from /static only),
// no framing, no sniffing, no referrer leaving the site.
func (s *Server) securityHeaders(c *fiber.Ctx) error {
	c.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"font-src 'self'; connect-src 'self'; form-action 'self' https://connect.stripe.com https://checkout.stripe.com; frame-ancestors 'none'; base-uri 'self'; object-src 'none'")
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("X-Frame-Options", "DENY")
	c.Set("Referrer-Policy", "same-origin")
	c.Set("Cross-Origin-Opener-Policy", "same-origin")
	c.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
	if s.cfg.Secure() {
		c.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
	}
	return c.Next()
}

// longWork lifts the database budget to the request's deadline, for the
// few routes whose one transaction legitimately runs for seconds.
func longWork(c *fiber.Ctx) error {
	c.SetUserContext(store.WithBudget(c.UserContext(), RequestTimeout))
	return c.Next()
}

// noStore keeps private pages out of every cache, the browser's included.
func noStore(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Next()
}

const (
	localRequest = "carnet.request"
	localSession = "carnet.session"
	localMember  = "carnet.member"
	localSalon   = "carnet.salon"
	localSessErr = "carnet.session_error"
)

func req(c *fiber.Ctx) *layout.Request {
	if r, ok := c.Locals(localRequest).(*layout.Request); ok {
		return r
	}
	return &layout.Request{}
}

// ctx is the request's context: deadline, language, request id, salon.
func ctx(c *fiber.Ctx) context.Context { return c.UserContext() }
