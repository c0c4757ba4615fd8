package till

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/contact"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/urls"
)

// linkPurpose keeps a receipt token from serving any other use.
const linkPurpose = "receipt-link"

// SendInput is a receipt sent to a client: by email (To is an address) or
// as an SMS link (To is a phone, read in Region).
type SendInput struct {
	Channel  string // ChannelEmail or ChannelSMS
	To       string
	Region   string
	Actor    uuid.UUID
	Currency string
	Zone     *time.Location
}

// ReceiptURL is the public link to a receipt: signed, not stored, so it
// cannot be guessed from a number and works without signing in.
func (t *Till) ReceiptURL(salonID, ticketID uuid.UUID) string {
	data := append(salonID[:len(salonID):len(salonID)], ticketID[:]...)
	return t.BaseURL + urls.PublicReceipt(secret.Sign(t.Secret, linkPurpose, data))
}

// ReadReceiptLink returns the salon and receipt a public link names; a token
// not minted here is not found.
func (t *Till) ReadReceiptLink(token string) (salonID, ticketID uuid.UUID, err error) {
	data, ok := secret.Verify(t.Secret, linkPurpose, token)
	if !ok || len(data) != 32 {
		return uuid.Nil, uuid.Nil, apperr.ErrNotFound
	}
	return uuid.UUID(data[:16]), uuid.UUID(data[16:]), nil
}

func (in SendInput) parse() (SendInput, error) {
	f := apperr.Fields{}
	switch in.Channel {
	case ChannelEmail:
		in.To = contact.NormalizeEmail(in.To)
		if k := contact.CheckEmail(in.To); k != "" {
			f.Add("To", k)
		}
	case ChannelSMS:
		phone, ok := contact.NormalizePhone(in.To, in.Region)
		if !ok || phone == "" {
			f.Add("To", "receipt.phone.invalid")
		}
		in.To = phone
	default:
		return in, apperr.ErrNotFound
	}
	return in, f.Err()
}

// SendReceipt sends a closed receipt to the client, in their language, from
// the salon: an email with the receipt's content and its public link, or an
// SMS with the link. It is a transactional message the client asked for at
// the counter, so their preferences about service messages do not stop it.
// The sending counts as an issue of the receipt (the first is the
// original, later ones duplicatas) in the same transaction as the outbox.
func (t *Till) SendReceipt(ctx context.Context, salonID, ticketID uuid.UUID, in SendInput) (Issue, error) {
	in, err := in.parse()
	if err != nil {
		return Issue{}, err
	}
	var out Issue
	err = t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		tk, err := loadTx(ctx, tx, salonID, ticketID)
		if err != nil {
			return err
		}
		if out, err = t.issueTx(ctx, tx, salonID, ticketID, in.Actor, in.Channel); err != nil {
			return err
		}
		set, err := settingsTx(ctx, tx, salonID)
		if err != nil {
			return err
		}
		lang := i18n.Default
		d := message.Draft{SalonID: salonID, Channel: in.Channel, Kind: "receipt", Purpose: message.Transactional, To: in.To,
			CreatedBy: ptr(in.Actor)}
		if tk.CustomerID != uuid.Nil {
			c, err := tx.MessageCustomer(ctx, dbq.MessageCustomerParams{TenantID: salonID, ID: tk.CustomerID})
			if err != nil {
				return err
			}
			if l, ok := i18n.Parse(c.Lang); ok {
				lang = l
			}
			d.CustomerID = &tk.CustomerID
		}
		d.Lang = lang
		r := receiptText{tk: tk, set: set, issue: out, lang: lang, currency: in.Currency, zone: in.Zone, link: t.ReceiptURL(salonID, ticketID)}
		if in.Channel == message.Email {
			d.Channel, d.Subject, d.Body = message.Email, r.subject(), r.email()
		} else {
			d.Channel, d.Body = message.SMS, r.sms()
		}
		_, err = message.EnqueueTx(ctx, tx, d, message.Consent{EmailTransactional: true, SMSTransactional: true})
		return err
	})
	if err != nil {
		return Issue{}, fmt.Errorf("till: send receipt: %w", err)
	}
	return out, nil
}

// Issues is how many times a receipt left the till, for the page's buttons.
func (t *Till) Issues(ctx context.Context, salonID, ticketID uuid.UUID) (prints, sends int64, err error) {
	err = t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		n, err := tx.ReceiptIssueCounts(ctx, dbq.ReceiptIssueCountsParams{TenantID: salonID, TicketID: ticketID})
		prints, sends = n.Prints, n.Sends
		return err
	})
	if err != nil {
		return 0, 0, fmt.Errorf("till: receipt issues: %w", err)
	}
	return prints, sends, nil
}

// PublicReceipt is a receipt as its public link shows it.
type PublicReceipt struct {
	SalonID  uuid.UUID
	Ticket   Ticket
	Settings Settings
}

// PublicReceipt reads the receipt a public link names, with its salon's
// details.
func (t *Till) PublicReceipt(ctx context.Context, token string) (PublicReceipt, error) {
	salonID, ticketID, err := t.ReadReceiptLink(token)
	if err != nil {
		return PublicReceipt{}, err
	}
	out := PublicReceipt{SalonID: salonID}
	err = t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if out.Ticket, err = loadTx(ctx, tx, salonID, ticketID); err != nil {
			return err
		}
		if !out.Ticket.Closed() {
			return apperr.ErrNotFound
		}
		out.Settings, err = settingsTx(ctx, tx, salonID)
		return err
	})
	if err != nil {
		return PublicReceipt{}, fmt.Errorf("till: public receipt: %w", err)
	}
	out.Ticket.CustomerName = "" // the link may be forwarded: only what the receipt shows
	return out, nil
}

// trimLines drops blank lines a missing mention leaves.
func trimLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" || (len(out) > 0 && out[len(out)-1] != "") {
			out = append(out, strings.TrimRight(l, " "))
		}
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
