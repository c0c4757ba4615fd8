// Package journal owns the till's inalterable record (art. 286 I 3° bis CGI,
// what NF525 checks): every ticket, credit note, reprint, closure and
// technical event of a register is appended to that register's chain, each
// entry signed (Ed25519) over its canonical content and the previous entry's
// signature. Rows are never updated or deleted (a trigger refuses it).
// Closures (day, month, year) are computed from the chain itself, so an
// exported archive can be verified without the database. Each register's
// head also says when its next closure is due (due.go), so the sweep that
// closes what the salon forgot reads only the registers whose time has come.
//
// Signed payloads carry amounts, rates, methods and numbers, never a client's
// name or a cheque holder's identity: those stay in the till's own tables,
// where erasure remains possible.
package journal
