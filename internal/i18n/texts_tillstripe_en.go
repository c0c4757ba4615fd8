package i18n

var enTillStripe = map[string]string{
	"till.method.stripe":                "Stripe (phone)",
	"tillstripe.title":                  "Pay on the phone (link / QR)",
	"tillstripe.start":                  "Create the payment link",
	"tillstripe.scan":                   "The client scans the code or opens the link to pay %s. The ticket closes as soon as Stripe confirms the payment.",
	"tillstripe.waiting":                "Waiting for the payment…",
	"tillstripe.unavailable":            "Online payment is not available on this installation.",
	"tillstripe.not_connected":          "Connect the salon's Stripe account to take payments on the phone.",
	"tillstripe.refund.not_paid_online": "This ticket was not paid through Stripe (or not enough): refund it another way.",
	"tillstripe.refund.option":          "Stripe refund (the client's card)",
}
