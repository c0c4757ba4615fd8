package customer

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Export is everything the salon holds about one client (GDPR access and
// portability, art. 15 and 20), as JSON: identity, preferences, category,
// portal access, visits with their services and prices, payments, online
// bookings with the consent given, the balance ledger, technical sheets,
// messages, and the records merged into this one.
type Export struct {
	Format        string           `json:"format"` // "carnet.client.v1"
	ExportedAt    time.Time        `json:"exported_at"`
	Salon         string           `json:"salon"`
	Client        ExportIdentity   `json:"client"`
	Preferences   ExportPrefs      `json:"preferences"`
	PaymentMode   string           `json:"payment_mode"`
	Category      string           `json:"category"`
	PortalAccess  string           `json:"portal_access"`
	SavedCard     string           `json:"saved_card"` // "Visa •••• 4242", "" for none
	Currency      string           `json:"currency"`
	BalanceCents  int64            `json:"balance_cents"`
	Visits        []ExportVisit    `json:"visits"`
	Payments      []ExportPayment  `json:"payments"`
	Bookings      []ExportBooking  `json:"online_bookings"`
	Ledger        []ExportEntry    `json:"ledger"`
	Sheets        []ExportSheet    `json:"technical_sheets"`
	Messages      []ExportMessage  `json:"messages"`
	MergedRecords []ExportIdentity `json:"merged_records"`
}

// ExportIdentity is who the client is.
type ExportIdentity struct {
	ID         uuid.UUID  `json:"id"`
	FirstName  string     `json:"first_name"`
	LastName   string     `json:"last_name"`
	Email      string     `json:"email"`
	Phone      string     `json:"phone"`
	Gender     string     `json:"gender,omitempty"`
	Address    string     `json:"address,omitempty"`
	PostalCode string     `json:"postal_code,omitempty"`
	City       string     `json:"city,omitempty"`
	BirthDate  string     `json:"birth_date,omitempty"` // YYYY-MM-DD
	Note       string     `json:"note,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	ErasedAt   *time.Time `json:"erased_at,omitempty"`
}

// ExportPrefs are the messages the client accepts.
type ExportPrefs struct {
	EmailTransactional bool `json:"email_transactional"`
	EmailMarketing     bool `json:"email_marketing"`
	SMSTransactional   bool `json:"sms_transactional"`
	SMSMarketing       bool `json:"sms_marketing"`
}

// ExportVisit is an appointment with what was booked.
type ExportVisit struct {
	ID          uuid.UUID       `json:"id"`
	Start       time.Time       `json:"start"`
	End         time.Time       `json:"end"`
	Status      string          `json:"status"`
	Source      string          `json:"source"`
	Staff       string          `json:"staff"`
	Note        string          `json:"note,omitempty"`
	Services    []ExportService `json:"services"`
	PriceCents  int64           `json:"price_cents"`
	CancelledAt *time.Time      `json:"cancelled_at,omitempty"`
	CreatedAt   time.Time       `json:"created_at"`
}

// ExportService is one service of a visit, as booked.
type ExportService struct {
	Name       string `json:"name"`
	Minutes    int32  `json:"minutes"`
	PriceCents int64  `json:"price_cents"`
}

// ExportPayment is a payment, refund or fee of one of the visits.
type ExportPayment struct {
	ID            uuid.UUID `json:"id"`
	AppointmentID uuid.UUID `json:"appointment_id"`
	Kind          string    `json:"kind"`
	AmountCents   int64     `json:"amount_cents"`
	Currency      string    `json:"currency"`
	Status        string    `json:"status"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
}

// ExportBooking is an online booking and the consent given with it.
type ExportBooking struct {
	ID             uuid.UUID `json:"id"`
	AppointmentID  uuid.UUID `json:"appointment_id"`
	Email          string    `json:"email"`
	PaymentMode    string    `json:"payment_mode"`
	AmountDueCents int64     `json:"amount_due_cents"`
	Currency       string    `json:"currency"`
	Status         string    `json:"status"`
	PolicyText     string    `json:"policy_text"`
	PolicyHash     string    `json:"policy_hash"`
	CardConsent    bool      `json:"card_consent"`
	ConsentAt      time.Time `json:"consent_at"`
	ConsentIP      string    `json:"consent_ip"`
	CreatedAt      time.Time `json:"created_at"`
}

// ExportEntry is a line of the client's account.
type ExportEntry struct {
	At          time.Time `json:"at"`
	AmountCents int64     `json:"amount_cents"`
	Currency    string    `json:"currency"`
	Reason      string    `json:"reason"`
	Note        string    `json:"note,omitempty"`
}

// ExportSheet is a technical sheet.
type ExportSheet struct {
	ID            uuid.UUID  `json:"id"`
	Date          string     `json:"date"`
	AppointmentID *uuid.UUID `json:"appointment_id,omitempty"`
	Title         string     `json:"title,omitempty"`
	Products      string     `json:"products,omitempty"`
	Settings      string     `json:"settings,omitempty"`
	Reactions     string     `json:"reactions,omitempty"`
	Notes         string     `json:"notes,omitempty"`
	UpdatedAt     time.Time  `json:"updated_at"`
}

// ExportMessage is a message sent (or meant) to the client.
type ExportMessage struct {
	ID            uuid.UUID  `json:"id"`
	AppointmentID *uuid.UUID `json:"appointment_id,omitempty"`
	Channel       string     `json:"channel"`
	Kind          string     `json:"kind"`
	Purpose       string     `json:"purpose"`
	To            string     `json:"to"`
	Subject       string     `json:"subject,omitempty"`
	Body          string     `json:"body"`
	Status        string     `json:"status"`
	SkipReason    string     `json:"skip_reason,omitempty"`
	CreatedAt     time.Time  `json:"created_at"`
	SentAt        *time.Time `json:"sent_at,omitempty"`
}

// Export gathers a client's data in one snapshot (one transaction).
func (c *Customers) Export(ctx context.Context, salonID, id uuid.UUID, salonName, currency string, now time.Time) (Export, error) {
	var e Export
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rec, err := RecordTx(ctx, tx, salonID, id)
		if err != nil {
			return err
		}
		e = Export{Format: "carnet.client.v1", ExportedAt: now, Salon: salonName, Client: identityOf(rec),
			Preferences: ExportPrefs{EmailTransactional: rec.EmailTransactional, EmailMarketing: rec.EmailMarketing,
				SMSTransactional: rec.SMSTransactional, SMSMarketing: rec.SMSMarketing},
			PaymentMode: rec.PaymentMode, Category: rec.CategoryName, PortalAccess: rec.PortalAccess, Currency: currency,
			BalanceCents: rec.BalanceCents}
		if card, err := tx.CustomerStripeGet(ctx, dbq.CustomerStripeGetParams{TenantID: salonID, CustomerID: id}); err == nil {
			e.SavedCard = card.CardLabel
		} else if !store.IsNotFound(err) {
			return err
		}
		for _, step := range []func(context.Context, store.Tx, uuid.UUID, uuid.UUID, *Export) error{
			exportVisitsTx, exportPaymentsTx, exportBookingsTx, exportLedgerTx, exportSheetsTx, exportMessagesTx, exportMergedTx,
		} {
			if err := step(ctx, tx, salonID, id, &e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Export{}, fmt.Errorf("customer: export: %w", err)
	}
	return e, nil
}

func identityOf(r Record) ExportIdentity {
	out := ExportIdentity{ID: r.ID, FirstName: r.FirstName, LastName: r.LastName, Email: r.Email, Phone: r.Phone, Gender: r.Gender,
		Address: r.Address, PostalCode: r.PostalCode, City: r.City, Note: r.Note, CreatedAt: r.CreatedAt, ErasedAt: r.ErasedAt}
	if r.BirthDate != nil {
		out.BirthDate = r.BirthDate.Format(time.DateOnly)
	}
	return out
}

func exportVisitsTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, e *Export) error {
	rows, err := tx.ExportVisits(ctx, dbq.ExportVisitsParams{TenantID: salonID, CustomerID: id})
	if err != nil {
		return err
	}
	lines, err := tx.ExportVisitServices(ctx, dbq.ExportVisitServicesParams{TenantID: salonID, CustomerID: id})
	if err != nil {
		return err
	}
	byVisit := map[uuid.UUID][]ExportService{}
	for _, l := range lines {
		byVisit[l.AppointmentID] = append(byVisit[l.AppointmentID], ExportService{Name: l.Name, Minutes: l.DurationMinutes, PriceCents: l.PriceCents})
	}
	e.Visits = make([]ExportVisit, 0, len(rows))
	for _, r := range rows {
		v := ExportVisit{ID: r.ID, Start: r.StartsAt, End: r.EndsAt, Status: r.Status, Source: r.Source, Staff: r.StaffName, Note: r.Note,
			Services: byVisit[r.ID], CancelledAt: r.CancelledAt, CreatedAt: r.CreatedAt}
		if v.Services == nil {
			v.Services = []ExportService{}
		}
		for _, s := range v.Services {
			v.PriceCents += s.PriceCents
		}
		e.Visits = append(e.Visits, v)
	}
	return nil
}

func exportPaymentsTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, e *Export) error {
	rows, err := tx.ExportPayments(ctx, dbq.ExportPaymentsParams{TenantID: salonID, CustomerID: id})
	e.Payments = make([]ExportPayment, 0, len(rows))
	for _, r := range rows {
		e.Payments = append(e.Payments, ExportPayment{ID: r.ID, AppointmentID: r.AppointmentID, Kind: r.Kind, AmountCents: r.AmountCents,
			Currency: r.Currency, Status: r.Status, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt})
	}
	return err
}

func exportBookingsTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, e *Export) error {
	rows, err := tx.ExportBookings(ctx, dbq.ExportBookingsParams{TenantID: salonID, CustomerID: id})
	e.Bookings = make([]ExportBooking, 0, len(rows))
	for _, r := range rows {
		e.Bookings = append(e.Bookings, ExportBooking{ID: r.ID, AppointmentID: r.AppointmentID, Email: r.Email, PaymentMode: r.PaymentMode,
			AmountDueCents: r.AmountDueCents, Currency: r.Currency, Status: r.Status, PolicyText: r.PolicyText, PolicyHash: r.PolicyHash,
			CardConsent: r.CardConsent, ConsentAt: r.ConsentAt, ConsentIP: r.ConsentIp, CreatedAt: r.CreatedAt})
	}
	return err
}

func exportLedgerTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, e *Export) error {
	rows, err := tx.LedgerOfCustomer(ctx, dbq.LedgerOfCustomerParams{TenantID: salonID, CustomerID: id})
	e.Ledger = make([]ExportEntry, 0, len(rows))
	for i := len(rows) - 1; i >= 0; i-- { // oldest first, like every other list of the export
		r := rows[i]
		e.Ledger = append(e.Ledger, ExportEntry{At: r.CreatedAt, AmountCents: r.AmountCents, Currency: r.Currency, Reason: r.Reason, Note: r.Note})
	}
	return err
}

func exportSheetsTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, e *Export) error {
	rows, err := tx.SheetList(ctx, dbq.SheetListParams{TenantID: salonID, CustomerID: id})
	e.Sheets = make([]ExportSheet, 0, len(rows))
	for _, r := range rows {
		e.Sheets = append(e.Sheets, ExportSheet{ID: r.ID, Date: r.SheetDate.Format(time.DateOnly), AppointmentID: r.AppointmentID, Title: r.Title,
			Products: r.Products, Settings: r.Settings, Reactions: r.Reactions, Notes: r.Notes, UpdatedAt: r.UpdatedAt})
	}
	return err
}

// signInLink is a portal sign-in link still written in a message not sent
// (skipped, failed): whoever reads the export must not be able to sign in as
// the client with it.
var signInLink = regexp.MustCompile(`https?://\S+/account/login/\S+`)

func exportMessagesTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, e *Export) error {
	rows, err := tx.ExportMessages(ctx, dbq.ExportMessagesParams{TenantID: salonID, CustomerID: &id})
	e.Messages = make([]ExportMessage, 0, len(rows))
	for _, r := range rows {
		e.Messages = append(e.Messages, ExportMessage{ID: r.ID, AppointmentID: r.AppointmentID, Channel: r.Channel, Kind: r.Kind,
			Purpose: r.Purpose, To: r.ToAddress, Subject: r.Subject, Body: signInLink.ReplaceAllString(r.Body, "{lien}"), Status: r.Status, SkipReason: r.SkipReason,
			CreatedAt: r.CreatedAt, SentAt: r.SentAt})
	}
	return err
}

func exportMergedTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, e *Export) error {
	rows, err := tx.CustomersMergedInto(ctx, dbq.CustomersMergedIntoParams{TenantID: salonID, ID: &id})
	e.MergedRecords = make([]ExportIdentity, 0, len(rows))
	for _, r := range rows {
		e.MergedRecords = append(e.MergedRecords, ExportIdentity{ID: r.ID, FirstName: r.FirstName, LastName: r.LastName, Email: r.Email,
			Phone: r.Phone, CreatedAt: r.CreatedAt})
	}
	return err
}
