package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
)

const csrfCookie = "carnet_csrf"

// csrf protects every state-changing request with a double-submitted token:
// the HttpOnly, SameSite cookie holds it, and the form (_csrf) or the htmx
// header (X-CSRF-Token) must repeat it. A page on another site can make the
// browser send the cookie but cannot read it to repeat it.
func (s *Server) csrf(c *fiber.Ctx) error {
	token := c.Cookies(csrfCookie)
	if len(token) < 32 {
		token = s.setCSRFCookie(c)
	}
	req(c).CSRF = token
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return c.Next()
	}
	sent := c.Get("X-CSRF-Token")
	if sent == "" {
		sent = c.FormValue("_csrf")
	}
	if subtle.ConstantTimeCompare([]byte(sent), []byte(token)) != 1 || c.Cookies(csrfCookie) == "" {
		return apperr.New(apperr.Forbidden, "error.csrf")
	}
	return c.Next()
}

// setCSRFCookie gives the browser a new token (at first visit and at login).
func (s *Server) setCSRFCookie(c *fiber.Ctx) string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	c.Cookie(&fiber.Cookie{Name: csrfCookie, Value: token, Path: "/", HTTPOnly: true,
		Secure: s.cfg.Secure(), SameSite: fiber.CookieSameSiteLaxMode})
	req(c).CSRF = token
	return token
}
