// Package booking owns online booking: what a salon offers on its public
// page, the free times (through the availability engine), booking with a
// held slot and a Stripe payment or card imprint, confirmation from Stripe's
// webhooks, hold expiry, and the client's manage link (cancel, reschedule).
package booking
