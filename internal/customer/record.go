package customer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/contact"
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
	Discount           int    // the category's discount on services, in percent
	PortalAccess       string // none, open, blocked
	BalanceCents       int64  // positive: credit; negative: owed to the salon
	MergedInto         *uuid.UUID
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
		Discount: int(r.CategoryDiscount), PortalAccess: r.PortalAccess, BalanceCents: r.BalanceCents, MergedInto: r.MergedInto,
		Erased: r.ErasedAt != nil, ErasedAt: r.ErasedAt, CreatedAt: r.CreatedAt}
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

// RecordInput is the client form as typed. Field names match the form.
type RecordInput struct {
	FirstName, LastName, Email, Phone, Gender string
	Address, PostalCode, City, BirthDate      string // birth date as YYYY-MM-DD
	Note                                      string
	EmailTransactional, EmailMarketing        bool
	SMSTransactional, SMSMarketing            bool
	PaymentMode, CategoryID                   string
	Region                                    string // the salon's phone region, for national numbers
	// Force creates the record even though another one has the same email
	// or phone (the user saw the duplicates and chose to go on).
	Force bool
}

type recordValues struct {
	first, last, email, phone, gender, address, postal, city, note, mode string
	birth                                                                *time.Time
	category                                                             *uuid.UUID
}

func (in RecordInput) parse() (recordValues, error) {
	f := apperr.Fields{}
	v := recordValues{first: strings.TrimSpace(in.FirstName), last: strings.TrimSpace(in.LastName),
		email: contact.NormalizeEmail(in.Email), gender: in.Gender, address: strings.TrimSpace(in.Address),
		postal: strings.TrimSpace(in.PostalCode), city: strings.TrimSpace(in.City), note: strings.TrimSpace(in.Note), mode: in.PaymentMode}
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
	if b := strings.TrimSpace(in.BirthDate); b != "" {
		d, err := time.Parse(time.DateOnly, b)
		if err != nil || d.After(time.Now()) || d.Year() < 1900 {
			f.Add("birth_date", "date.invalid")
		}
		v.birth = &d
	}
	if in.CategoryID != "" {
		id, err := uuid.Parse(in.CategoryID)
		if err != nil {
			f.Add("category_id", "field.choose")
		}
		v.category = &id
	}
	return v, f.Err()
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
		row, err := tx.CustomerCreate(ctx, dbq.CustomerCreateParams{TenantID: salonID, FirstName: v.first, LastName: v.last, Phone: v.phone, Email: v.email})
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
		return save(ctx, tx, salonID, id, v, in)
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
		if _, err := tx.CustomerRecord(ctx, dbq.CustomerRecordParams{TenantID: salonID, ID: id}); err != nil {
			return err
		}
		return save(ctx, tx, salonID, id, v, in)
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
		SmsTransactional: in.SMSTransactional, SmsMarketing: in.SMSMarketing, PaymentMode: v.mode, CategoryID: v.category})
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
