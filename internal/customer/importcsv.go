package customer

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/contact"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Importing clients from other software: a CSV file (Excel's, semicolons and
// Windows-1252 included), each column mapped to a field of the record, every
// row checked, then all imported in one transaction or none.

// MaxImportBytes bounds an uploaded file; MaxImportRows the rows it may hold.
const (
	MaxImportBytes = 5 << 20
	MaxImportRows  = 50_000
)

// ImportFields are what a column can hold; "" ignores the column.
var ImportFields = []string{"first_name", "last_name", "full_name", "email", "phone", "gender", "address", "postal_code", "city",
	"birth_date", "note", "category", "balance"}

// ImportFile is a CSV file as read: its header, its rows and where each
// row starts in the file (the line number a spreadsheet shows).
type ImportFile struct {
	Header   []string
	Rows     [][]string
	Lines    []int
	Sep      rune
	Encoding string // UTF-8 or Windows-1252
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ReadCSV reads an uploaded file: UTF-8 with or without BOM, or Windows-1252
// (bytes that are not UTF-8 are read as Windows-1252, as Excel writes them);
// the separator is the one of ';', ',' or tab the header line uses most.
// The first line is the header; empty lines are skipped.
func ReadCSV(data []byte) (ImportFile, error) {
	if len(data) > MaxImportBytes {
		return ImportFile{}, apperr.Fields{"file": "clientdata.import_too_big"}.Err()
	}
	text, enc := decodeText(bytes.TrimPrefix(data, utf8BOM))
	if !strings.Contains(text, "\n") {
		text = strings.ReplaceAll(text, "\r", "\n") // classic Mac line ends
	}
	f := ImportFile{Sep: detectSeparator(text), Encoding: enc}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = f.Sep, true, -1
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return ImportFile{}, apperr.Fields{"file": "clientdata.import_unreadable"}.Err()
		}
		line, _ := r.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if strings.Join(rec, "") == "" {
			continue
		}
		if f.Header == nil {
			f.Header = rec
			continue
		}
		f.Rows = append(f.Rows, rec)
		f.Lines = append(f.Lines, line)
		if len(f.Rows) > MaxImportRows {
			return ImportFile{}, apperr.Fields{"file": "clientdata.import_too_many"}.Err()
		}
	}
	if len(f.Rows) == 0 {
		return ImportFile{}, apperr.Fields{"file": "clientdata.import_empty"}.Err()
	}
	for i, h := range f.Header {
		if h == "" {
			f.Header[i] = fmt.Sprintf("#%d", i+1)
		}
	}
	return f, nil
}

// cp1252 maps Windows-1252's bytes 0x80–0x9F; the others are Latin-1.
var cp1252 = [32]rune{'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ'}

func decodeText(b []byte) (string, string) {
	if utf8.Valid(b) {
		return string(b), "UTF-8"
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			if r = rune(b[0]); r >= 0x80 && r < 0xA0 {
				r = cp1252[r-0x80]
			}
		}
		sb.WriteRune(r)
		b = b[size:]
	}
	return sb.String(), "Windows-1252"
}

