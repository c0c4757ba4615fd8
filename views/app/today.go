package app

import (
	"context"

	"github.com/carnet-salon/carnet/internal/i18n"
)

// expectedLine says how many of today's clients are still to come, in the
// words a receptionist would use rather than « attendu(s) ».
func expectedLine(ctx context.Context, n int) string {
	switch n {
	case 0:
		return i18n.T(ctx, "today.expected_none")
	case 1:
		return i18n.T(ctx, "today.expected_one")
	}
	return i18n.T(ctx, "today.expected", n)
}
