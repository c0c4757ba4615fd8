package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/views/errs"
)

func statusOf(code apperr.Code) int {
	switch code {
	case apperr.NotFound:
		return fiber.StatusNotFound
	case apperr.Invalid:
		return fiber.StatusUnprocessableEntity
	case apperr.Conflict:
		return fiber.StatusConflict
	case apperr.Forbidden:
		return fiber.StatusForbidden
	case apperr.Unauthorized:
		return fiber.StatusUnauthorized
	case apperr.RateLimited:
		return fiber.StatusTooManyRequests
	case apperr.Unavailable:
		return fiber.StatusServiceUnavailable
	}
	return fiber.StatusInternalServerError
}

// errorHandler is the one place errors become responses. Users see a
// translated message; the logs get the cause. A database or Redis outage is
// 503 (a salon must not look deleted during a restart), never "not found".
func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	status, key, args := fiber.StatusInternalServerError, "error.internal", []any(nil)
	var fe *fiber.Error
	switch e, coded := apperr.As(err); {
	case coded:
		status, key, args = statusOf(e.Code), e.Key, e.Args
		if e.Code == apperr.Unavailable {
			s.log.ErrorContext(ctx(c), "dependency unavailable", "err", err)
		}
	case errors.As(err, &fe):
		status, key = fe.Code, "error.http"
		if fe.Code == fiber.StatusNotFound {
			key = "error.not_found"
		}
	case store.IsUnavailable(err):
		status, key = fiber.StatusServiceUnavailable, "error.unavailable"
		s.log.ErrorContext(ctx(c), "dependency unavailable", "err", err)
	default:
		s.log.ErrorContext(ctx(c), "internal error", "err", err, "route", c.Route().Path)
	}
	if status == fiber.StatusTooManyRequests {
		c.Set(fiber.HeaderRetryAfter, "60")
	}
	c.Status(status)
	if status >= 500 || status == fiber.StatusNotFound || status == fiber.StatusForbidden {
		c.Set(fiber.HeaderCacheControl, "no-store")
	}
	page := errs.Page(status, key, args)
	if p := req(c).Public; p != nil {
		// A client on a salon's pages stays on the salon's pages.
		page = errs.ClientPage(status, key, args, p.Slug, p.Name)
	}
	if err := s.render(c, page, errs.Fragment(key, args)); err != nil {
		s.log.ErrorContext(ctx(c), "render error page", "err", err)
		return c.SendString("internal error")
	}
	return nil
}
