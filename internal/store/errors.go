package store

import (
	"context"
	"errors"
	"io"
	"net"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/carnet-salon/carnet/internal/apperr"
)

// Postgres error codes the product reacts to.
const (
	codeUniqueViolation    = "23505"
	codeExclusionViolation = "23P01"
	codeDeadlock           = "40P01"
	codeSerialization      = "40001"
)

// IsUniqueViolation reports whether err is a unique violation on the named
// constraint (any constraint when name is "").
func IsUniqueViolation(err error, constraint string) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == codeUniqueViolation && (constraint == "" || pg.ConstraintName == constraint)
}

// IsSlotTaken reports whether an insert lost a race for a time slot: the
// exclusion constraint refused it, or Postgres broke a deadlock between two
// overlapping bookings. Both mean "someone else got there first".
func IsSlotTaken(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && (pg.Code == codeExclusionViolation || pg.Code == codeDeadlock || pg.Code == codeSerialization)
}

// IsUnavailable reports whether err means Postgres could not be reached or
// did not answer in time: the edge answers 503, never "not found".
func IsUnavailable(err error) bool {
	var connErr *pgconn.ConnectError
	var netErr net.Error
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		// admin_shutdown, crash_shutdown, cannot_connect_now: a restart in progress.
		return pg.Code == "57P01" || pg.Code == "57P02" || pg.Code == "57P03"
	}
	return errors.As(err, &connErr) || errors.As(err, &netErr) || pgconn.Timeout(err) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// IsNotFound reports whether err means a missing row, before or after the
// unit of work mapped it. Inside a transaction, code branches on it.
func IsNotFound(err error) bool {
	return errors.Is(err, pgx.ErrNoRows) || apperr.Is(err, apperr.NotFound)
}

// IsForeignKeyViolation reports whether err is a foreign-key violation: for a
// composite (tenant_id, id) key, a reference to another salon's row.
func IsForeignKeyViolation(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == "23503"
}
