// Package payment owns how online bookings are paid: the rules (deposit,
// card imprint, full prepayment), which rule applies to a booking, the
// Stripe side of collecting the money, each salon's connected Stripe account
// (Connect onboarding and status) and the platform's application fee.
package payment
