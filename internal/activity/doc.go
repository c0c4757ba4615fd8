// Package activity owns what the salon hears about its online bookings: the
// feed of events on the home page (booked, cancelled, moved, a payment that
// failed, a refund) and the emails each event sends to the owners and to the
// managers who asked for them, queued in the transaction of the change.
package activity
