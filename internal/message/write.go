package message

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Manual is a message a staff member writes on a client's record. Purpose
// is Transactional (about their visits, an order) or Marketing (an offer):
// an offer needs the client's consent to offers on that channel.
type Manual struct {
	Channel, Purpose, Subject, Body string
}

// Write sends a client a message a staff member wrote on their record, by
// email or SMS. The text may use the client's and the salon's placeholders
// ({prenom}, {nom}, {salon}, {adresse}). Problems come back on the form's
// fields: channel (no address, or the client refused the channel), purpose
// (no consent to offers), subject, body. Another salon's client is not found.
func (o *Outbox) Write(ctx context.Context, salonID, customerID, actorUserID uuid.UUID, m Manual) error {
	channel, purpose := m.Channel, m.Purpose
	if purpose == "" {
		purpose = Transactional
	}
	t := Text{Subject: strings.TrimSpace(m.Subject), Body: strings.TrimSpace(strings.ReplaceAll(m.Body, "\r\n", "\n"))}
	f := apperr.Fields{}
	if channel != Email && channel != SMS {
		f.Add("channel", "field.choose")
	}
	if purpose != Transactional && purpose != Marketing {
		f.Add("purpose", "field.choose")
	}
	if channel == SMS {
		t.Subject = ""
	}
	check(KindManual, channel, t, f)
	err := o.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		c, err := tx.MessageCustomer(ctx, dbq.MessageCustomerParams{TenantID: salonID, ID: customerID})
		if err != nil {
			return err
		}
		consent := consentOf(c)
		to := c.Email
		switch {
		case channel == SMS && c.Phone == "":
			f.Add("channel", "message.no_phone")
		case channel == SMS && !consent.Allows(SMS, Transactional):
			f.Add("channel", "message.refused_sms")
		case channel == Email && c.Email == "":
			f.Add("channel", "message.no_email")
		case channel == Email && !consent.Allows(Email, Transactional):
			f.Add("channel", "message.refused_email")
		case purpose == Marketing && !consent.Allows(channel, Marketing):
			f.Add("purpose", "message.refused_offers")
		}
		if channel == SMS {
			to = c.Phone
		}
		v := vars{VarFirstName: c.FirstName, VarLastName: c.LastName, VarSalon: c.SalonName, VarAddress: c.Address}
		if channel == SMS && purpose == Marketing && f["body"] == "" &&
			utf8.RuneCountInString(withStop(render(t.Body, v), langOf(c.Lang))) > maxSMS {
			f.Add("body", "message.sms_long") // the STOP notice must fit too
		}
		if err := f.Err(); err != nil {
			return err
		}
		_, err = EnqueueTx(ctx, tx, Draft{SalonID: salonID, CustomerID: &c.ID, Channel: channel, Kind: KindManual,
			Purpose: purpose, To: to, Subject: render(t.Subject, v), Body: render(t.Body, v), CreatedBy: &actorUserID,
			Lang: langOf(c.Lang)}, consent)
		return err
	})
	if err != nil {
		return fmt.Errorf("message: write: %w", err)
	}
	return nil
}

// ManualText is the salon's starting text for a message to this client
// (the manual template, with the client's name filled in).
func (o *Outbox) ManualText(ctx context.Context, salonID, customerID uuid.UUID, channel string) (Text, error) {
	if channel != SMS {
		channel = Email
	}
	var out Text
	err := o.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		c, err := tx.MessageCustomer(ctx, dbq.MessageCustomerParams{TenantID: salonID, ID: customerID})
		if err != nil {
			return err
		}
		t, err := templateTx(ctx, tx, salonID, KindManual, langOf(c.Lang), channel)
		if err != nil {
			return err
		}
		v := vars{VarFirstName: c.FirstName, VarLastName: c.LastName, VarSalon: c.SalonName, VarAddress: c.Address}
		// Keep the blank lines where the staff member writes.
		out = Text{Subject: render(t.Subject, v), Body: renderKeepingBlanks(t.Body, v)}
		return nil
	})
	return out, err
}

// renderKeepingBlanks fills placeholders but keeps the text's layout.
func renderKeepingBlanks(text string, v vars) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		b.WriteString(render(line, v))
	}
	return b.String()
}
