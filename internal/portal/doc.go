// Package portal owns the client portal (espace client) of each salon: the
// single-use sign-in links sent by email, what a signed-in client sees of
// their record (visits, account balance, saved card), withdrawing the saved
// card, and staff opening or blocking a client's access. The client's
// session itself is the web layer's, kept apart from staff sessions.
package portal