func detectSeparator(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	counts := map[rune]int{}
	quoted := false
	for _, r := range first {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ';' || r == ',' || r == '\t'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// Mapping gives each column of the file a field ("" to ignore it).
type Mapping []string

// headerKey folds a header the way GuessMapping compares it: lower case,
// no accents, letters and digits only ("E-mail" is "email").
func headerKey(h string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, SearchKey(h))
}

// guessRules find a field from a header, in order: a column takes the first
// rule it matches whose field is still free (the mobile before the landline).
var guessRules = []struct {
	field string
	exact []string
	parts []string
}{
	{"email", []string{"mail"}, []string{"email", "courriel", "mail"}},
	{"birth_date", []string{"ddn", "dob"}, []string{"naissance", "birth", "anniversaire"}},
	{"postal_code", []string{"cp", "zip"}, []string{"codepostal", "postal", "zipcode", "postcode"}},
	{"phone", nil, []string{"portable", "mobile", "gsm", "cell"}},
	{"phone", []string{"tel"}, []string{"telephone", "phone", "numero"}},
	{"first_name", nil, []string{"prenom", "firstname", "givenname"}},
	{"full_name", []string{"client", "name", "nomcomplet", "fullname", "nomclient", "clientname", "nometprenom", "nomprenom", "contact"}, nil},
	{"city", nil, []string{"ville", "city", "commune", "localite", "town"}},
	{"address", nil, []string{"adresse", "address", "rue", "street"}},
	{"gender", nil, []string{"civilite", "sexe", "genre", "gender", "title"}},
	{"category", nil, []string{"categorie", "category", "groupe", "group", "typedeclient", "segment"}},
	{"balance", nil, []string{"solde", "encours", "balance", "avoir", "credit"}},
	{"note", nil, []string{"note", "comment", "remarque", "observation", "memo", "info"}},
	{"last_name", nil, []string{"nom", "lastname", "surname", "familyname"}},
}

// GuessMapping maps a file's columns from their headers, French and English
// ("Prénom", "Téléphone", "Portable", "E-mail", "Date de naissance", "Code
// postal", "Ville"…). Each field goes to one column at most.
func GuessMapping(header []string) Mapping {
	m := make(Mapping, len(header))
	taken := map[string]bool{}
	keys := make([]string, len(header))
	for i, h := range header {
		keys[i] = headerKey(h)
	}
	for _, rule := range guessRules {
		for i, k := range keys {
			if m[i] != "" || taken[rule.field] || k == "" {
				continue
			}
			match := contains(rule.exact, k)
			for _, p := range rule.parts {
				match = match || strings.Contains(k, p)
			}
			if match {
				m[i], taken[rule.field] = rule.field, true
			}
		}
	}
	return m
}

// check refuses a mapping without a name or with a field twice.
func (m Mapping) check(columns int) error {
	if len(m) != columns {
		return apperr.Fields{"mapping": "clientdata.import_map_columns"}.Err()
	}
	seen := map[string]bool{}
	for _, f := range m {
		if f == "" {
			continue
		}
		if !contains(ImportFields, f) {
			return apperr.Fields{"mapping": "clientdata.import_map_columns"}.Err()
		}
		if seen[f] {
			return apperr.Fields{"mapping": "clientdata.import_map_twice"}.Err()
		}
		seen[f] = true
	}
	if !seen["first_name"] && !seen["last_name"] && !seen["full_name"] {
		return apperr.Fields{"mapping": "clientdata.import_map_no_name"}.Err()
	}
	return nil
}

// RowError is one problem of one row: its line in the file, the column (as
// the file names it), an i18n key and the value found.
type RowError struct {
	Line   int
	Column string
	Key    string
	Value  string
}

// Duplicate is a row skipped because its email or phone is a client's
// already (ExistingID), or an earlier row's (FirstLine).
type Duplicate struct {
	Line       int
	Name       string
	Match      string // the email or phone both share
	ExistingID uuid.UUID
	Existing   string
	FirstLine  int
}

// ImportReport is what an import found and did.
type ImportReport struct {
	Rows          int // rows read
	Ready         int // rows to import (or imported): valid, not duplicates
	Errors        []RowError
	Duplicates    []Duplicate
	NewCategories []string
	Balances      int // rows bringing a balance
	Imported      int
}

type importRow struct {
	line                                                                  int
	id                                                                    uuid.UUID
	first, last, email, phone, gender, address, postal, city, birth, note string
	category                                                              string
	balance                                                               int64
}

// ImportInput is an import's settings.
type ImportInput struct {
	File     ImportFile
	Mapping  Mapping
	Region   string    // the salon's phone region
	Currency string    // of the balances
	Today    time.Time // birth dates after it are refused
	Actor    uuid.UUID
}

// CheckImport reads every row with the mapping and reports problems and
// duplicates, changing nothing.
func (c *Customers) CheckImport(ctx context.Context, salonID uuid.UUID, in ImportInput) (ImportReport, error) {
	return c.importRows(ctx, salonID, in, false)
}

// Import imports every row, or none when any row has a problem (the report
// lists them). Duplicates are skipped, not imported twice; balances become
// import entries of the ledger.
func (c *Customers) Import(ctx context.Context, salonID uuid.UUID, in ImportInput) (ImportReport, error) {
	return c.importRows(ctx, salonID, in, true)
}

func (c *Customers) importRows(ctx context.Context, salonID uuid.UUID, in ImportInput, write bool) (ImportReport, error) {
	if err := in.Mapping.check(len(in.File.Header)); err != nil {
		return ImportReport{}, err
	}
	rows, rep := parseRows(in)
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if err := findDuplicatesTx(ctx, tx, salonID, &rows, &rep); err != nil {
			return err
		}
		cats, err := categoriesForImportTx(ctx, tx, salonID, rows, &rep)
		if err != nil {
			return err
		}
		rep.Ready = len(rows)
		if !write || len(rep.Errors) > 0 {
			return nil
		}
		return insertRowsTx(ctx, tx, salonID, in, rows, cats, &rep)
	})
	if err != nil {
		return rep, fmt.Errorf("customer: import: %w", err)
	}
	if write && len(rep.Errors) > 0 {
		return rep, apperr.New(apperr.Invalid, "clientdata.import_blocked", len(rep.Errors))
	}
	return rep, nil
}

