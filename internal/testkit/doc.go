// Package testkit gives tests the real thing: each test package gets its own
// Postgres database cloned from a migrated template, each environment its own
// Redis key prefix, a running Carnet on a real listener, an SMTP sink that
// reads what was sent, and an HTTP client that behaves like a browser.
//
// A package that uses it starts with:
//
//	func TestMain(m *testing.M) { testkit.Main(m) }
package testkit
