// Package till owns the salon's till (caisse): its registers, each with its
// own gapless receipt numbers, the days a register is open (cash float,
// counted cash), tickets with their lines, discounts and payments, their
// closing with a number and a receipt, and credit notes, the only way to
// correct a closed ticket. Every closed ticket, credit note and register
// event is appended, in the same transaction, to the register's signed
// journal (package journal). The figures come from one pure function,
// Compute, with one rounding rule.
//
// Locks. Every path takes the rows it locks in this one order, skipping
// those it does not need, so that no two transactions wait on each other
// crosswise:
//
//  1. a phone link (TillLinkLock): the webhook's way in;
//  2. a visit (TillVisit), by the ticket opened from it, which takes its
//     online deposit, and by a cancellation asking whether the deposit was
//     taken (DepositTakenTx): the second to come sees what the first did.
//     The visit's payments are never locked, only shared by the foreign key
//     of the ticket payment taking one;
//  3. the register's open day (RegisterDayShare), shared by whatever may
//     close a ticket into it — Close, CreditNote, a phone payment even when
//     it will not close — and taken for itself by CloseDay alone
//     (RegisterDayLock), which so counts those tickets or refuses them;
//  4. the ticket (TicketLock), or the receipt a credit note corrects;
//  5. then, closing it (closeTx): the register's next number, the
//     products' stock in product order, the journal's head.
//
// The register's day is looked up from the ticket (TicketRegister) before
// any lock, never from a locked ticket.
package till
