package web

// TEMPORARY: placeholders until the Stripe Connect and platform fee handlers land; delete this file then.

import "github.com/gofiber/fiber/v2"

func (s *Server) handleStripe(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleStripeConnect(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleStripeReturn(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleStripeRefresh(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleAdminPlatform(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleAdminPlatformUpdate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }
