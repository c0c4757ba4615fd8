package web

// TEMPORARY: placeholders until the agenda handlers land; delete this file then.

import "github.com/gofiber/fiber/v2"

func (s *Server) handleAgendaDay(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleAgendaWeek(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleAppointmentNew(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleAppointmentCreate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleAppointmentShow(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleAppointmentUpdate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleAppointmentStatus(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleCustomerQuickSearch(c *fiber.Ctx) error { return fiber.ErrNotImplemented }
