// Package clock lets expiries, holds and reminders be tested without sleeping.
package clock

import (
	"sync"
	"time"
)

// Clock tells the time.
type Clock interface{ Now() time.Time }

// Real is the wall clock.
type Real struct{}

// Now returns the current time.
func (Real) Now() time.Time { return time.Now() }

// Fake runs with the wall clock but can be moved forward by hand, so
// requests keep their natural ordering while a test jumps past an expiry.
type Fake struct {
	mu     sync.Mutex
	offset time.Duration
}

// NewFake returns a clock that starts at the current time.
func NewFake() *Fake { return &Fake{} }

// Now returns the wall time plus every Advance so far.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return time.Now().Add(f.offset)
}

// Advance moves the clock forward.
func (f *Fake) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.offset += d
}

// Set moves the clock so that it reads t now (and runs on from there).
func (f *Fake) Set(t time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.offset = time.Until(t)
}
