package journal

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// ClosureRow is a closure as the salon's journal page lists it.
type ClosureRow struct {
	Register uuid.UUID
	Seq      int64
	At       time.Time // when it was made
	Closure
}

// Chain is one register's chain, as the page lists it.
type Chain struct {
	Register    uuid.UUID
	Entries     int64
	First, Last time.Time
}

// Overview is the salon's journal page: the key to check archives with,
// the registers and their latest closures.
type Overview struct {
	PublicKey, KeyID string
	Chains           []Chain
	Closures         []ClosureRow
}

// Closures lists the salon's latest closures, newest first.
func (j *Journal) Closures(ctx context.Context, tx store.Tx, tenantID uuid.UUID, limit int32) ([]ClosureRow, error) {
	rows, err := tx.JournalClosureList(ctx, dbq.JournalClosureListParams{TenantID: tenantID, MaxRows: limit})
	if err != nil {
		return nil, fmt.Errorf("journal: list closures: %w", err)
	}
	out := make([]ClosureRow, 0, len(rows))
	for _, r := range rows {
		e, err := decode(r.Payload)
		if err != nil {
			return nil, fmt.Errorf("journal: closure %d: %w", r.Seq, err)
		}
		out = append(out, ClosureRow{Register: r.RegisterID, Seq: r.Seq, At: r.At, Closure: *e.Closure})
	}
	return out, nil
}

// Overview reads the salon's journal page.
func (j *Journal) Overview(ctx context.Context, tenantID uuid.UUID) (Overview, error) {
	o := Overview{PublicKey: j.Key.PublicBase64(), KeyID: j.Key.ID()}
	err := j.DB.WithTenant(ctx, tenantID, func(tx store.Tx) error {
		heads, err := tx.JournalHeadList(ctx, tenantID)
		if err != nil {
			return fmt.Errorf("journal: registers: %w", err)
		}
		for _, h := range heads {
			o.Chains = append(o.Chains, Chain{Register: h.RegisterID, Entries: h.Seq, First: h.FirstAt, Last: h.LastAt})
		}
		o.Closures, err = j.Closures(ctx, tx, tenantID, 60)
		return err
	})
	return o, err
}

// CloseToday is the Z closure run by hand at the end of the day: it covers
// the day so far (after the register's last day closure, when one was
// made today already). What the register records later that day goes to
// the next closure. Another salon's register is not found.
func (j *Journal) CloseToday(ctx context.Context, tenantID, registerID uuid.UUID, loc *time.Location) (Closure, error) {
	var c Closure
	err := j.DB.WithTenant(ctx, tenantID, func(tx store.Tx) error {
		if _, err := tx.JournalHeadGet(ctx, dbq.JournalHeadGetParams{TenantID: tenantID, RegisterID: registerID}); err != nil {
			if store.IsNotFound(err) {
				return apperr.ErrNotFound
			}
			return fmt.Errorf("journal: close today: %w", err)
		}
		now := instant(j.Clock.Now())
		from, _ := Bounds(Day, now, loc)
		day := string(Day)
		last, err := tx.JournalLastClosureTo(ctx, dbq.JournalLastClosureToParams{TenantID: tenantID, RegisterID: registerID, Period: &day})
		if err != nil && !store.IsNotFound(err) {
			return fmt.Errorf("journal: close today: %w", err)
		}
		if last != nil && last.After(from) {
			from = *last
		}
		if !now.After(from) {
			return apperr.New(apperr.Conflict, "journal.already_closed")
		}
		c, err = j.Close(ctx, tx, tenantID, registerID, Day, from, now)
		return err
	})
	return c, err
}
