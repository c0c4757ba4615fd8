// Package admin owns the platform admin's work across salons: listing and
// inspecting salons, suspending and reactivating them, and the audit log that
// records every such action. Everything here crosses salons, so it runs
// through store's Unscoped path only.
package admin
