// Package testkit gives tests the real thing: each test package gets its own
// Postgres database cloned from a migrated template, each fixture its own
// Redis key prefix, an SMTP sink that reads what was sent, and a clock the
// test moves.
//
// A package that uses it starts with:
//
//	func TestMain(m *testing.M) { testkit.Main(m) }
//
// Two fixtures, the smaller the better:
//
//   - NewAreas(t) assembles Carnet without an HTTP server: a test of an
//     area's logic (an appointment stored, a price computed, an email sent)
//     calls the area (a.Srv.Agenda, a.Srv.Booking…) directly. Background
//     jobs run only with AreasOptions{Workers: true}; Stripe calls go to
//     stripe-mock, recorded, with AreasOptions{Stripe: true}.
//   - NewEnv(t) adds a real listener and an HTTP client that behaves like a
//     browser (NewClient, Login), for tests about HTTP: a page shows X, a
//     form refuses Y, a status code, a cookie. An Env is an Areas too.
//
// Factories make what a test needs, with options structs whose zero value
// is a sensible default: NewSalon (signed up through the sign-up code, the
// owner's address proven), NewService, NewStaff, NewCustomer, NewAdmin.
//
// A test that checks nothing happened (no second refund, no email) waits
// for the background jobs that could do it to finish (WaitJobs with the
// salon's id or the client's address) instead of sleeping.
package testkit
