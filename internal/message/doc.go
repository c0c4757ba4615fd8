// Package message owns what the salon says to its clients: the outbox every
// message goes through (so each one is kept in the client's history and
// respects their preferences), the email and SMS senders, the salons' own
// templates, and the automatic messages (confirmation, reminder,
// cancellation, portal access).
package message
