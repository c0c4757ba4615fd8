// Package farewell is what the till shows once a sale is paid (seed 000,
// « raccompagner le client ») : the client's title and name to thank them
// by, what waits on their account, and a next visit booked in one tap —
// the same services with the same staff member, at the client's usual
// interval, at about the same time of day.
//
// It reads the other areas and owns no table: the ticket (till), the record
// and its balance (customer), the client's visits and the booking itself
// (agenda, which keeps the salon's rules and refuses overlaps), the free
// times (booking, on the availability engine).
package farewell
