// Package message owns what the salon says to its clients: the outbox every
// message goes through (so each one is kept in the client's history and
// respects their preferences), the email and SMS senders, the salons' own
// templates, and the automatic messages (confirmation, reminder,
// cancellation, portal access).
//
// A message is written in the transaction of the change it follows
// (EnqueueTx) and sent by a job (SendWorker), which River retries with
// backoff; a message marked sent is never sent again. No working link waits
// in a job or in the outbox: a visit's manage link stays a {lien} marker
// until the job mints it (Outbox.ManageLink), and a portal sign-in link the
// caller minted is masked once sent. The history never shows links.
//
// Offers need consent and are left in one tap: an offer by email carries a
// signed unsubscribe link (UnsubscribeURL, no session needed), an offer by
// SMS ends with a STOP notice, and a STOP reply the gateway reports
// (InboundStop) withdraws consent; both are kept on the client's record.
package message
