package cheque_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/till/cheque"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var today = day(2026, time.December, 7)

// valid is a cheque a cashier takes on today.
func valid() cheque.Details {
	return cheque.Details{
		AmountCents: 8150, IssuedOn: today, SignaturePresent: true,
		Bank: "Crédit Agricole", Number: "1234567",
		HolderIDType: cheque.IDCard, HolderIDNumber: "X4RTBPFW4",
		HolderIDIssuedOn: day(2021, time.May, 12), HolderIDIssuedAt: "Préfecture du Rhône",
	}
}

// problems returns the field errors of Check, each a message the catalogue has.
func problems(t *testing.T, d cheque.Details, on time.Time) apperr.Fields {
	t.Helper()
	err := d.Check(on)
	if err == nil {
		return apperr.Fields{}
	}
	require.True(t, apperr.Is(err, apperr.Invalid), "%v", err)
	f := apperr.FieldsOf(err)
	for field, key := range f {
		require.True(t, i18n.Has(key), "%s: %s has no text", field, key)
	}
	return f
}

func TestAFilledInChequeIsTaken(t *testing.T) {
	t.Parallel()
	require.NoError(t, valid().Check(today))
	for _, id := range cheque.IDTypes {
		d := valid()
		d.HolderIDType = id
		require.NoError(t, d.Check(today), id)
	}
}

func TestABlankChequeNamesEveryMissingDetail(t *testing.T) {
	t.Parallel()
	require.Equal(t, apperr.Fields{
		"AmountCents":      "cheque.amount.positive",
		"IssuedOn":         "field.required",
		"SignaturePresent": "cheque.signature.missing",
		"Bank":             "field.required",
		"Number":           "field.required",
		"HolderIDType":     "field.required",
		"HolderIDNumber":   "field.required",
		"HolderIDIssuedOn": "field.required",
		"HolderIDIssuedAt": "field.required",
	}, problems(t, cheque.Details{Bank: "  ", Number: " ", HolderIDNumber: "\t"}, today))
}

// What the cashier types with stray spaces is taken, and stored tidied.
func TestTypedSpacesAreTidiedNotRefused(t *testing.T) {
	t.Parallel()
	d := valid()
	d.Number, d.HolderIDNumber, d.Bank, d.HolderIDIssuedAt = " 123 4567 ", "  AB  12 34 ", " LCL ", " Lyon "
	d.IssuedOn = time.Date(2026, time.December, 7, 15, 30, 0, 0, time.UTC)
	require.NoError(t, d.Check(today))
	got := d.Tidy()
	require.Equal(t, "1234567", got.Number)
	require.Equal(t, "AB 12 34", got.HolderIDNumber)
	require.Equal(t, "LCL", got.Bank)
	require.Equal(t, "Lyon", got.HolderIDIssuedAt)
	require.Equal(t, today, got.IssuedOn, "the date on the cheque is a day, not an instant")
}

func TestEachDetailIsHeldToItsRule(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		edit  func(*cheque.Details)
		field string
		want  string // "" when the cheque is taken
	}{
		{"one centime", func(d *cheque.Details) { d.AmountCents = 1 }, "AmountCents", ""},
		{"the largest amount", func(d *cheque.Details) { d.AmountCents = cheque.MaxAmountCents }, "AmountCents", ""},
		{"one centime more", func(d *cheque.Details) { d.AmountCents = cheque.MaxAmountCents + 1 }, "AmountCents", "cheque.amount.max"},
		{"no amount", func(d *cheque.Details) { d.AmountCents = 0 }, "AmountCents", "cheque.amount.positive"},
		{"a negative amount", func(d *cheque.Details) { d.AmountCents = -8150 }, "AmountCents", "cheque.amount.positive"},
		{"unsigned", func(d *cheque.Details) { d.SignaturePresent = false }, "SignaturePresent", "cheque.signature.missing"},
		{"a one-digit number", func(d *cheque.Details) { d.Number = "7" }, "Number", ""},
		{"a 20-digit number", func(d *cheque.Details) { d.Number = strings.Repeat("9", 20) }, "Number", ""},
		{"a 21-digit number", func(d *cheque.Details) { d.Number = strings.Repeat("9", 21) }, "Number", "cheque.number.invalid"},
		{"a letter in the number", func(d *cheque.Details) { d.Number = "12345O7" }, "Number", "cheque.number.invalid"},
		{"a dash in the number", func(d *cheque.Details) { d.Number = "123-4567" }, "Number", "cheque.number.invalid"},
		{"a bank of 80 characters", func(d *cheque.Details) { d.Bank = strings.Repeat("é", 80) }, "Bank", ""},
		{"a bank of 81 characters", func(d *cheque.Details) { d.Bank = strings.Repeat("é", 81) }, "Bank", "cheque.text.long"},
		{"an unknown document", func(d *cheque.Details) { d.HolderIDType = "library_card" }, "HolderIDType", "cheque.id_type.unknown"},
		{"a document named in French", func(d *cheque.Details) { d.HolderIDType = "Passeport" }, "HolderIDType", "cheque.id_type.unknown"},
		{"an ID number of 40", func(d *cheque.Details) { d.HolderIDNumber = strings.Repeat("A1", 20) }, "HolderIDNumber", ""},
		{"an ID number of 41", func(d *cheque.Details) { d.HolderIDNumber = strings.Repeat("A", 41) }, "HolderIDNumber", "cheque.id_number.long"},
		{"spaces in the ID number", func(d *cheque.Details) { d.HolderIDNumber = "15 AB 12345" }, "HolderIDNumber", ""},
		{"a dash in the ID number", func(d *cheque.Details) { d.HolderIDNumber = "15-AB" }, "HolderIDNumber", "cheque.id_number.chars"},
		{"an accent in the ID number", func(d *cheque.Details) { d.HolderIDNumber = "É12345" }, "HolderIDNumber", "cheque.id_number.chars"},
		{"an ID issued today", func(d *cheque.Details) { d.HolderIDIssuedOn = today }, "HolderIDIssuedOn", ""},
		{"an ID issued tomorrow", func(d *cheque.Details) { d.HolderIDIssuedOn = today.AddDate(0, 0, 1) }, "HolderIDIssuedOn", "cheque.id_issued.future"},
		{"a place of 80 characters", func(d *cheque.Details) { d.HolderIDIssuedAt = strings.Repeat("à", 80) }, "HolderIDIssuedAt", ""},
		{"a place of 81 characters", func(d *cheque.Details) { d.HolderIDIssuedAt = strings.Repeat("à", 81) }, "HolderIDIssuedAt", "cheque.text.long"},
	} {
		d := valid()
		c.edit(&d)
		want := apperr.Fields{}
		if c.want != "" {
			want[c.field] = c.want
		}
		require.Equal(t, want, problems(t, d, today), c.name)
	}
}
