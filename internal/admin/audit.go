package admin

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// AuditPerPage is the audit log's page size.
const AuditPerPage = 50

// AuditQuery filters the audit log: a salon (its slug or id), an admin's
// email, an action; "" means any.
type AuditQuery struct {
	Salon  string
	Admin  string
	Action string
	Page   int // from 1
}

// AuditLog is one page of the audit log and what the filters can choose.
type AuditLog struct {
	Entries []Entry
	Total   int64
	Page    int
	Pages   int
	Actors  []string
	Actions []string
}

// Audit returns one page of the platform's audit log, newest first. An
// unknown salon matches nothing.
func (s *Service) Audit(ctx context.Context, q AuditQuery) (AuditLog, error) {
	q.Page = max(q.Page, 1)
	out := AuditLog{Page: q.Page}
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		var err error
		if out.Actors, err = tx.AuditActors(ctx); err != nil {
			return err
		}
		if out.Actions, err = tx.AuditActions(ctx); err != nil {
			return err
		}
		salonID, found, err := salonRef(ctx, tx, strings.TrimSpace(q.Salon))
		if err != nil || !found {
			return err
		}
		rows, err := tx.AuditPage(ctx, dbq.AuditPageParams{TenantID: salonID, ActorEmail: q.Admin, Action: q.Action,
			RowLimit: AuditPerPage, RowOffset: int32((q.Page - 1) * AuditPerPage)})
		if err != nil {
			return err
		}
		for _, r := range rows {
			out.Entries = append(out.Entries, entryOf(dbq.AuditListRow(r)))
		}
		out.Total, err = tx.AuditCount(ctx, dbq.AuditCountParams{TenantID: salonID, ActorEmail: q.Admin, Action: q.Action})
		return err
	})
	if err != nil {
		return AuditLog{}, fmt.Errorf("admin: audit: %w", err)
	}
	out.Pages = int((out.Total + AuditPerPage - 1) / AuditPerPage)
	return out, nil
}

// salonRef reads the salon filter: nil for any salon, else the salon's id
// from its id or slug; found is false when no salon answers to it.
func salonRef(ctx context.Context, tx store.Tx, ref string) (id *uuid.UUID, found bool, err error) {
	if ref == "" {
		return nil, true, nil
	}
	if u, perr := uuid.Parse(ref); perr == nil {
		return &u, true, nil
	}
	t, err := tx.TenantGetBySlug(ctx, strings.ToLower(ref))
	if store.IsNotFound(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return &t.ID, true, nil
}

func entryOf(r dbq.AuditListRow) Entry {
	e := Entry{At: r.CreatedAt, ActorEmail: r.ActorEmail, Action: r.Action, SalonID: r.TenantID, SalonName: r.TenantName, IP: r.Ip}
	_ = json.Unmarshal(r.Detail, &e.Detail)
	return e
}