// parseRows checks each row and keeps the valid ones (duplicates are then
// looked for among them, so the preview shows both at once).
func parseRows(in ImportInput) ([]importRow, ImportReport) {
	rep := ImportReport{Rows: len(in.File.Rows)}
	rows := make([]importRow, 0, len(in.File.Rows))
	for n, rec := range in.File.Rows {
		r := importRow{line: in.File.Lines[n], id: uuid.New()}
		errorsBefore := len(rep.Errors)
		bad := func(col int, key string) {
			rep.Errors = append(rep.Errors, RowError{Line: r.line, Column: in.File.Header[col], Key: key, Value: cell(rec, col)})
		}
		nameCol := -1
		for col, field := range in.Mapping {
			v := cell(rec, col)
			if field != "" && nameCol < 0 && (field == "first_name" || field == "last_name" || field == "full_name") {
				nameCol = col
			}
			if field == "" || v == "" {
				continue
			}
			if key := r.set(field, v, in); key != "" {
				bad(col, key)
			}
		}
		if r.first == "" && r.last == "" {
			bad(nameCol, "clientdata.import_err_name")
		}
		if len(rep.Errors) == errorsBefore {
			rows = append(rows, r)
		}
	}
	return rows, rep
}

func cell(rec []string, col int) string {
	if col < 0 || col >= len(rec) {
		return ""
	}
	return rec[col]
}

// importLimits are the longest values the record's form accepts.
var importLimits = map[string]int{"first_name": 120, "last_name": 120, "full_name": 240, "address": 120, "city": 120,
	"postal_code": 20, "note": 5000, "category": 60}

// set reads one cell into the row; it returns the problem's key, or "".
func (r *importRow) set(field, v string, in ImportInput) string {
	if limit := importLimits[field]; limit > 0 && utf8.RuneCountInString(v) > limit {
		return "clientdata.import_err_long"
	}
	switch field {
	case "first_name":
		r.first = v
	case "last_name":
		r.last = v
	case "full_name":
		if r.first == "" && r.last == "" {
			r.first, r.last = splitFullName(v)
		}
	case "email":
		r.email = contact.NormalizeEmail(v)
		if contact.CheckEmail(r.email) != "" {
			return "clientdata.import_err_email"
		}
	case "phone":
		p, ok := NormalizePhone(v, in.Region)
		if !ok {
			return "clientdata.import_err_phone"
		}
		r.phone = p
	case "gender":
		g, ok := parseGender(v)
		if !ok {
			return "clientdata.import_err_gender"
		}
		r.gender = g
	case "address":
		r.address = v
	case "postal_code":
		r.postal = v
	case "city":
		r.city = v
	case "birth_date":
		d, ok := parseBirthDate(v, in.Today)
		if !ok {
			return "clientdata.import_err_date"
		}
		r.birth = d.Format(time.DateOnly)
	case "note":
		r.note = v
	case "category":
		r.category = v
	case "balance":
		v = strings.TrimPrefix(strings.TrimSpace(v), "+")
		neg := strings.HasPrefix(v, "-")
		cents, problem := money.Entry.Parse(strings.TrimPrefix(v, "-"))
		if problem != "" {
			return "clientdata.import_err_amount"
		}
		if neg {
			cents = -cents
		}
		r.balance = cents
	}
	return ""
}

// splitFullName reads "Marie Dupont", "DUPONT Marie", "Marie DE LA TOUR" and
// "Dupont, Marie": a comma ends the family name, words in capitals are the
// family name, otherwise the first word is the first name.
func splitFullName(s string) (first, last string) {
	if l, f, ok := strings.Cut(s, ","); ok {
		return strings.Join(strings.Fields(f), " "), strings.Join(strings.Fields(l), " ")
	}
	words := strings.Fields(s)
	if len(words) == 1 {
		return "", words[0]
	}
	var upper, other []string
	for _, w := range words {
		if isCapitals(w) {
			upper = append(upper, w)
		} else {
			other = append(other, w)
		}
	}
	if len(upper) > 0 && len(other) > 0 {
		return strings.Join(other, " "), strings.Join(upper, " ")
	}
	return words[0], strings.Join(words[1:], " ")
}

