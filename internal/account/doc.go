// Package account owns staff accounts: salon sign-up, login, password
// hashing and reset, staff invitations, team membership and platform admins.
package account
