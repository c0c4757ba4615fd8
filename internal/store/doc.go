// Package store owns the database plumbing: the two connection pools (the
// salon-scoped application role and the audited platform role), the tenant
// unit of work, bootstrap (database, roles, migrations) and the mapping of
// pgx errors to the product's coded errors. Queries themselves are generated
// by sqlc into store/dbq.
package store