func isCapitals(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

func parseGender(v string) (string, bool) {
	switch strings.TrimSuffix(SearchKey(v), ".") {
	case "f", "femme", "female", "woman", "w", "mme", "madame", "mlle", "mademoiselle":
		return "female", true
	case "h", "homme", "male", "man", "m", "monsieur", "mr":
		return "male", true
	case "autre", "other", "x", "nb", "non binaire", "non-binaire":
		return "other", true
	}
	return "", false
}

// parseBirthDate reads dd/mm/yyyy (also with - or .) and yyyy-mm-dd, with
// an Excel time after it ("1990-04-12 00:00:00").
func parseBirthDate(v string, today time.Time) (time.Time, bool) {
	v, _, _ = strings.Cut(strings.TrimSpace(v), " ")
	for _, layout := range []string{"02/01/2006", "2/1/2006", "02-01-2006", "2-1-2006", "02.01.2006", "2.1.2006", time.DateOnly} {
		d, err := time.Parse(layout, v)
		if err == nil {
			return d, BirthDateOK(d, today)
		}
	}
	return time.Time{}, false
}

// findDuplicatesTx drops rows whose email or phone is a client's already,
// or an earlier row's, and lists them.
func findDuplicatesTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, rows *[]importRow, rep *ImportReport) error {
	var emails, phones []string
	for _, r := range *rows {
		if r.email != "" {
			emails = append(emails, r.email)
		}
		if r.phone != "" {
			phones = append(phones, r.phone)
		}
	}
	if len(emails)+len(phones) == 0 {
		return nil
	}
	existing, err := tx.ImportExisting(ctx, dbq.ImportExistingParams{TenantID: salonID, Emails: emails, Phones: phones})
	if err != nil {
		return err
	}
	type owner struct {
		id   uuid.UUID
		name string
		line int
	}
	known := map[string]owner{}
	for _, e := range existing {
		name := strings.TrimSpace(e.FirstName + " " + e.LastName)
		if e.Email != "" {
			known["e:"+e.Email] = owner{id: e.ID, name: name}
		}
		if e.Phone != "" {
			known["p:"+e.Phone] = owner{id: e.ID, name: name}
		}
	}
	kept := (*rows)[:0]
	for _, r := range *rows {
		var hit owner
		var match string
		for _, k := range []string{"e:" + r.email, "p:" + r.phone} {
			if o, ok := known[k]; ok && len(k) > 2 && match == "" {
				hit, match = o, k[2:]
			}
		}
		if match != "" {
			rep.Duplicates = append(rep.Duplicates, Duplicate{Line: r.line, Name: strings.TrimSpace(r.first + " " + r.last), Match: match,
				ExistingID: hit.id, Existing: hit.name, FirstLine: hit.line})
			continue
		}
		me := owner{name: strings.TrimSpace(r.first + " " + r.last), line: r.line}
		if r.email != "" {
			known["e:"+r.email] = me
		}
		if r.phone != "" {
			known["p:"+r.phone] = me
		}
		kept = append(kept, r)
	}
	*rows = kept
	return nil
}

// categoriesForImportTx finds each row's category by name (case and accents
// aside); names the salon does not have yet are created with the import.
// Rows without one join the default category.
func categoriesForImportTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, rows []importRow, rep *ImportReport) (map[string]string, error) {
	list, err := tx.CustomerCategoryList(ctx, salonID)
	if err != nil {
		return nil, err
	}
	ids := map[string]string{}
	for _, c := range list {
		ids[SearchKey(c.Name)] = c.ID.String()
		if c.IsDefault {
			ids[""] = c.ID.String()
		}
	}
	for _, r := range rows {
		if k := SearchKey(r.category); r.category != "" && ids[k] == "" {
			ids[k] = "new"
			rep.NewCategories = append(rep.NewCategories, r.category)
		}
		if r.balance != 0 {
			rep.Balances++
		}
	}
	return ids, nil
}

func insertRowsTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, in ImportInput, rows []importRow, cats map[string]string, rep *ImportReport) error {
	for _, name := range rep.NewCategories {
		c, err := tx.CustomerCategoryCreate(ctx, dbq.CustomerCategoryCreateParams{TenantID: salonID, Name: name})
		if err != nil {
			return err
		}
		cats[SearchKey(name)] = c.ID.String()
	}
	p := dbq.ImportCustomersParams{TenantID: salonID}
	var bal dbq.ImportBalancesParams
	for _, r := range rows {
		p.Ids = append(p.Ids, r.id)
		p.FirstNames, p.LastNames = append(p.FirstNames, r.first), append(p.LastNames, r.last)
		p.Emails, p.Phones, p.Genders = append(p.Emails, r.email), append(p.Phones, r.phone), append(p.Genders, r.gender)
		p.Addresses, p.PostalCodes, p.Cities = append(p.Addresses, r.address), append(p.PostalCodes, r.postal), append(p.Cities, r.city)
		p.BirthDates, p.Notes = append(p.BirthDates, r.birth), append(p.Notes, r.note)
		p.CategoryIds = append(p.CategoryIds, cats[SearchKey(r.category)])
		if r.balance != 0 {
			bal.CustomerIds, bal.Amounts = append(bal.CustomerIds, r.id), append(bal.Amounts, r.balance)
		}
	}
	n, err := tx.ImportCustomers(ctx, p)
	if err != nil {
		return err
	}
	rep.Imported = int(n)
	if len(bal.Amounts) == 0 {
		return nil
	}
	bal.TenantID, bal.Currency, bal.CreatedBy = salonID, in.Currency, &in.Actor
	_, err = tx.ImportBalances(ctx, bal)
	return err
}
