// Package payment owns how online bookings are paid: the rules (deposit,
// card imprint, full prepayment), which rule applies to a booking, and the
// Stripe side of collecting the money.
package payment
