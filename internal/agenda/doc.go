// Package agenda owns appointments: creating, moving, changing and
// cancelling them, and the day and week views staff live in. Double booking
// is made impossible by the database (an exclusion constraint per staff
// member); a per-staff advisory lock makes concurrent attempts queue instead
// of deadlocking.
package agenda
