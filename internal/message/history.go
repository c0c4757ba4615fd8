package message

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Skip reasons, as EnqueueTx records them.
const (
	SkipNoAddress = "no_address"
	SkipOptedOut  = "opted_out"
	SkipDemo      = "demo" // the demo salon: nothing is ever sent
)

// HistoryItem is one message in a client's history, as the record shows it.
type HistoryItem struct {
	ID         uuid.UUID
	At         time.Time  // when it was written, in the salon's zone
	SentAt     *time.Time // in the salon's zone
	Channel    string     // Email or SMS
	Kind       string
	Subject    string
	Preview    string // the start of the body, links masked as {lien}
	Status     string // sent, failed, skipped, queued
	SkipReason string // no_address, opted_out, demo
	LastError  string
	Attempts   int
	ByStaff    bool // written by a staff member
}

// previewLength is how much of a body the history shows.
const previewLength = 240

// History lists a client's messages, newest first (at most limit).
func (o *Outbox) History(ctx context.Context, salonID, customerID uuid.UUID, limit int) ([]HistoryItem, error) {
	if limit <= 0 || limit > 500 {
		limit = 500
	}
	var rows []dbq.Message
	loc := time.UTC
	err := o.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		t, err := tx.TenantGet(ctx, salonID)
		if err != nil {
			return err
		}
		loc = zone(t.TimeZone)
		rows, err = tx.MessagesOfCustomer(ctx, dbq.MessagesOfCustomerParams{TenantID: salonID, CustomerID: &customerID, RowLimit: int32(limit)})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("message: history: %w", err)
	}
	out := make([]HistoryItem, len(rows))
	for i, m := range rows {
		out[i] = HistoryItem{ID: m.ID, At: m.CreatedAt.In(loc), Channel: m.Channel, Kind: m.Kind, Subject: m.Subject,
			Preview: preview(m.Body), Status: m.Status, SkipReason: m.SkipReason, LastError: m.LastError,
			Attempts: int(m.Attempts), ByStaff: m.CreatedBy != nil}
		if m.SentAt != nil {
			at := m.SentAt.In(loc)
			out[i].SentAt = &at
		}
	}
	return out, nil
}

// preview is a body on one line, cut short, with no working link: staff
// see that a link was sent, never the link.
func preview(body string) string {
	s := strings.Join(strings.Fields(anyLink.ReplaceAllString(body, linkMarker)), " ")
	if r := []rune(s); len(r) > previewLength {
		s = string(r[:previewLength])
		if open := strings.LastIndex(s, "{"); open > strings.LastIndex(s, "}") {
			s = s[:open] // never half a placeholder
		}
		s = strings.TrimSpace(s) + "…"
	}
	return s
}
