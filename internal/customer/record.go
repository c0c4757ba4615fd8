package customer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/contact"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Record is the full client record (fiche client, seed 003).
type Record struct {
	Customer
	Gender             string // "", female, male, other
	Address            string
	PostalCode         string
	City               string
	BirthDate          *time.Time
	Note               string
	EmailTransactional bool
	EmailMarketing     bool
	SMSTransactional   bool
	SMSMarketing       bool
	PaymentMode        string // default, none, deposit, card_imprint, prepayment
	CategoryID         *uuid.UUID
	CategoryName       string
	CategoryMode       string // the category's payment mode, "" for none
	DiscountBP         int32  // the category's discount on services, in basis points
	PortalAccess       string // none, open, blocked
	Lang               string // fr, en: every message to the client is in it
	BalanceCents       int64  // positive: credit; negative: owed to the salon
	MergedInto         *uuid.UUID
	LookalikeID        *uuid.UUID // a live record this one, made by a public booking, may duplicate
	LookalikeName      string
	Erased             bool
	ErasedAt           *time.Time // when it was erased (GDPR)
	CreatedAt          time.Time
}

// PaymentModes are the client's own online payment modes, "default" first.
var PaymentModes = []string{"default", "none", "deposit", "card_imprint", "prepayment"}

// Genders offered by the form.
var Genders = []string{"", "female", "male", "other"}

func recordFrom(r dbq.CustomerRecordRow) Record {
	rec := Record{Customer: Customer{ID: r.ID, FirstName: r.FirstName, LastName: r.LastName, Phone: r.Phone, Email: r.Email},
		Gender: r.Gender, Address: r.Address, PostalCode: r.PostalCode, City: r.City, BirthDate: r.BirthDate, Note: r.Note,
		EmailTransactional: r.EmailTransactional, EmailMarketing: r.EmailMarketing, SMSTransactional: r.SmsTransactional,
		SMSMarketing: r.SmsMarketing, PaymentMode: r.PaymentMode, CategoryID: r.CategoryID, CategoryName: r.CategoryName,
		DiscountBP: r.CategoryDiscountBp, PortalAccess: r.PortalAccess, BalanceCents: r.BalanceCents, MergedInto: r.MergedInto,
		LookalikeID: r.LookalikeID, LookalikeName: r.LookalikeName, Lang: r.Lang, Erased: r.ErasedAt != nil, ErasedAt: r.ErasedAt, CreatedAt: r.CreatedAt}
	if r.CategoryPaymentMode != nil {
		rec.CategoryMode = *r.CategoryPaymentMode
	}
	return rec
}

// RecordTx reads a client record inside the caller's unit of work.
func RecordTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID) (Record, error) {
	r, err := tx.CustomerRecord(ctx, dbq.CustomerRecordParams{TenantID: salonID, ID: id})
	return recordFrom(r), err
}

// Get returns a client record.
func (c *Customers) Get(ctx context.Context, salonID, id uuid.UUID) (Record, error) {
	var rec Record
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		rec, err = RecordTx(ctx, tx, salonID, id)
		return err
	})
	if err != nil {
		return Record{}, fmt.Errorf("customer: get: %w", err)
	}
	return rec, nil
}

// RecordInput is a client's record. Field errors name its fields in
// snake case: first_name, birth_date, category_id…
type RecordInput struct {
	FirstName, LastName, Email, Phone, Gender string
	Address, PostalCode, City                 string
	BirthDate                                 *time.Time // a date (midnight UTC), nil when unknown
	Note                                      string
	EmailTransactional, EmailMarketing        bool
	SMSTransactional, SMSMarketing            bool
	PaymentMode                               string
	CategoryID                                *uuid.UUID // nil: none (or, for a new client, the salon's default)
	Lang                                      string     // fr, en; "": the salon's for a new client, unchanged otherwise
	Region                                    string     // the salon's phone region, for national numbers
	Today                                     time.Time  // the salon's date today: a birth date is before it
	// Force creates the record even though another one has the same email
	// or phone (the user saw the duplicates and chose to go on).
	Force bool
}

type recordValues struct {
	first, last, email, phone, gender, address, postal, city, note, mode, lang string
	birth                                                                      *time.Time
	category                                                                   *uuid.UUID
}

// BirthDateOK says whether a birth date is believable: in 1900 or later, and
// before today (a client is born before their record is written).
func BirthDateOK(d, today time.Time) bool {
	return d.Year() >= 1900 && d.Before(today)
}

// Check returns what is wrong with the record on its own, before any other
// record is read.
func (in RecordInput) Check() apperr.Fields {
	_, f := in.values()
	return f
}

func (in RecordInput) parse() (recordValues, error) {
	v, f := in.values()
	return v, f.Err()
}

