package admin

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// ViewAs starts a support session: the admin sees the salon's back office
// as its owner sees it, read-only. It returns the owner's account; both the
// start and the end are in the audit log.
func (s *Service) ViewAs(ctx context.Context, actor Actor, id uuid.UUID) (owner uuid.UUID, err error) {
	err = s.DB.Unscoped(ctx, func(tx store.Tx) error {
		t, err := tx.TenantGetFull(ctx, id)
		if err != nil {
			return err
		}
		o, err := tx.MembershipOwnerForAdmin(ctx, id)
		if err != nil {
			return err
		}
		owner = o.ID
		return audit(ctx, tx, actor, "salon.view_as", id, map[string]string{"slug": t.Slug, "name": t.Name, "email": o.Email})
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("admin: view as owner: %w", err)
	}
	return owner, nil
}

// EndViewAs records the end of a support session.
func (s *Service) EndViewAs(ctx context.Context, actor Actor, id uuid.UUID) error {
	err := s.DB.Unscoped(ctx, func(tx store.Tx) error {
		t, err := tx.TenantGetFull(ctx, id)
		if err != nil {
			return err
		}
		return audit(ctx, tx, actor, "salon.view_as_end", id, map[string]string{"slug": t.Slug, "name": t.Name})
	})
	if err != nil {
		return fmt.Errorf("admin: end view as owner: %w", err)
	}
	return nil
}

func audit(ctx context.Context, tx store.Tx, actor Actor, action string, id uuid.UUID, detail map[string]string) error {
	raw, _ := json.Marshal(detail)
	return tx.AuditInsert(ctx, dbq.AuditInsertParams{ActorUserID: &actor.UserID, ActorEmail: actor.Email, Action: action,
		TenantID: &id, Detail: raw, Ip: actor.IP})
}
