package cheque

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/carnet-salon/carnet/internal/apperr"
)

// ID document types a salon accepts from a cheque's holder.
const (
	IDCard          = "id_card"          // carte d'identité
	ResidencePermit = "residence_permit" // titre de séjour
	ResidentCard    = "resident_card"    // carte de résident
	Passport        = "passport"         // passeport
	DrivingLicence  = "driving_licence"  // permis de conduire
)

// IDTypes are the accepted documents, in the order the form lists them.
var IDTypes = []string{IDCard, ResidencePermit, ResidentCard, Passport, DrivingLicence}

// IDTypeKey is the i18n key of an ID type's label, for the form's list.
func IDTypeKey(idType string) string { return "cheque.id." + idType }

// MaxAmountCents is the largest cheque the till takes, 999 999,99 €: far
// above a salon's bill, low enough that a slipped digit is refused.
const MaxAmountCents = 99_999_999

// The longest texts the cashier types, in characters.
const (
	maxIDNumber = 40
	maxPlace    = 80 // the ID's place of issue, the bank's name
	maxNumber   = 20 // French cheques have 7 digits; foreign ones more
)

// Details are what the cashier records of a cheque. The holder's identity is
// personal data: it stays in the till's tables, never in the signed journal.
type Details struct {
	AmountCents      int64
	IssuedOn         time.Time // the date written on the cheque (a civil date, midnight UTC)
	SignaturePresent bool
	Bank             string
	Number           string // the cheque's number
	HolderIDType     string // one of IDTypes
	HolderIDNumber   string
	HolderIDIssuedOn time.Time // civil date
	HolderIDIssuedAt string    // place of issue
}

// Tidy returns the details as they should be stored: texts trimmed, runs of
// spaces in the ID number made single, spaces taken out of the cheque's
// number (people type "123 4567" as it is grouped on the cheque), dates
// reduced to their civil date at midnight UTC. Check judges the tidied
// details, so a value Check accepts is stored as Tidy gives it.
func (d Details) Tidy() Details {
	d.Bank = strings.TrimSpace(d.Bank)
	d.Number = strings.Join(strings.Fields(d.Number), "")
	d.HolderIDType = strings.TrimSpace(d.HolderIDType)
	d.HolderIDNumber = strings.Join(strings.Fields(d.HolderIDNumber), " ")
	d.HolderIDIssuedAt = strings.TrimSpace(d.HolderIDIssuedAt)
	d.IssuedOn = civilDate(d.IssuedOn)
	d.HolderIDIssuedOn = civilDate(d.HolderIDIssuedOn)
	return d
}

// Check applies the cashier's checks for a cheque taken on today (the
// salon's civil date) and returns apperr field errors keyed by Details'
// field names. The texts are judged once tidied (see Tidy).
func (d Details) Check(today time.Time) error {
	d = d.Tidy()
	today = civilDate(today)
	f := apperr.Fields{}
	switch {
	case d.AmountCents <= 0:
		f.Add("AmountCents", "cheque.amount.positive")
	case d.AmountCents > MaxAmountCents:
		f.Add("AmountCents", "cheque.amount.max")
	}
	checkIssuedOn(f, d.IssuedOn, today)
	if !d.SignaturePresent {
		f.Add("SignaturePresent", "cheque.signature.missing")
	}
	checkText(f, "Bank", d.Bank, maxPlace, "cheque.text.long")
	if d.Number == "" {
		f.Add("Number", "field.required")
	} else if len(d.Number) > maxNumber || strings.IndexFunc(d.Number, notDigit) >= 0 {
		f.Add("Number", "cheque.number.invalid")
	}
	d.checkHolder(f, today)
	return f.Err()
}

// checkHolder checks the holder's identity document.
func (d Details) checkHolder(f apperr.Fields, today time.Time) {
	switch {
	case d.HolderIDType == "":
		f.Add("HolderIDType", "field.required")
	case !slices.Contains(IDTypes, d.HolderIDType):
		f.Add("HolderIDType", "cheque.id_type.unknown")
	}
	checkText(f, "HolderIDNumber", d.HolderIDNumber, maxIDNumber, "cheque.id_number.long")
	// Document numbers are printed in Latin letters and digits (the
	// machine-readable zone of ICAO 9303): anything else is a typing slip.
	if strings.IndexFunc(d.HolderIDNumber, notIDChar) >= 0 {
		f.Add("HolderIDNumber", "cheque.id_number.chars")
	}
	switch {
	case d.HolderIDIssuedOn.IsZero():
		f.Add("HolderIDIssuedOn", "field.required")
	case d.HolderIDIssuedOn.After(today):
		f.Add("HolderIDIssuedOn", "cheque.id_issued.future")
	}
	checkText(f, "HolderIDIssuedAt", d.HolderIDIssuedAt, maxPlace, "cheque.text.long")
}

// checkText reports a missing text, or one longer than max characters
// with tooLong, the message that states the limit.
func checkText(f apperr.Fields, field, s string, max int, tooLong string) {
	switch {
	case s == "":
		f.Add(field, "field.required")
	case utf8.RuneCountInString(s) > max:
		f.Add(field, tooLong)
	}
}

func notDigit(r rune) bool { return r < '0' || r > '9' }

func notIDChar(r rune) bool {
	return notDigit(r) && (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') && r != ' '
}
