package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
)

// pathID reads a UUID from the URL. Anything else is simply not found —
// the nil UUID too, which areas take to mean "create a new one": a typed
// /00000000-…/ must never turn an edit into a creation.
func pathID(c *fiber.Ctx, param string) (uuid.UUID, error) {
	id, err := uuid.Parse(c.Params(param))
	if err != nil || id == uuid.Nil {
		return uuid.Nil, apperr.ErrNotFound
	}
	return id, nil
}
