package admin

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Service runs platform admin actions.
type Service struct {
	DB    *store.DB
	Clock clock.Clock
	// Contact is the platform team's address, given to a suspended salon.
	Contact string
	// Directory is told of a status change, so its public pages close (or
	// open) at once rather than when its slug cache expires.
	Directory *salon.Service
}

// Actor is the platform admin acting, as written to the audit log.
type Actor struct {
	UserID uuid.UUID
	Email  string
	IP     string
}

// SalonRow is one line of the salon list.
type SalonRow struct {
	ID           uuid.UUID
	Slug         string
	Name         string
	Status       string
	StatusReason string
	CreatedAt    time.Time
	OwnerName    string
	OwnerEmail   string
	StaffCount   int64
	Clients      int64
	Visits30d    int64
}

// ListQuery filters the salon list.
type ListQuery struct {
	Search string
	Status string // "", active, suspended
	Page   int    // from 1
}

// PerPage is the salon list's page size.
const PerPage = 50

// SalonList is one page of salons and the total matching.
type SalonList struct {
	Rows  []SalonRow
	Total int64
	Page  int
	Pages int
}

// Salons lists salons, newest first.
func (s *Service) Salons(ctx context.Context, q ListQuery) (SalonList, error) {
	q.Search = strings.TrimSpace(q.Search)
	if q.Status != salon.StatusActive && q.Status != salon.StatusSuspended {
		q.Status = ""
	}
	if q.Page < 1 {
		q.Page = 1
	}
	out := SalonList{Page: q.Page}
	pattern, now := likeEscape(q.Search), s.Clock.Now()
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		rows, err := tx.TenantListForAdmin(ctx, dbq.TenantListForAdminParams{Search: pattern, Status: q.Status,
			Since: now.Add(-recent), Now: now, RowLimit: PerPage, RowOffset: int32((q.Page - 1) * PerPage)})
		if err != nil {
			return err
		}
		for _, r := range rows {
			out.Rows = append(out.Rows, SalonRow{ID: r.ID, Slug: r.Slug, Name: r.Name, Status: r.Status, StatusReason: r.StatusReason,
				CreatedAt: r.CreatedAt, OwnerName: r.OwnerName, OwnerEmail: r.OwnerEmail, StaffCount: r.StaffCount,
				Clients: r.Clients, Visits30d: r.Visits30d})
		}
		out.Total, err = tx.TenantCountForAdmin(ctx, dbq.TenantCountForAdminParams{Search: pattern, Status: q.Status})
		return err
	})
	if err != nil {
		return SalonList{}, fmt.Errorf("admin: salons: %w", err)
	}
	out.Pages = int((out.Total + PerPage - 1) / PerPage)
	return out, nil
}

// likeEscape makes what the admin typed match literally inside a LIKE
// pattern: "50%" finds "50%", not every name starting with 50.
var likeEscape = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace

// Member is a salon's team member as the admin sees it.
type Member struct {
	Name, Email, Role string
	Since             time.Time
}

// SalonDetail is everything the admin's salon page shows.
type SalonDetail struct {
	Salon   salon.Salon
	Members []Member
	Figures Figures
	Audit   []Entry
}

// Salon returns one salon with its team and its audit trail. Looking into a
// salon is itself an admin action, so it is logged too.
func (s *Service) Salon(ctx context.Context, actor Actor, id uuid.UUID) (SalonDetail, error) {
	var d SalonDetail
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		t, err := tx.TenantGetFull(ctx, id)
		if err != nil {
			return err
		}
		d.Salon = salon.FromFullRow(t)
		detail, _ := json.Marshal(map[string]string{"slug": t.Slug, "name": t.Name})
		if err := tx.AuditInsert(ctx, dbq.AuditInsertParams{ActorUserID: &actor.UserID, ActorEmail: actor.Email,
			Action: "salon.view", TenantID: &id, Detail: detail, Ip: actor.IP}); err != nil {
			return err
		}
		members, err := tx.MembershipListByTenant(ctx, id)
		if err != nil {
			return err
		}
		for _, m := range members {
			d.Members = append(d.Members, Member{Name: m.Name, Email: m.Email, Role: m.Role, Since: m.CreatedAt})
		}
		if d.Figures, err = figuresTx(ctx, tx, id, s.Clock.Now()); err != nil {
			return err
		}
		d.Audit, err = auditList(ctx, tx, &id, 100)
		return err
	})
	if err != nil {
		return SalonDetail{}, fmt.Errorf("admin: salon: %w", err)
	}
	return d, nil
}

