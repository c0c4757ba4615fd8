// Package availability computes the free start times of a visit: one or
// several services performed back-to-back by one staff member.
//
// The free time of a staff member on a local day is
//
//	opening hours ∩ working hours − closures − absences − appointments
//
// built as sorted intervals of absolute time; bookable starts are the points
// of the salon's wall-clock grid whose whole visit fits in one of them.
// Everything is pure computation: callers load the data and pass it in, so
// the engine is cheap to test and to call on every page view.
//
// Wall-clock values (hours, the grid) are read in the salon's time zone,
// durations are absolute, so a 60-minute service takes 60 real minutes even
// on a daylight-saving day.
package availability
