package i18n

var enTillStripe = map[string]string{
	"till.method.stripe":                        "Stripe (phone)",
	"tillstripe.title":                          "Pay on the phone (link / QR)",
	"tillstripe.start":                          "Create the payment link",
	"tillstripe.scan":                           "The client scans the code or opens the link to pay %s. The ticket closes as soon as Stripe confirms the payment.",
	"tillstripe.waiting":                        "Waiting for the payment…",
	"tillstripe.unavailable":                    "Online payment is not available on this installation.",
	"tillstripe.not_connected":                  "Connect the salon's Stripe account to take payments on the phone.",
	"tillstripe.refund.not_paid_online":         "This ticket was not paid through Stripe (or not enough): refund it another way.",
	"tillstripe.refund.option":                  "Stripe refund (the client's card)",
	"tillstripe.expired":                        "The payment link expired unpaid. Send a new one if the client still wants to pay on their phone.",
	"tillstripe.start_again":                    "Send a new link",
	"tillstripe.link.paid_meanwhile":            "The client has just paid the previous link: wait a few seconds for Stripe to confirm it, the ticket updates by itself.",
	"tillstripe.refund.rest_needed":             "Stripe can no longer refund this whole amount on that payment: part of it was already refunded by a credit note. Give this credit back in cash or on the client's account.",
	"tillstripe.booking.deposit_at_till":        "This appointment's deposit was already taken on a till ticket: to give it back, make a credit note from the receipt (or delete the ticket still open), then cancel.",
	"tillstripe.booking.deposit_at_till_client": "What you paid online for this appointment was already used at the salon's till: contact the salon to cancel it.",
}
