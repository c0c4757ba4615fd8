// Package apperr holds the few coded errors the product's logic returns.
// The web layer maps each code to a status and a page once, at the edge;
// users see a translated message, logs see the wrapped cause.
package apperr

import (
	"errors"
	"fmt"
)

// Code classifies an error for the edge.
type Code string

const (
	NotFound     Code = "not_found"
	Conflict     Code = "conflict"
	Invalid      Code = "invalid"
	Forbidden    Code = "forbidden"
	Unauthorized Code = "unauthorized"
	RateLimited  Code = "rate_limited"
	Unavailable  Code = "unavailable"
)

// Error is a coded error. Key is an i18n message key shown to the user;
// Fields maps form field names to i18n message keys.
type Error struct {
	Code   Code
	Key    string
	Args   []any
	Fields map[string]string
	Cause  error // what went wrong underneath, for the logs
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("%s: %s", e.Code, e.Key)
	if len(e.Fields) > 0 {
		msg += fmt.Sprintf(" %v", e.Fields)
	}
	if e.Cause != nil {
		msg += ": " + e.Cause.Error()
	}
	return msg
}

// Unwrap exposes the cause.
func (e *Error) Unwrap() error { return e.Cause }

// WithCause returns a copy of e that records the underlying error.
func (e *Error) WithCause(err error) *Error {
	c := *e
	c.Cause = err
	return &c
}

// ErrNotFound is what every lookup returns for a missing row, including a row
// that belongs to another salon.
var ErrNotFound = &Error{Code: NotFound, Key: "error.not_found"}

// New returns a coded error with a user-facing message key.
func New(code Code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args}
}

// Fields is a set of per-field validation problems, built up while checking a form.
type Fields map[string]string

// Add records the first problem seen for a field.
func (f Fields) Add(field, key string) {
	if _, ok := f[field]; !ok {
		f[field] = key
	}
}

// Err returns an Invalid error when any field has a problem, nil otherwise.
func (f Fields) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Code: Invalid, Key: "error.invalid", Fields: f}
}

// As extracts the coded error from err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// CodeOf returns the code of err, or "" for an uncoded (internal) error.
func CodeOf(err error) Code {
	if e, ok := As(err); ok {
		return e.Code
	}
	return ""
}

// FieldsOf returns the field problems carried by err, if any.
func FieldsOf(err error) Fields {
	if e, ok := As(err); ok && e.Fields != nil {
		return e.Fields
	}
	return Fields{}
}

// Is reports whether err carries the given code.
func Is(err error, code Code) bool { return CodeOf(err) == code }
