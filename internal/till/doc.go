// Package till owns the salon's till (caisse): its registers, each with its
// own gapless receipt numbers, the days a register is open (cash float,
// counted cash), tickets with their lines, discounts and payments, their
// closing with a number and a receipt, and credit notes, the only way to
// correct a closed ticket. Every closed ticket, credit note and register
// event is appended, in the same transaction, to the register's signed
// journal (package journal). The figures come from one pure function,
// Compute, with one rounding rule.
package till
