// Package agenda owns appointments: creating, moving, changing and
// cancelling them, and the day and week views staff live in. Double booking
// is made impossible by the database (an exclusion constraint per staff
// member); a per-staff advisory lock makes concurrent attempts queue instead
// of deadlocking.
//
// A visit typed into the agenda keeps to the salon's time (rules.go): sane
// dates, no closure or absence, within the hours and not in the past unless
// the form confirms it; arrived, done and no-show wait for the start. An
// absence or a closure over visits shows them before it is saved (spans.go).
package agenda
