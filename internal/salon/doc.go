// Package salon owns the salon itself (the tenant): its identity, slug,
// time zone, currency, language and platform status.
package salon
