package urls

import "github.com/google/uuid"

// Till is the Caisse page: registers, their day, open tickets, new sale.
func Till() string { return "/app/till" }

// TillSettings is the till's settings and its registers (owners and managers).
func TillSettings() string { return Till() + "/settings" }

// TillRegisters is where a new register posts.
func TillRegisters() string { return Till() + "/registers" }

// TillRegister is where a register's new name posts.
func TillRegister(id uuid.UUID) string { return TillRegisters() + "/" + id.String() }

// TillDayOpen opens a register's day with its float.
func TillDayOpen(id uuid.UUID) string { return TillRegister(id) + "/open" }

// TillDayClose closes a register's day with the counted cash.
func TillDayClose(id uuid.UUID) string { return TillRegister(id) + "/close" }

// TillTickets is where a new walk-in ticket posts.
func TillTickets() string { return Till() + "/tickets" }

// TillVisit opens (or finds) the ticket of a visit: the "Encaisser" button.
func TillVisit(appointmentID uuid.UUID) string { return Till() + "/visits/" + appointmentID.String() }

// TillTicket is a ticket being rung up.
func TillTicket(id uuid.UUID) string { return TillTickets() + "/" + id.String() }

// TillTicketLines is where a new line posts.
func TillTicketLines(id uuid.UUID) string { return TillTicket(id) + "/lines" }

// TillTicketLineRemove takes a line off.
func TillTicketLineRemove(id, line uuid.UUID) string {
	return TillTicketLines(id) + "/" + line.String() + "/remove"
}

// TillTicketLineDiscount sets a line's discount.
func TillTicketLineDiscount(id, line uuid.UUID) string {
	return TillTicketLines(id) + "/" + line.String() + "/discount"
}

// TillTicketDiscount sets the ticket's discount.
func TillTicketDiscount(id uuid.UUID) string { return TillTicket(id) + "/discount" }

// TillTicketCustomer names the ticket's client.
func TillTicketCustomer(id uuid.UUID) string { return TillTicket(id) + "/client" }

// TillTicketPayments is where a payment posts.
func TillTicketPayments(id uuid.UUID) string { return TillTicket(id) + "/payments" }

// TillTicketPaymentRemove takes a payment off.
func TillTicketPaymentRemove(id, payment uuid.UUID) string {
	return TillTicketPayments(id) + "/" + payment.String() + "/remove"
}

// TillTicketClose closes a paid ticket.
func TillTicketClose(id uuid.UUID) string { return TillTicket(id) + "/close" }

// TillTicketDelete abandons an open ticket.
func TillTicketDelete(id uuid.UUID) string { return TillTicket(id) + "/delete" }

// TillReceipt is a closed ticket's or credit note's receipt.
func TillReceipt(id uuid.UUID) string { return Till() + "/receipts/" + id.String() }

// TillCreditNote makes a credit note from a receipt.
func TillCreditNote(id uuid.UUID) string { return TillReceipt(id) + "/credit" }

// TillFarewell is the screen after a sale is paid: thanks, balance, next visit.
func TillFarewell(id uuid.UUID) string { return TillTicket(id) + "/farewell" }

// TillFarewellNext books the client's next visit from the farewell.
func TillFarewellNext(id uuid.UUID) string { return TillFarewell(id) + "/next" }

// TillTicketPhone creates (POST) and polls (GET) the ticket's payment on the
// client's phone.
func TillTicketPhone(id uuid.UUID) string { return TillTicket(id) + "/phone" }

// TillChequeWords is the amount in French words the cheque form shows
// beside the typed figure (?amount=…).
func TillChequeWords() string { return Till() + "/cheque-words" }
