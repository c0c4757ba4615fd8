// Package mail sends emails: an SMTP sender for real deliveries, a log sender
// for development, and the background job that sends a message once the
// transaction that asked for it has committed.
package mail
