package journal

import (
	"time"

	"github.com/google/uuid"
)

// Kind is what an entry records.
type Kind string

// The kinds of entries of a register's chain.
const (
	KindTicket     Kind = "ticket"      // a closed ticket (Document)
	KindCreditNote Kind = "credit_note" // an avoir (Document with negative lines, RefersTo set)
	KindReprint    Kind = "reprint"     // a duplicata printed or sent again (Reprint)
	KindClosure    Kind = "closure"     // a day, month or year closure (Closure)
	KindEvent      Kind = "event"       // a technical event (Event)
)

// Entry is what the till hands the journal; exactly one of Document, Reprint,
// Closure or Event is set, matching Kind.
type Entry struct {
	TenantID   uuid.UUID
	RegisterID uuid.UUID
	Kind       Kind
	At         time.Time
	Document   *Document
	Reprint    *Reprint
	Closure    *Closure
	Event      *Event
}

// Document is a closed ticket or a credit note as signed: no personal data.
type Document struct {
	Number    int64  // the register's receipt number
	RefersTo  int64  // a credit note: the number of the ticket it corrects; else 0
	Currency  string // ISO 4217
	Lines     []Line
	ExclCents int64 // total excluding VAT
	VATCents  int64
	InclCents int64 // total including VAT: what was paid (negative for a credit note)
	VAT       []RateAmount
	Payments  []MethodAmount // sum equals InclCents
}

// Line is one line of a document, after its discounts.
type Line struct {
	Kind      string // "service", "product", "free"
	Label     string // the service or product name, never a person's
	Quantity  int64
	UnitCents int64 // list price including VAT
	InclCents int64 // the line's total including VAT, after line and ticket discounts
	RateBP    int64 // VAT rate in basis points: 2000, 1000, 550, 210, 0
}

// RateAmount is the VAT of one rate.
type RateAmount struct {
	RateBP    int64
	BaseCents int64 // excluding VAT
	VATCents  int64
}

// MethodAmount is what one payment method brought (negative: paid out).
type MethodAmount struct {
	Method string // "cash", "card", "cheque", "online", "account", "stripe_link"
	Cents  int64
}

// Reprint records a duplicata of a document.
type Reprint struct {
	Number int64 // the document reprinted
	Count  int64 // 1 for the first duplicata
}

// Period is what a closure covers.
type Period string

// Closure periods.
const (
	Day   Period = "day"
	Month Period = "month"
	Year  Period = "year"
)

// Closure is the signed summary of a period of one register.
type Closure struct {
	Period     Period
	From, To   time.Time // [From, To) in the salon's zone
	Documents  int64     // tickets and credit notes in the period
	ExclCents  int64
	VATCents   int64
	InclCents  int64
	VAT        []RateAmount
	Payments   []MethodAmount
	GrandTotal int64 // perpetual: every InclCents of the register since its first entry
	FirstSeq   int64 // the chain's first and last entries covered (0, 0 when empty)
	LastSeq    int64
}

// Event is a technical event: register opened or closed, price changed, a
// user signed in to the till, an archive exported.
type Event struct {
	Name   string            // "register_opened", "register_closed", "price_changed", "till_sign_in", "archive_exported"
	Detail map[string]string // ids and amounts only, never a name
}
