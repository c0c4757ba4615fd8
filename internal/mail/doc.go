// Package mail sends emails: an SMTP sender for real deliveries, a log sender
// for development, and the background job that sends a message once the
// transaction that asked for it has committed. It also owns every email's
// envelope and layout: a salon's email to its clients goes out under the
// salon's name on the platform's address, answers go to the salon, the salon
// closes it with its contact details, an offer carries its one-click
// unsubscribe link (RFC 8058), and the HTML reads on a 390 px phone.
package mail
