package message

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/urls"
)

// unsubscribePurpose keeps an unsubscribe token from serving any other use.
const unsubscribePurpose = "unsubscribe-email"

// UnsubscribeURL is the link in every offer by email that withdraws the
// client's consent to offers by email, without signing in. It is signed, not
// stored: it works for as long as the app's secret does.
func (o *Outbox) UnsubscribeURL(salonID, customerID uuid.UUID) string {
	data := append(salonID[:len(salonID):len(salonID)], customerID[:]...)
	return o.BaseURL + urls.Unsubscribe(secret.Sign(o.Secret, unsubscribePurpose, data))
}

// Unsubscription is what an unsubscribe link's page shows.
type Unsubscription struct {
	SalonName, Email string
	Lang             i18n.Lang
	Subscribed       bool // still accepts offers by email
}

// readToken returns the salon and client an unsubscribe token names; a
// token that was not minted here is not found.
func (o *Outbox) readToken(token string) (salonID, customerID uuid.UUID, err error) {
	data, ok := secret.Verify(o.Secret, unsubscribePurpose, token)
	if !ok || len(data) != 32 {
		return uuid.Nil, uuid.Nil, apperr.ErrNotFound
	}
	return uuid.UUID(data[:16]), uuid.UUID(data[16:]), nil
}

// Unsubscription reads the link's client, for the page that asks to confirm.
func (o *Outbox) Unsubscription(ctx context.Context, token string) (Unsubscription, error) {
	salonID, customerID, err := o.readToken(token)
	if err != nil {
		return Unsubscription{}, err
	}
	var u Unsubscription
	err = o.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		r, err := tx.ConsentSubject(ctx, dbq.ConsentSubjectParams{TenantID: salonID, ID: customerID})
		u = Unsubscription{SalonName: r.SalonName, Email: r.Email, Lang: langOf(r.Lang), Subscribed: r.EmailMarketing}
		return err
	})
	if err != nil {
		return Unsubscription{}, fmt.Errorf("message: unsubscription: %w", err)
	}
	return u, nil
}

// Unsubscribe withdraws consent to offers by email from every record of the
// salon with the link's address (CNIL: the person leaves, not one of their
// records) and keeps when and how (source: customer.ConsentFromLink or
// ConsentFromOneClick).
func (o *Outbox) Unsubscribe(ctx context.Context, token, source string) error {
	salonID, customerID, err := o.readToken(token)
	if err != nil {
		return err
	}
	err = o.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		subject, err := tx.ConsentSubject(ctx, dbq.ConsentSubjectParams{TenantID: salonID, ID: customerID})
		if err != nil {
			return err
		}
		ids, err := tx.ConsentSameEmail(ctx, dbq.ConsentSameEmailParams{TenantID: salonID, Email: subject.Email})
		if err != nil {
			return err
		}
		if !slices.Contains(ids, subject.ID) {
			ids = append(ids, subject.ID)
		}
		for _, id := range ids {
			if _, err := customer.WithdrawTx(ctx, tx, salonID, id, Email, source, o.Clock.Now()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("message: unsubscribe: %w", err)
	}
	return nil
}

// stopWords are the replies that mean "no more offers" (French operators'
// usage: STOP, and ARRET for those who type it in French).
var stopWords = map[string]bool{"STOP": true, "ARRET": true, "ARRÊT": true, "UNSUBSCRIBE": true}

// IsStop reports whether an SMS reply asks to stop offers: its first word
// is STOP (or ARRET), whatever follows.
func IsStop(text string) bool {
	words := strings.Fields(strings.ToUpper(text))
	return len(words) > 0 && stopWords[strings.Trim(words[0], ".!")]
}

// InboundStop records an SMS reply the gateway reports: a STOP from a phone
// to a sender name withdraws consent to SMS offers of every salon that
// writes to that phone under that name. It returns how many client records
// it changed; any other reply changes nothing.
func (o *Outbox) InboundStop(ctx context.Context, from, to, text string) (int, error) {
	if !IsStop(text) || strings.TrimSpace(from) == "" {
		return 0, nil
	}
	var matches []dbq.ConsentStopMatchesRow
	err := o.DB.Unscoped(ctx, func(tx store.Tx) error {
		var err error
		matches, err = tx.ConsentStopMatches(ctx, dbq.ConsentStopMatchesParams{Phone: strings.TrimSpace(from),
			DefaultSender: o.SMSFrom, Sender: strings.TrimSpace(to)})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("message: inbound stop: %w", err)
	}
	changed := 0
	for _, m := range matches {
		err := o.DB.WithTenant(ctx, m.TenantID, func(tx store.Tx) error {
			done, err := customer.WithdrawTx(ctx, tx, m.TenantID, m.ID, SMS, customer.ConsentFromSMSStop, o.Clock.Now())
			if done {
				changed++
			}
			return err
		})
		if err != nil {
			return changed, fmt.Errorf("message: inbound stop: %w", err)
		}
	}
	return changed, nil
}
