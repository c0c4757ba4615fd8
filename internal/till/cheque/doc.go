// Package cheque owns the checks a cashier makes before taking a cheque
// (seed 000): the amount in French words to compare with what the client
// wrote, the issue date (a cheque is cashable for one year and eight days,
// art. L131-59 code monétaire et financier), the signature, and the holder's
// identity document, from the list the salon accepts.
package cheque
