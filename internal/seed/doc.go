// Package seed fills a database with many made-up salons shaped like real
// ones, for load tests and for measuring pages at scale: staff with their
// hours and absences, a catalogue, a year of visits around today, clients
// with balances, notes, technical sheets and message history, closures.
//
// Every row comes from math/rand/v2 seeded per salon (the run's seed and the
// salon's number), so two runs with the same seed and day write the same
// data, and salon 7 is the same whether 10 or 1,000 salons are asked for.
// Rows are written as the application role, one transaction per salon, so
// every policy and constraint of the schema checks them; a salon whose slug
// is taken is skipped, which makes a second run change nothing and an
// interrupted run resume. Nothing is queued: no email, no SMS, no job.
package seed
