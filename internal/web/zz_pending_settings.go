package web

// TEMPORARY: placeholders until the settings handlers land; delete this file then.

import "github.com/gofiber/fiber/v2"

func (s *Server) handleServices(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleServiceNew(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleServiceCreate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleServiceEdit(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleServiceUpdate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleServiceArchive(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleCategoryCreate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleCategoryRename(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleCategoryDelete(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleProducts(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleProductNew(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleProductCreate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleProductEdit(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleProductUpdate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleProductArchive(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleStaffList(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleStaffNew(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleStaffCreate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleStaffEdit(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleStaffUpdate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleAbsenceCreate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleAbsenceDelete(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleSettings(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleSettingsUpdate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleHoursUpdate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleClosureCreate(c *fiber.Ctx) error { return fiber.ErrNotImplemented }

func (s *Server) handleClosureDelete(c *fiber.Ctx) error { return fiber.ErrNotImplemented }
