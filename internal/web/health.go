package web

import (
	"context"
	"crypto/subtle"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func (s *Server) handleHealthz(c *fiber.Ctx) error {
	return c.SendString("ok")
}

// handleReadyz tells a load balancer whether this instance can serve:
// Postgres and Redis must both answer within two seconds, and the server
// must not be stopping.
func (s *Server) handleReadyz(c *fiber.Ctx) error {
	if s.Draining.Load() {
		return c.Status(fiber.StatusServiceUnavailable).JSON(fiber.Map{"draining": true})
	}
	cctx, cancel := context.WithTimeout(ctx(c), 2*time.Second)
	defer cancel()
	dbErr := s.DB.Ping(cctx)
	redisErr := s.Redis.Ping(cctx).Err()
	status := fiber.StatusOK
	if dbErr != nil || redisErr != nil {
		status = fiber.StatusServiceUnavailable
		s.log.WarnContext(ctx(c), "not ready", "postgres", errString(dbErr), "redis", errString(redisErr))
	}
	return c.Status(status).JSON(fiber.Map{"postgres": errString(dbErr), "redis": errString(redisErr)})
}

func errString(err error) string {
	if err != nil {
		return "down"
	}
	return "ok"
}

// handleMetrics serves Prometheus metrics, behind a bearer token when one is
// configured. Without a token only a scraper on the same machine is
// answered: the figures say how busy the platform is, which is nobody
// else's business. A request a proxy forwarded comes from elsewhere, even
// when the proxy itself runs on this machine.
func (s *Server) handleMetrics(c *fiber.Ctx) error {
	if tok := s.cfg.MetricsToken; tok != "" {
		if subtle.ConstantTimeCompare([]byte(c.Get(fiber.HeaderAuthorization)), []byte("Bearer "+tok)) != 1 {
			return fiber.ErrUnauthorized
		}
	} else if !c.Context().RemoteIP().IsLoopback() || c.Get(fiber.HeaderXForwardedFor) != "" || c.Get("Forwarded") != "" {
		return fiber.ErrNotFound
	}
	return adaptor.HTTPHandler(promhttp.HandlerFor(s.Registry, promhttp.HandlerOpts{}))(c)
}