func (in RecordInput) values() (recordValues, apperr.Fields) {
	f := apperr.Fields{}
	v := recordValues{first: strings.TrimSpace(in.FirstName), last: strings.TrimSpace(in.LastName),
		email: contact.NormalizeEmail(in.Email), gender: in.Gender, address: strings.TrimSpace(in.Address),
		postal: strings.TrimSpace(in.PostalCode), city: strings.TrimSpace(in.City), note: strings.TrimSpace(in.Note), mode: in.PaymentMode}
	if l, ok := i18n.Parse(in.Lang); ok {
		v.lang = string(l)
	} else if in.Lang != "" {
		f.Add("lang", "field.choose")
	}
	if v.first == "" && v.last == "" {
		f.Add("last_name", "customer.name_required")
	}
	for name, s := range map[string]string{"first_name": v.first, "last_name": v.last, "city": v.city, "address": v.address} {
		if len([]rune(s)) > 120 {
			f.Add(name, "name.long")
		}
	}
	if len([]rune(v.note)) > 5000 {
		f.Add("note", "text.long")
	}
	if v.email != "" && contact.CheckEmail(v.email) != "" {
		f.Add("email", "email.invalid")
	}
	phone, ok := NormalizePhone(in.Phone, in.Region)
	if !ok {
		f.Add("phone", "phone.invalid")
	}
	v.phone = phone
	if !contains(Genders, v.gender) {
		f.Add("gender", "field.choose")
	}
	if v.mode == "" {
		v.mode = "default"
	}
	if !contains(PaymentModes, v.mode) {
		f.Add("payment_mode", "field.choose")
	}
	if in.BirthDate != nil && !BirthDateOK(*in.BirthDate, in.Today) {
		f.Add("birth_date", "date.birth_range")
	}
	v.birth, v.category = in.BirthDate, in.CategoryID
	return v, f
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ErrDuplicates: another record has this email or phone; the form offers it.
type ErrDuplicates struct {
	Records []Customer
}

func (e *ErrDuplicates) Error() string {
	return fmt.Sprintf("customer: %d possible duplicates", len(e.Records))
}

// Create adds a client, in the salon's default category unless another is
// chosen. Without Force, a client with the same email or phone is returned
// as a duplicate instead.
func (c *Customers) Create(ctx context.Context, salonID uuid.UUID, in RecordInput) (uuid.UUID, error) {
	v, err := in.parse()
	if err != nil {
		return uuid.Nil, err
	}
	var id uuid.UUID
	err = c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if !in.Force {
			if dups, err := duplicatesTx(ctx, tx, salonID, uuid.Nil, v.email, v.phone); err != nil || len(dups) > 0 {
				if err == nil {
					err = &ErrDuplicates{Records: dups}
				}
				return err
			}
		}
		row, err := tx.CustomerCreate(ctx, dbq.CustomerCreateParams{TenantID: salonID, FirstName: v.first, LastName: v.last,
			Phone: v.phone, Email: v.email, Lang: v.lang})
		if err != nil {
			return err
		}
		id = row.ID
		if v.category == nil {
			if def, err := tx.CustomerCategoryDefault(ctx, salonID); err == nil {
				v.category = &def.ID
			} else if !store.IsNotFound(err) {
				return err
			}
		}
		if err := save(ctx, tx, salonID, id, v, in); err != nil {
			return err
		}
		return logRecordConsents(ctx, tx, salonID, id, false, false, in, c.Clock.Now())
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("customer: create: %w", err)
	}
	return id, nil
}

// Update saves the client form.
func (c *Customers) Update(ctx context.Context, salonID, id uuid.UUID, in RecordInput) error {
	v, err := in.parse()
	if err != nil {
		return err
	}
	err = c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		was, err := tx.CustomerRecord(ctx, dbq.CustomerRecordParams{TenantID: salonID, ID: id})
		if err != nil {
			return err
		}
		if err := save(ctx, tx, salonID, id, v, in); err != nil {
			return err
		}
		return logRecordConsents(ctx, tx, salonID, id, was.EmailMarketing, was.SmsMarketing, in, c.Clock.Now())
	})
	if err != nil {
		return fmt.Errorf("customer: update: %w", err)
	}
	return nil
}

func save(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, v recordValues, in RecordInput) error {
	n, err := tx.CustomerSave(ctx, dbq.CustomerSaveParams{TenantID: salonID, ID: id, FirstName: v.first, LastName: v.last,
		Email: v.email, Phone: v.phone, Gender: v.gender, Address: v.address, PostalCode: v.postal, City: v.city,
		BirthDate: v.birth, Note: v.note, EmailTransactional: in.EmailTransactional, EmailMarketing: in.EmailMarketing,
		SmsTransactional: in.SMSTransactional, SmsMarketing: in.SMSMarketing, PaymentMode: v.mode, CategoryID: v.category, Lang: v.lang})
	if store.IsForeignKeyViolation(err) {
		return apperr.Fields{"category_id": "field.choose"}.Err()
	}
	if err == nil && n == 0 {
		return apperr.New(apperr.Conflict, "customer.not_editable")
	}
	return err
}

func duplicatesTx(ctx context.Context, tx store.Tx, salonID, except uuid.UUID, email, phone string) ([]Customer, error) {
	rows, err := tx.CustomerDuplicates(ctx, dbq.CustomerDuplicatesParams{TenantID: salonID, ExceptID: except, Email: email, Phone: phone})
	out := make([]Customer, 0, len(rows))
	for _, r := range rows {
		out = append(out, Customer{ID: r.ID, FirstName: r.FirstName, LastName: r.LastName, Email: r.Email, Phone: r.Phone})
	}
	return out, err
}
