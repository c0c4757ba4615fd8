// Package clientdata holds the screens about a client's data as a whole:
// erasure (RGPD), merging two records, importing clients from a CSV file.
// The export is a JSON download, without a screen.
package clientdata

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/views/ui"
)

func formatMoney(ctx context.Context, cents int64, currency string) string {
	return money.New(cents, currency).Format(i18n.LangFrom(ctx))
}

func day(ctx context.Context, t *time.Time) string {
	if t == nil {
		return ""
	}
	return ui.Date(i18n.LangFrom(ctx), *t)
}

// EraseView is the erasure page of one client.
type EraseView struct {
	Rec      customer.Record
	F        ui.Form
	Counts   customer.RecordCounts // what the record holds
	Merged   int                   // records merged into it
	Currency string
	Loc      *time.Location
}

// MergePickView is the page to choose the record to merge with.
type MergePickView struct {
	Rec        customer.Record
	Q          string
	Candidates []customer.Customer
	Same       map[string]bool // candidates sharing the email or phone
	F          ui.Form         // a refused merge comes back here with its message
	Region     string
}

// MergeView compares two records before merging them.
type MergeView struct {
	P        customer.MergePreview
	Region   string
	Currency string
}

// mergeLine is one row of the comparison: a detail of both records and the
// result.
type mergeLine struct {
	Label, Kept, Other, Result string
	Filled                     bool
}

func mergeLines(ctx context.Context, v MergeView) []mergeLine {
	p := v.P
	phone := func(s string) string { return customer.FormatPhone(s, v.Region) }
	addr := func(r customer.Record) string {
		return strings.TrimSpace(strings.Join(strings.Fields(r.Address+" "+r.PostalCode+" "+r.City), " "))
	}
	gender := func(g string) string {
		if g == "" {
			return ""
		}
		return i18n.T(ctx, "clients.gender."+g)
	}
	mode := func(m string) string { return i18n.T(ctx, "clients.mode."+m) }
	portal := func(a string) string { return i18n.T(ctx, "clients.portal."+a) }
	filled := map[string]bool{}
	for _, f := range p.Filled {
		filled[f] = true
	}
	return []mergeLine{
		{i18n.T(ctx, "clientdata.field.first_name"), p.Kept.FirstName, p.Other.FirstName, p.Result.FirstName, filled["first_name"]},
		{i18n.T(ctx, "clientdata.field.last_name"), p.Kept.LastName, p.Other.LastName, p.Result.LastName, filled["last_name"]},
		{i18n.T(ctx, "clientdata.field.phone"), phone(p.Kept.Phone), phone(p.Other.Phone), phone(p.Result.Phone), filled["phone"]},
		{i18n.T(ctx, "clientdata.field.email"), p.Kept.Email, p.Other.Email, p.Result.Email, filled["email"]},
		{i18n.T(ctx, "clients.gender"), gender(p.Kept.Gender), gender(p.Other.Gender), gender(p.Result.Gender), filled["gender"]},
		{i18n.T(ctx, "clients.birth_date"), day(ctx, p.Kept.BirthDate), day(ctx, p.Other.BirthDate), day(ctx, p.Result.BirthDate), filled["birth_date"]},
		{i18n.T(ctx, "clients.address"), addr(p.Kept), addr(p.Other), addr(p.Result), filled["address"]},
		{i18n.T(ctx, "clients.category"), p.Kept.CategoryName, p.Other.CategoryName, p.Result.CategoryName, p.CategoryFromOther},
		{i18n.T(ctx, "clients.payment_mode"), mode(p.Kept.PaymentMode), mode(p.Other.PaymentMode), mode(p.Result.PaymentMode), filled["payment_mode"]},
		{i18n.T(ctx, "clients.portal"), portal(p.Kept.PortalAccess), portal(p.Other.PortalAccess), portal(p.Result.PortalAccess), p.PortalFromOther},
		{i18n.T(ctx, "clients.balance"), formatMoney(ctx, p.Kept.BalanceCents, v.Currency), formatMoney(ctx, p.Other.BalanceCents, v.Currency),
			formatMoney(ctx, p.BalanceCents, v.Currency), false},
		{i18n.T(ctx, "clients.note"), p.Kept.Note, p.Other.Note, p.Result.Note, p.NoteAppended},
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// ImportUploadView is the upload form.
type ImportUploadView struct {
	F ui.Form
}

// ImportPreviewView is a file read, its columns mapped and its rows checked.
type ImportPreviewView struct {
	Token    string
	FileName string
	File     customer.ImportFile
	Mapping  customer.Mapping
	Report   customer.ImportReport
	F        ui.Form // the mapping's problem, or the import's
	Currency string
	Region   string
}

// contact shows a duplicate's shared email, or its phone the salon's way.
func (v ImportPreviewView) contact(s string) string {
	if strings.HasPrefix(s, "+") {
		return customer.FormatPhone(s, v.Region)
	}
	return s
}

// SampleRows is how many rows of the file the preview shows.
const SampleRows = 5

// ShownProblems is how many row problems and duplicates the preview lists.
const ShownProblems = 100

func (v ImportPreviewView) sample() [][]string {
	if len(v.File.Rows) > SampleRows {
		return v.File.Rows[:SampleRows]
	}
	return v.File.Rows
}

func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func firstValue(f customer.ImportFile, col int) string {
	for _, r := range f.Rows {
		if v := cell(r, col); v != "" {
			return v
		}
	}
	return ""
}

func fieldOptions(ctx context.Context) []ui.Option {
	out := []ui.Option{{Value: "", Label: i18n.T(ctx, "clientdata.field.ignore")}}
	for _, f := range customer.ImportFields {
		out = append(out, ui.Option{Value: f, Label: i18n.T(ctx, "clientdata.field."+f)})
	}
	return out
}

func mapName(i int) string { return fmt.Sprintf("map_%d", i) }

func separatorName(ctx context.Context, r rune) string {
	switch r {
	case ';':
		return i18n.T(ctx, "clientdata.import.sep.semicolon")
	case '\t':
		return i18n.T(ctx, "clientdata.import.sep.tab")
	}
	return i18n.T(ctx, "clientdata.import.sep.comma")
}

func (v ImportPreviewView) errors() []customer.RowError {
	if len(v.Report.Errors) > ShownProblems {
		return v.Report.Errors[:ShownProblems]
	}
	return v.Report.Errors
}

func (v ImportPreviewView) duplicates() []customer.Duplicate {
	if len(v.Report.Duplicates) > ShownProblems {
		return v.Report.Duplicates[:ShownProblems]
	}
	return v.Report.Duplicates
}

// ImportDoneView is the result of an import.
type ImportDoneView struct {
	Report customer.ImportReport
}
