package web

import (
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
)

// clientForm is the client record form as typed; its fields are the
// record's own.
type clientForm struct {
	FirstName          string `form:"first_name"`
	LastName           string `form:"last_name"`
	Email              string `form:"email"`
	Phone              string `form:"phone"`
	Gender             string `form:"gender"`
	BirthDate          string `form:"birth_date"` // YYYY-MM-DD
	Address            string `form:"address"`
	PostalCode         string `form:"postal_code"`
	City               string `form:"city"`
	Note               string `form:"note"`
	EmailTransactional bool   `form:"email_transactional"`
	EmailMarketing     bool   `form:"email_marketing"`
	SMSTransactional   bool   `form:"sms_transactional"`
	SMSMarketing       bool   `form:"sms_marketing"`
	PaymentMode        string `form:"payment_mode"`
	CategoryID         string `form:"category_id"`
	Lang               string `form:"lang"`
	Force              bool   `form:"force"`
}

// input parses the form for a salon of this phone region on this day; what
// does not parse is shown with what the record's own rules refuse.
func (f clientForm) input(region string, today time.Time) (customer.RecordInput, error) {
	in := customer.RecordInput{FirstName: f.FirstName, LastName: f.LastName, Email: f.Email, Phone: f.Phone, Gender: f.Gender,
		Address: f.Address, PostalCode: f.PostalCode, City: f.City, Note: f.Note, EmailTransactional: f.EmailTransactional,
		EmailMarketing: f.EmailMarketing, SMSTransactional: f.SMSTransactional, SMSMarketing: f.SMSMarketing,
		PaymentMode: f.PaymentMode, Lang: f.Lang, Region: region, Today: today, Force: f.Force}
	bad := apperr.Fields{}
	if b := strings.TrimSpace(f.BirthDate); b != "" {
		if d, err := time.Parse(time.DateOnly, b); err != nil {
			bad.Add("birth_date", "date.invalid")
		} else {
			in.BirthDate = &d
		}
	}
	if f.CategoryID != "" {
		if id, err := uuid.Parse(f.CategoryID); err != nil {
			bad.Add("category_id", "field.choose")
		} else {
			in.CategoryID = &id
		}
	}
	return in, withFields(bad, in.Check(), nil).Err()
}
