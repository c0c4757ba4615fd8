package urls

import "github.com/google/uuid"

// TillReceiptPrint records a print of a receipt and shows it ready to print.
func TillReceiptPrint(id uuid.UUID) string { return TillReceipt(id) + "/print" }

// TillReceiptSend sends a receipt to the client (channel: email or sms).
func TillReceiptSend(id uuid.UUID, channel string) string {
	return TillReceipt(id) + "/send/" + channel
}

// PublicReceipt is a receipt's public link (its token is signed).
func PublicReceipt(token string) string { return "/r/" + token }