// Suspend stops a salon: its staff can no longer log in and its public page
// takes no bookings. Everyone who works there is emailed the reason and the
// platform's contact, in the same transaction as the change.
func (s *Service) Suspend(ctx context.Context, actor Actor, id uuid.UUID, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return apperr.Fields{"reason": "field.required"}.Err()
	}
	if len(reason) > 500 {
		return apperr.Fields{"reason": "reason.long"}.Err()
	}
	return s.setStatus(ctx, actor, id, salon.StatusSuspended, reason, "salon.suspend")
}

// Reactivate lets a suspended salon work again.
func (s *Service) Reactivate(ctx context.Context, actor Actor, id uuid.UUID) error {
	return s.setStatus(ctx, actor, id, salon.StatusActive, "", "salon.reactivate")
}

func (s *Service) setStatus(ctx context.Context, actor Actor, id uuid.UUID, status, reason, action string) error {
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		before, err := tx.TenantGetFull(ctx, id)
		if err != nil {
			return err
		}
		if before.Status == status {
			return nil // repeating the action changes nothing and is not logged twice
		}
		now := s.Clock.Now()
		if _, err := tx.TenantSetStatus(ctx, dbq.TenantSetStatusParams{ID: id, Status: status, StatusReason: reason, ChangedAt: &now}); err != nil {
			return err
		}
		detail, _ := json.Marshal(map[string]string{"slug": before.Slug, "name": before.Name, "from": before.Status, "to": status, "reason": reason})
		if err := tx.AuditInsert(ctx, dbq.AuditInsertParams{ActorUserID: &actor.UserID, ActorEmail: actor.Email, Action: action,
			TenantID: &id, Detail: detail, Ip: actor.IP}); err != nil {
			return err
		}
		if status != salon.StatusSuspended {
			return nil
		}
		return s.tellTeam(ctx, tx, id, before.Name, reason)
	})
	if err != nil {
		return fmt.Errorf("admin: %s: %w", action, err)
	}
	if s.Directory != nil {
		s.Directory.Forget(id)
	}
	return nil
}

// tellTeam queues the suspension email to everyone who works in the salon.
func (s *Service) tellTeam(ctx context.Context, tx store.Tx, id uuid.UUID, salonName, reason string) error {
	team, err := tx.MembershipRecipientsForAdmin(ctx, id)
	if err != nil {
		return err
	}
	for _, m := range team {
		lang, _ := i18n.Parse(m.Locale)
		msg := suspensionEmail(lang, m.Email, m.Name, salonName, reason, s.Contact)
		if err := tx.Enqueue(ctx, mail.SendArgs{Message: msg}, nil); err != nil {
			return err
		}
	}
	return nil
}

// Entry is one audit log line.
type Entry struct {
	At         time.Time
	ActorEmail string
	Action     string
	SalonID    *uuid.UUID
	SalonName  string
	Detail     map[string]string
	IP         string
}

func auditList(ctx context.Context, tx store.Tx, salonID *uuid.UUID, limit int32) ([]Entry, error) {
	rows, err := tx.AuditList(ctx, dbq.AuditListParams{TenantID: salonID, RowLimit: limit})
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(rows))
	for _, r := range rows {
		out = append(out, entryOf(r))
	}
	return out, nil
}
